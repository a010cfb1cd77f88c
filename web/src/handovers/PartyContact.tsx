import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ContactDetails, useOrganisationContact } from "../components/ContactDetails";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import type { WorklistItem } from "./types";

/**
 * The other party's phone number and opening hours, one click away, on a
 * row that is overdue or declined (issue 21, §3): a receiver reaches the
 * discharging ward, the hospital and the body's coordinators the receiver.
 * Fetched only when opened.
 */
export function PartyContact({ item, receives }: { item: WorklistItem; receives: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const partyId = receives ? item.dischargingOrganisationId : item.receiverOrganisationId;
  const partyName = receives ? item.dischargingName : item.receiverName;
  const contact = useOrganisationContact(open ? partyId : null);
  if (!partyId || !partyName) return null;
  return (
    <details className="party-contact" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t("worklist.contact.show", { name: partyName })}</summary>
      {contact.data ? (
        <ContactDetails contact={contact.data} />
      ) : contact.isError ? (
        <ProblemAlert error={contact.error} />
      ) : (
        open && <Loading />
      )}
    </details>
  );
}
