import { useTranslation } from "react-i18next";
import { useMe } from "../access/session-api";
import { useCareText } from "../app/care-text";
import { ContactDetails, useOrganisationContact } from "../components/ContactDetails";
import { formatDateTime } from "../format";
import type { Handover, MedicalFollowUp, Pathway, Stay } from "./types";

/**
 * The citizen's own answer after a discharge, in plain words: for each
 * receiver of the latest discharge, whether they have confirmed that they
 * take over, and if not, that the hospital ward is still responsible; with
 * how to reach whoever is responsible right now. Shown to the citizen ("you")
 * and to a relative with the citizen's consent (who is told about the citizen
 * by name); staff have the responsibility panel.
 */
export function CitizenHandoverNotice({ pathway }: { pathway: Pathway }) {
  const { t } = useTranslation();
  const kind = useMe().data?.user.kind;
  const stay = latestDischarge(pathway.stays);
  if ((kind !== "citizen" && kind !== "relative") || !stay) return null;
  // A relative reads the same facts about someone else: "responsible for Karen", not "for you".
  const about = kind === "relative" ? pathway.citizen.name : null;
  // Home nursing first: it is who comes to the door.
  const handovers = pathway.handovers
    .filter((h) => h.stayId === stay.id && h.status !== "closed")
    .sort((a, b) => (a.sector === "municipality" ? -1 : b.sector === "municipality" ? 1 : 0));
  // No GP was asked: who follows up medically, and whom to call (issue 21, part 5).
  const followUp = pathway.responsibility.medicalFollowUp;
  if (handovers.length === 0 && !followUp) return null;
  const responsible = handovers.map((h) => responsibleFor(h, stay));
  return (
    <section className="citizen-handover" aria-labelledby="citizen-handover-heading">
      <h2 id="citizen-handover-heading">
        {t(about ? "citizenHandover.relative.heading" : "citizenHandover.heading")}
      </h2>
      <ul className="nobullet-list">
        {handovers.map((h, i) => (
          <HandoverItem
            key={h.sector}
            handover={h}
            stay={stay}
            about={about}
            // The ward's contact details once, when it is still responsible for both parts.
            withContact={!responsible.slice(0, i).includes(responsible[i] ?? null)}
          />
        ))}
        {followUp && (
          <FollowUpItem
            followUp={followUp}
            stay={stay}
            about={about}
            // Whom to call, unless the same organisation's details are shown above.
            withContact={
              !responsible.includes(
                followUp.state === "named"
                  ? followUp.organisationId
                  : stay.departmentOrganisationId,
              )
            }
          />
        )}
      </ul>
    </section>
  );
}

function FollowUpItem({
  followUp: f,
  stay,
  about,
  withContact,
}: {
  followUp: MedicalFollowUp;
  stay: Stay;
  about: string | null;
  withContact: boolean;
}) {
  const { t } = useTranslation();
  const tc = useCareText();
  const whom = f.state === "named" ? f.organisationId : stay.departmentOrganisationId;
  const contact = useOrganisationContact(withContact ? whom : null);
  const text = {
    name: f.state === "named" && !about ? f.name : (about ?? ""),
    receiver: f.state === "named" ? f.name : "",
    department: wardName(stay),
  };
  return (
    <li className={`citizen-handover-item citizen-follow-up-${f.state}`}>
      <h3 className="h5">{tc("medicalFollowUp.citizen.heading")}</h3>
      <p className="citizen-handover-sentence">
        {tc(
          `medicalFollowUp.${about ? "relative" : "citizen"}.${f.state === "not-needed" ? "notNeeded" : f.state}`,
          text,
        )}
      </p>
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
  about,
  withContact,
}: {
  handover: Handover;
  stay: Stay;
  /** The citizen's name when a relative reads it; null for the citizen ("you"). */
  about: string | null;
  withContact: boolean;
}) {
  const { t } = useTranslation();
  const contact = useOrganisationContact(withContact ? responsibleFor(h, stay) : null);
  const status =
    h.status === "confirmed" ? "confirmed" : h.status === "declined" ? "declined" : "open";
  const text = { receiver: h.receiverName, department: wardName(stay), name: about ?? "" };
  const sentence = about ? "citizenHandover.relative" : "citizenHandover";
  return (
    <li className={`citizen-handover-item citizen-handover-${status}`}>
      <h3 className="h5">{t(`citizenHandover.sectors.${h.sector}`, text)}</h3>
      <p className="citizen-handover-sentence">
        {status === "confirmed"
          ? t(`${sentence}.confirmed.${h.sector}`, text)
          : t(`${sentence}.${status}`, text)}
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
