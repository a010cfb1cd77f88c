import { useParams } from "react-router";
import { ApiError } from "../api/client";
import { ScrollableTable } from "../app/ScrollableTable";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { formatDate, formatDateTime } from "../format";
import { currentLanguage } from "../i18n";
import { formatValue } from "../indicators/numbers";
import { formatPeriod } from "../indicators/periods";
import type { ValueKind } from "../indicators/types";
import { NotFoundPage } from "../pages/NotFoundPage";
import { Breadcrumbs } from "./Breadcrumbs";
import { type MeetingPack, useMeetingPack, usePackPdfUrl } from "./meeting-api";
import { type MeetingText, useMeetingText } from "./meeting-text";
import { meetingPath, meetingsPath } from "./paths";
import { SubjectLink } from "./SubjectLink";

/** The meeting pack, generated now: figures since the last meeting, the work, cases, agenda. */
export function MeetingPackPage() {
  const t = useMeetingText();
  const { meetingId = "" } = useParams();
  const query = useMeetingPack(meetingId);
  const pdfUrl = usePackPdfUrl(meetingId);
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const p = query.data;
  return (
    <>
      <title>{`${t("meetings.pack.title")} – ${p.meeting.title}`}</title>
      <Breadcrumbs
        body={p.body}
        current={t("meetings.pack.title")}
        section={{ label: t("meetings.title"), to: meetingsPath(p.body.id, p.body.kind) }}
      />
      <h1>
        {t("meetings.pack.title")}: {p.meeting.title}, {formatDate(p.meeting.date)}
      </h1>
      <p className="form-hint">
        {t("meetings.pack.generated", { at: formatDateTime(p.generatedAt) })} ·{" "}
        <a href={meetingPath(p.body.id, p.body.kind, p.meeting.id)}>{p.meeting.title}</a> ·{" "}
        <a href={pdfUrl}>{t("meetings.downloadPdf")}</a>
      </p>
      {p.publicOnly && <p>{t("meetings.pack.publicVariant")}</p>}
      <Figures pack={p} t={t} />
      <Work pack={p} t={t} />
      <Unresolved pack={p} t={t} />
      <h2>{t("meetings.agenda")}</h2>
      <ol>
        {p.agenda.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the agenda's order is its identity
          <li key={i}>
            <strong>{a.title}</strong>
            {a.text && <p>{a.text}</p>}
            <SubjectLink item={a} body={p.body} t={t} />
          </li>
        ))}
      </ol>
    </>
  );
}

const VALUE_KINDS: readonly ValueKind[] = ["per-1000", "share", "hours"];
const SECTORS = ["municipality", "general-practice"] as const;

/** What a figure counts in, and for which receiving sector: "(pr. 1.000, kommune)". */
function aboutOf(t: MeetingText, i: MeetingPack["indicators"][number]): string {
  const kind = VALUE_KINDS.find((k) => k === i.valueKind);
  const sector = SECTORS.find((s) => s === i.sector);
  return [
    kind ? t(`meetings.pack.unit.${kind}`) : i.valueKind,
    sector ? t(`meetings.pack.sector.${sector}`) : null,
  ]
    .filter(Boolean)
    .join(", ");
}

type Props = { pack: MeetingPack; t: MeetingText };

const WORK_STATUSES = [
  "draft",
  "consultation",
  "approved",
  "adopted",
  "in-force",
  "ended",
  "planned",
  "running",
  "finished",
] as const;

/** An agreement's or initiative's status in words; an unknown code as it is. */
function statusLabel(t: MeetingText, status: string): string {
  const known = WORK_STATUSES.find((s) => s === status);
  return known ? t(`meetings.pack.workStatus.${known}`) : status;
}

function Figures({ pack, t }: Props) {
  const lang = currentLanguage() === "en" ? "en" : "da";
  return (
    <section aria-labelledby="pack-figures">
      <h2 id="pack-figures">
        {pack.since
          ? t("meetings.pack.since", { date: formatDate(pack.since.date) })
          : t("meetings.pack.sinceNone")}
      </h2>
      <p className="form-hint">{t("meetings.pack.figuresNote")}</p>
      <ScrollableTable label={t("meetings.pack.indicator")}>
        <table className="table table--compact">
          <caption className="sr-only">
            {t("meetings.pack.figuresCaption", { name: pack.body.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("meetings.pack.indicator")}</th>
              {pack.months.map((m) => (
                <th key={m} scope="col" className="align-text-right">
                  {formatPeriod(m, lang, true)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pack.indicators.map((i) => {
              const kind = VALUE_KINDS.find((k) => k === i.valueKind) ?? "per-1000";
              return (
                <tr key={i.id}>
                  <th scope="row">
                    {i.title[lang]} <span className="form-hint">({aboutOf(t, i)})</span>
                  </th>
                  {pack.months.map((m) => {
                    const f = i.figures.find((x) => x.period === m);
                    return (
                      <td key={m} className="align-text-right">
                        {!f || (f.value === null && !f.suppressed)
                          ? t("meetings.pack.noFigures")
                          : f.suppressed
                            ? t("meetings.pack.suppressed")
                            : formatValue(f.value ?? 0, kind, lang)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollableTable>
    </section>
  );
}

function Work({ pack, t }: Props) {
  const table = (rows: MeetingPack["agreements"], heading: string) => (
    <>
      <h3>{heading}</h3>
      <ScrollableTable label={heading}>
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{heading}</th>
              <th scope="col">{t("meetings.pack.statusCol")}</th>
              <th scope="col">{t("meetings.pack.versionCol")}</th>
              <th scope="col">{t("meetings.pack.changedCol")}</th>
              <th scope="col">{t("meetings.pack.periodCol")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.title}</th>
                <td>{statusLabel(t, r.status)}</td>
                <td>{r.version}</td>
                <td>{formatDate(r.changedAt.slice(0, 10))}</td>
                <td>
                  {[r.start, r.end]
                    .filter((d): d is string => d !== null)
                    .map(formatDate)
                    .join(" – ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </>
  );
  return (
    <section aria-labelledby="pack-work">
      <h2 id="pack-work">{t("meetings.pack.work")}</h2>
      {table(pack.agreements, t("meetings.pack.agreements"))}
      {table(pack.initiatives, t("meetings.pack.initiatives"))}
    </section>
  );
}

function Unresolved({ pack, t }: Props) {
  const { count, groups } = pack.unresolved;
  return (
    <section aria-labelledby="pack-unresolved">
      <h2 id="pack-unresolved">{t("meetings.pack.unresolved")}</h2>
      <p>
        {count === 0
          ? t("meetings.pack.noneUnresolved")
          : t("meetings.pack.unresolvedCount", { count })}
      </p>
      {groups && groups.length > 0 && (
        <ScrollableTable label={t("meetings.pack.unresolved")}>
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t("meetings.pack.receiverCol")}</th>
                <th scope="col">{t("meetings.pack.hospitalCol")}</th>
                <th scope="col">{t("meetings.pack.countCol")}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={`${g.receiver}|${g.hospital}`}>
                  <td>{g.receiver}</td>
                  <td>{g.hospital}</td>
                  <td>{g.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </section>
  );
}
