import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { ErrorOrForbidden } from "../access/RequireLogin";
import { activeMembership, useMe } from "../access/session-api";
import { getJson } from "../api/client";
import { Loading } from "../components/Loading";
import { formatDate } from "../format";
import { BodiesPanel } from "./BodiesPanel";
import { CitizenHandoverNotice } from "./CitizenHandoverNotice";
import { DischargeForm, DischargeRefused } from "./DischargeForm";
import { ResponsibilityPanel } from "./ResponsibilityPanel";
import { StaysTable } from "./StaysTable";
import { Timeline } from "./Timeline";
import type { Pathway } from "./types";
import { viewerOf } from "./viewer";

/** How often the page asks again, so a new hospital notification shows without a reload. */
const REFRESH_MS = 30_000;

/** A citizen's course of care: who they are, the state now, who is responsible, and what happened. */
export function PathwayPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe().data;
  const acting = activeMembership(me);
  const purpose = (useLocation().state as { purpose?: string } | null)?.purpose;
  const pathway = useQuery({
    queryKey: ["pathway", id],
    queryFn: ({ signal }) =>
      getJson<Pathway>(
        `/api/citizens/${encodeURIComponent(id)}/pathway${
          purpose ? `?purpose=${encodeURIComponent(purpose)}` : ""
        }`,
        signal,
      ),
    refetchInterval: REFRESH_MS,
    // Who is responsible changes elsewhere: never show an old answer from the cache.
    staleTime: 0,
  });

  if (pathway.isPending) return <Loading />;
  if (pathway.isError)
    return <ErrorOrForbidden error={pathway.error} onRetry={() => void pathway.refetch()} />;
  const p = pathway.data;
  const viewer = viewerOf(me?.user.kind, p.citizen.name);
  // The server says who may discharge (src/access/discharge-rule.ts): the stay's own
  // hospital's clinicians and discharge coordinators. Staff who may not are told why.
  const inHospital = p.stays.filter((s) => s.status === "admitted" || s.status === "on-leave");
  const dischargeable = inHospital.find((s) => s.dischargeRefusal === null);
  const refusal = acting ? inHospital[0]?.dischargeRefusal : null;
  return (
    <>
      <title>{`${t("pathway.title")}: ${p.citizen.name} – ${t("app.name")}`}</title>
      <p className="pathway-kicker">{t("pathway.title")}</p>
      <h1>
        {p.citizen.name}
        {p.citizen.synthetic && (
          <span className="badge badge-small synthetic-badge" title={t("pathway.syntheticHint")}>
            {t("pathway.synthetic")}
          </span>
        )}
      </h1>
      <CitizenFacts citizen={p.citizen} />
      <CitizenHandoverNotice pathway={p} />
      <div className="row pathway-panels">
        <div className="col-12 col-lg-6">
          <ResponsibilityPanel
            state={p.state}
            responsibility={p.responsibility}
            handovers={p.handovers.filter((h) => h.status !== "closed")}
            today={p.bodies.date}
            viewer={viewer}
          />
        </div>
        <div className="col-12 col-lg-6">
          <BodiesPanel bodies={p.bodies} viewer={viewer} />
        </div>
      </div>
      <h2>{t("pathway.staysHeading")}</h2>
      <StaysTable stays={p.stays} today={p.bodies.date} />
      {dischargeable ? (
        <DischargeForm citizenId={id} stay={dischargeable} />
      ) : (
        refusal && <DischargeRefused refusal={refusal} />
      )}
      <h2>{t("pathway.timelineHeading")}</h2>
      <Timeline events={p.timeline} />
      <p className="form-hint">{t("pathway.refreshed")}</p>
    </>
  );
}

/** "2208411958" → "220841-1958", as CPR numbers are written. */
function formatCpr(cpr: string): string {
  return /^[0-9]{10}$/.test(cpr) ? `${cpr.slice(0, 6)}-${cpr.slice(6)}` : cpr;
}

function CitizenFacts({ citizen }: { citizen: Pathway["citizen"] }) {
  const { t } = useTranslation();
  const practice = citizen.listedPractice;
  return (
    <dl className="citizen-facts">
      <div>
        <dt>{t("pathway.cpr")}</dt>
        <dd>{formatCpr(citizen.cpr)}</dd>
      </div>
      <div>
        <dt>{t("pathway.born")}</dt>
        <dd>{formatDate(citizen.birthDate)}</dd>
      </div>
      <div>
        <dt>{t("pathway.home")}</dt>
        <dd>{citizen.homeMunicipality?.name ?? "–"}</dd>
      </div>
      <div>
        <dt>{t("pathway.practice")}</dt>
        <dd>
          {practice ? `${practice.name} (${practice.providerNumber})` : t("pathway.noPractice")}
        </dd>
      </div>
    </dl>
  );
}
