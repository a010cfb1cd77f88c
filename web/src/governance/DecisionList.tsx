import { formatDate, formatList } from "../format";
import { type MeetingView, useDecisionsOn } from "./meeting-api";
import { useMeetingText } from "./meeting-text";

type Decision = MeetingView["decisions"][number];

/** Decisions with the meeting they were made at and who was present. */
export function DecisionList({
  decisions,
  titleOf,
}: {
  decisions: Decision[];
  titleOf?: (d: Decision) => string | null;
}) {
  const t = useMeetingText();
  if (decisions.length === 0) return <p>{t("meetings.noDecisions")}</p>;
  return (
    <ul className="nobullet-list">
      {decisions.map((d) => (
        <li key={d.id} className="agreement-card">
          {titleOf?.(d) && <p className="form-hint">{titleOf(d)}</p>}
          <p>{d.text}</p>
          <p className="form-hint">
            {t("meetings.decidedAt", {
              meeting: d.meeting.title,
              date: formatDate(d.meeting.date),
            })}
            {" · "}
            {t("meetings.present", {
              names: formatList(d.present.map((p) => `${p.name} (${p.organisation})`)),
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The "Beslutninger" section of an agreement's or initiative's page. */
export function DecisionsSection({ on, id }: { on: "agreements" | "initiatives"; id: string }) {
  const t = useMeetingText();
  const decisions = useDecisionsOn(on, id).data?.decisions;
  if (!decisions) return null;
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t("meetings.decisions")}</h2>
      <DecisionList decisions={decisions} />
    </section>
  );
}
