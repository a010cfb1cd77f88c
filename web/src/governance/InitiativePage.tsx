import { useParams } from "react-router";
import { ApiError } from "../api/client";
import { useBody } from "../api/queries";
import { ScrollableTable } from "../app/ScrollableTable";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { formatDate, formatDateTime, formatList, formatNumber } from "../format";
import { currentLanguage } from "../i18n";
import { useIndicators } from "../indicators/api";
import { NotFoundPage } from "../pages/NotFoundPage";
import { Breadcrumbs } from "./Breadcrumbs";
import { DecisionsSection } from "./DecisionList";
import { EffectTable } from "./EffectTable";
import { InitiativeActions } from "./InitiativeActions";
import { InitiativeStatusTag } from "./InitiativeStatusTag";
import { type InitiativeView, useInitiative } from "./initiative-api";
import { useInitiativeText } from "./initiative-text";
import { formatKroner } from "./money";
import { initiativesPath } from "./paths";

/** One initiative: goal, target, participants, budget, milestones, the effect and the versions. */
export function InitiativePage() {
  const t = useInitiativeText();
  const { initiativeId = "" } = useParams();
  const query = useInitiative(initiativeId);
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const i = query.data;
  return (
    <>
      <title>{`${i.title} – ${i.body.name}`}</title>
      <Breadcrumbs
        body={i.body}
        current={i.title}
        section={{ label: t("initiatives.title"), to: initiativesPath(i.body.id, i.body.kind) }}
      />
      <h1>{i.title}</h1>
      <p>
        <InitiativeStatusTag status={i.status} />{" "}
        {t("initiatives.versionOf", { version: i.version })}{" "}
        {i.public && (
          <span className="badge badge-small badge-info">{t("initiatives.publicTag")}</span>
        )}
      </p>
      <p className="form-hint">
        {t("initiatives.period", { start: formatDate(i.start), end: formatDate(i.end) })}
      </p>
      <h2>{t("initiatives.goal")}</h2>
      <p className="font-lead">{i.goal}</p>
      <InitiativeActions initiative={i} />
      {i.evaluation && (
        <section aria-labelledby="evaluation-heading">
          <h2 id="evaluation-heading">{t("initiatives.evaluation.heading")}</h2>
          <p>
            <strong>{t(`initiatives.evaluation.outcomes.${i.evaluation.outcome}`)}</strong>
          </p>
          <p>{i.evaluation.text}</p>
        </section>
      )}
      <Target initiative={i} />
      <EffectTable id={i.id} />
      <Participants initiative={i} />
      <Budget initiative={i} />
      <Milestones initiative={i} />
      <DecisionsSection on="initiatives" id={i.id} />
      <Versions initiative={i} />
    </>
  );
}

function Target({ initiative: i }: { initiative: InitiativeView }) {
  const t = useInitiativeText();
  const indicators = useIndicators();
  const definition = indicators.data?.indicators.find((d) => d.id === i.indicatorId);
  const language = currentLanguage() === "da" ? "da" : "en";
  return (
    <section aria-labelledby="target-heading">
      <h2 id="target-heading">{t("initiatives.target.heading")}</h2>
      <dl>
        <dt>{t("initiatives.target.indicator")}</dt>
        <dd>{definition ? definition.title[language] : i.indicatorId}</dd>
        <dt>{t("initiatives.target.ageBand")}</dt>
        <dd>{i.ageBand ?? t("initiatives.target.allAges")}</dd>
        <dt>{t("initiatives.target.baseline")}</dt>
        <dd>{formatNumber(i.baseline)}</dd>
        <dt>{t("initiatives.target.target")}</dt>
        <dd>{formatNumber(i.target)}</dd>
      </dl>
    </section>
  );
}

function Participants({ initiative: i }: { initiative: InitiativeView }) {
  const t = useInitiativeText();
  const body = useBody(i.body.id);
  const nameOf = (code: string) =>
    body.data?.municipalities.find((m) => m.code === code)?.name ?? code;
  return (
    <section aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t("initiatives.participants.heading")}</h2>
      <dl>
        <dt>{t("initiatives.participants.municipalities")}</dt>
        <dd>{formatList(i.municipalityCodes.map(nameOf))}</dd>
        <dt>{t("initiatives.participants.practices")}</dt>
        <dd>
          {i.practices.length > 0 ? formatList(i.practices) : t("initiatives.participants.none")}
        </dd>
      </dl>
    </section>
  );
}

function Budget({ initiative: i }: { initiative: InitiativeView }) {
  const t = useInitiativeText();
  return (
    <section aria-labelledby="budget-heading">
      <h2 id="budget-heading">{t("initiatives.budget.heading")}</h2>
      <ScrollableTable label={t("initiatives.budget.heading")}>
        <table className="table table--zebra">
          <thead>
            <tr>
              <th scope="col">{t("initiatives.budget.party")}</th>
              <th scope="col">{t("initiatives.budget.amount")}</th>
            </tr>
          </thead>
          <tbody>
            {i.budget.map((b, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a share is its place in the list
              <tr key={n}>
                <td>{b.party}</td>
                <td>{formatKroner(b.amountOre)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t("initiatives.budget.total")}</th>
              <td>
                <strong>{formatKroner(i.budgetTotalOre)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      </ScrollableTable>
    </section>
  );
}

function Milestones({ initiative: i }: { initiative: InitiativeView }) {
  const t = useInitiativeText();
  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">{t("initiatives.milestones.heading")}</h2>
      {i.milestones.length === 0 ? (
        <p>{t("initiatives.milestones.none")}</p>
      ) : (
        <ScrollableTable label={t("initiatives.milestones.heading")}>
          <table className="table table--zebra">
            <thead>
              <tr>
                <th scope="col">{t("initiatives.milestones.title")}</th>
                <th scope="col">{t("initiatives.milestones.due")}</th>
                <th scope="col">{t("initiatives.milestones.done")}</th>
              </tr>
            </thead>
            <tbody>
              {i.milestones.map((m, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a milestone is its place in the list
                <tr key={n}>
                  <td>{m.title}</td>
                  <td>{formatDate(m.due)}</td>
                  <td>
                    {m.done ? t("initiatives.milestones.yes") : t("initiatives.milestones.no")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </section>
  );
}

function Versions({ initiative: i }: { initiative: InitiativeView }) {
  const t = useInitiativeText();
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t("initiatives.versions.heading")}</h2>
      <ScrollableTable label={t("initiatives.versions.heading")}>
        <table className="table table--zebra">
          <thead>
            <tr>
              <th scope="col">{t("initiatives.versions.version")}</th>
              <th scope="col">{t("initiatives.versions.change")}</th>
              <th scope="col">{t("initiatives.versions.at")}</th>
              <th scope="col">{t("initiatives.versions.by")}</th>
            </tr>
          </thead>
          <tbody>
            {[...i.versions].reverse().map((v) => (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td>
                  {t(`initiatives.versions.changes.${v.change}`)}
                  {v.change === "status" && `: ${t(`initiatives.statuses.${v.status}`)}`}
                </td>
                <td>{formatDateTime(v.at)}</td>
                <td>{[v.byName, v.byOrganisation].filter(Boolean).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </section>
  );
}
