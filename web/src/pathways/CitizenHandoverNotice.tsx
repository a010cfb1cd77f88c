import { useTranslation } from "react-i18next";
import { useMe } from "../access/session-api";
import { ContactDetails, useOrganisationContact } from "../components/ContactDetails";
import { formatDateTime } from "../format";
import type { Handover, Pathway, Stay } from "./types";

/**
 * The citizen's own answer after a discharge, in plain words: for each
 * receiver of the latest discharge, whether they have confirmed that they
 * take over, and if not, that the hospital ward is still responsible; with
 * how to reach whoever is responsible right now. Shown to the citizen only
 * (staff and relatives have the responsibility panel; the text says "you").
 */
export function CitizenHandoverNotice({ pathway }: { pathway: Pathway }) {
  const { t } = useTranslation();
  const isCitizen = useMe().data?.user.kind === "citizen";
  const stay = latestDischarge(pathway.stays);
  if (!isCitizen || !stay) return null;
  // Home nursing first: it is who comes to the door.
  const handovers = pathway.handovers
    .filter((h) => h.stayId === stay.id && h.status !== "closed")
    .sort((a, b) => (a.sector === "municipality" ? -1 : b.sector === "municipality" ? 1 : 0));
  if (handovers.length === 0) return null;
  const responsible = handovers.map((h) => responsibleFor(h, stay));
  return (
    <section className="citizen-handover" aria-labelledby="citizen-handover-heading">
      <h2 id="citizen-handover-heading">{t("citizenHandover.heading")}</h2>
      <ul className="nobullet-list">
        {handovers.map((h, i) => (
          <HandoverItem
            key={h.sector}
            handover={h}
            stay={stay}
            // The ward's contact details once, when it is still responsible for both parts.
            withContact={!responsible.slice(0, i).includes(responsible[i] ?? null)}
          />
        ))}
      </ul>
    </section>
  );
}

/** The stay that decides the state now, when it ended in a discharge (as the server's model). */
function latestDischarge(stays: Stay[]): Stay | null {
  const live = stays.filter((s) => s.status !== "cancelled");
  const latest = live.reduce<Stay | null>(
    (a, s) => (!a || s.admittedAt > a.admittedAt ? s : a),
    null,
  );
  return latest?.status === "discharged" ? latest : null;
}

/** "Hospital, Department", without repeating the hospital when the department's name has it. */
function wardName(stay: Stay): string {
  if (!stay.departmentName) return stay.hospitalName;
  return stay.departmentName.startsWith(stay.hospitalName)
    ? stay.departmentName
    : `${stay.hospitalName}, ${stay.departmentName}`;
}

/** Whoever is responsible now: the receiver once confirmed, until then the discharging ward. */
function responsibleFor(h: Handover, stay: Stay): string | null {
  return h.status === "confirmed" ? h.receiverOrganisationId : stay.departmentOrganisationId;
}

function HandoverItem({
  handover: h,
  stay,
  withContact,
}: {
  handover: Handover;
  stay: Stay;
  withContact: boolean;
}) {
  const { t } = useTranslation();
  const contact = useOrganisationContact(withContact ? responsibleFor(h, stay) : null);
  const status =
    h.status === "confirmed" ? "confirmed" : h.status === "declined" ? "declined" : "open";
  const text = { receiver: h.receiverName, department: wardName(stay) };
  return (
    <li className={`citizen-handover-item citizen-handover-${status}`}>
      <h3 className="h5">{t(`citizenHandover.sectors.${h.sector}`, text)}</h3>
      <p className="citizen-handover-sentence">
        {status === "confirmed"
          ? t(`citizenHandover.confirmed.${h.sector}`, text)
          : t(`citizenHandover.${status}`, text)}
      </p>
      {status === "confirmed" && h.decidedAt && (
        <p className="form-hint">
          {t("citizenHandover.confirmedAt", { when: formatDateTime(h.decidedAt) })}
        </p>
      )}
      {withContact && contact.data && (
        <div className="citizen-handover-contact">
          <h4>
            {t("citizenHandover.contact", {
              name: contact.data.inheritedFrom?.name ?? contact.data.name,
            })}
          </h4>
          <ContactDetails contact={contact.data} />
        </div>
      )}
    </li>
  );
}
