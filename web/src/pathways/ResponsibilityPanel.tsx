import { useTranslation } from "react-i18next";
import { formatDateTime } from "../format";
import { BodyName } from "./BodyName";
import type { CurrentState, Handover, Responsibility } from "./types";

/** The state now and who is responsible: the question Tovholder must always answer. */
export function ResponsibilityPanel({
  state,
  responsibility,
  handovers,
  today,
}: {
  state: CurrentState;
  responsibility: Responsibility;
  handovers: Handover[];
  /** The server's date: whether a handover's body (of its discharge's date) has ended. */
  today: string;
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
      <p>{t(`pathway.reasons.${r.reason}`)}</p>
      {r.since && (
        <p className="form-hint">{t("pathway.since", { when: formatDateTime(r.since) })}</p>
      )}
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
