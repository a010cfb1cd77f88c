import { useTranslation } from "react-i18next";
import { useCareText } from "../app/care-text";
import { formatDateTime } from "../format";
import { BodyName } from "./BodyName";
import type { CurrentState, Handover, MedicalFollowUp, Responsibility } from "./types";
import { type Viewer, viewerText } from "./viewer";

/** The state now and who is responsible: the question Tovholder must always answer. */
export function ResponsibilityPanel({
  state,
  responsibility,
  handovers,
  today,
  viewer,
}: {
  state: CurrentState;
  responsibility: Responsibility;
  handovers: Handover[];
  /** The server's date: whether a handover's body (of its discharge's date) has ended. */
  today: string;
  /** Who reads it: the citizen is told "du", a relative the citizen's name. */
  viewer: Viewer;
}) {
  const { t } = useTranslation();
  const r = responsibility;
  return (
    <section className="pathway-panel" aria-labelledby="responsible-heading">
      <h2 id="responsible-heading">{t("pathway.responsibleHeading")}</h2>
      <p className="pathway-state">
        <span className="pathway-state-label">{t("pathway.stateHeading")}:</span>{" "}
        <span className={`badge state-badge state-${state}`}>{t(`pathway.states.${state}`)}</span>
      </p>
      {r.responsible.length > 0 && (
        <ul className="nobullet-list responsible-list">
          {r.responsible.map((party) => (
            <li key={`${party.kind}-${party.name}`}>
              <strong>{party.name}</strong>
              <span className="d-block">{t(`pathway.responsibleFor.${party.for}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>{viewerText(t, viewer, `reasons.${r.reason}`, `pathway.reasons.${r.reason}`)}</p>
      {r.since && (
        <p className="form-hint">{t("pathway.since", { when: formatDateTime(r.since) })}</p>
      )}
      {r.medicalFollowUp && <MedicalFollowUpText followUp={r.medicalFollowUp} />}
      {r.awaitingConfirmationFrom.length > 0 && (
        <>
          <h3 className="h5">{t("pathway.awaiting")}</h3>
          <ul className="awaiting-list">
            {r.awaitingConfirmationFrom.map((party) => (
              <li key={`${party.kind}-${party.name}`}>
                {party.name} ({t(`pathway.sectors.${party.kind}`)})
              </li>
            ))}
          </ul>
        </>
      )}
      {handovers.length > 0 && (
        <>
          <h3 className="h5">{t("pathway.handovers.heading")}</h3>
          <ul className="nobullet-list handover-list">
            {handovers.map((h) => (
              <li key={`${h.stayId}-${h.sector}`}>
                {h.receiverName} ({t(`pathway.sectors.${h.sector}`)}):{" "}
                <span className={`badge badge-small handover-${h.status}`}>
                  {t(`pathway.handovers.statuses.${h.status}`)}
                </span>
                {h.status === "open" && (
                  <span className="d-block form-hint">
                    {t("pathway.handovers.deadline", { when: formatDateTime(h.deadlineAt) })}
                  </span>
                )}
                {h.body && (
                  <span className="d-block handover-body">
                    {t("pathway.handovers.body")} <BodyName body={h.body} today={today} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** After a discharge without a GP: who follows up medically, never "the GP confirmed". */
function MedicalFollowUpText({ followUp: f }: { followUp: MedicalFollowUp }) {
  const tc = useCareText();
  return (
    <div className="medical-follow-up">
      <h3 className="h5">{tc("medicalFollowUp.heading")}</h3>
      <p>
        {f.state === "undecided"
          ? tc("medicalFollowUp.undecided")
          : f.state === "named"
            ? tc("medicalFollowUp.named", { name: f.name, when: formatDateTime(f.at) })
            : tc("medicalFollowUp.notNeeded", { reason: f.reason, when: formatDateTime(f.at) })}
      </p>
    </div>
  );
}
