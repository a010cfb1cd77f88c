import { episodeKey } from "../../pathways/stay-model.ts";
import type { ActivityCode, EncounterClassCode, EncounterStatus } from "./codes.ts";

/**
 * A MedCom HospitalNotification as Tovholder understands it: everything the
 * message says that matters, and nothing of FHIR's scaffolding (resource ids,
 * references, profiles). The reader builds it from a Bundle; the writer builds
 * a Bundle from it; `read(write(x))` equals `x`.
 */
export type MessagingOrganisation = { sor: string; gln: string; name: string | null };

export type ProvenanceEntry = {
  /** The MessageHeader.id of the message this Provenance belongs to. */
  messageHeaderId: string;
  activity: ActivityCode;
  /** When that message was sent (not when the event happened). */
  occurredAt: string;
  recordedAt: string;
  /** The earlier message it follows (revision) or removes (removal). */
  entity: { role: "revision" | "removal"; messageHeaderId: string } | null;
};

export type HospitalNotification = {
  bundleId: string;
  timestamp: string;
  messageHeaderId: string;
  sender: MessagingOrganisation;
  receiver: MessagingOrganisation;
  destinationEndpoint: string;
  sourceEndpoint: string;
  /** The department responsible for the stay, when it differs from the sender. */
  serviceProvider: { sor: string; name: string | null } | null;
  reportOfAdmission: { requested: boolean; recipientSor: string | null } | null;
  patient: { cpr: string; family: string; given: string[]; deceased: boolean | null };
  encounter: {
    status: EncounterStatus;
    class: EncounterClassCode;
    periodStart: string;
    periodEnd: string | null;
    leave: { start: string; end: string | null } | null;
    episodeOfCare: { system: string; value: string }[];
  };
  /** Every Provenance in the message: the history of the flow plus this message's own. */
  provenance: ProvenanceEntry[];
};

/** The message types of the guide's code overview (STIN, RE_STIN, AN_STIN, …). */
export const NOTIFICATION_BASE_TYPES = ["STIN", "STAA", "STOR", "SLOR", "SLHJ", "MORS"] as const;
/** Each has words in the web (`pathway.messageTypes.*`; test/i18n/audit-words.test.ts). */
export type NotificationBaseType = (typeof NOTIFICATION_BASE_TYPES)[number];
export type NotificationVariant = "new" | "revision" | "cancellation";

export type Classification = {
  base: NotificationBaseType;
  variant: NotificationVariant;
  activity: ActivityCode;
  /** "STIN", "RE_STIN", "AN_STIN", …; RE_MORS is recognised later, from the previous message. */
  label: string;
  /** When the event happened, from the Encounter (never the Provenance send time). */
  eventAt: string;
  /** For corrections and cancellations: the message they replace or remove. */
  refersToMessageHeaderId: string | null;
  /** The message this one follows in the flow, whatever the relation. */
  previousMessageHeaderId: string | null;
};

const BASE_OF_ACTIVITY: Record<string, NotificationBaseType> = {
  "admit-emergency": "STAA",
  "admit-inpatient": "STIN",
  "start-leave-inpatient": "STOR",
  "end-leave-inpatient": "SLOR",
  "discharge-emergency-home": "SLHJ",
  "discharge-inpatient-home": "SLHJ",
};

export function currentProvenance(n: HospitalNotification): ProvenanceEntry | undefined {
  return n.provenance.find((p) => p.messageHeaderId === n.messageHeaderId);
}

function stripVariant(activity: ActivityCode): string {
  return activity.replace(/^(revise|cancel)-/, "");
}

/** The event time the guide assigns to each type (§4.6 of docs/medcom-hospitalnotification.md). */
function eventTimeOf(n: HospitalNotification, base: NotificationBaseType): string {
  const { encounter } = n;
  switch (base) {
    case "STIN":
    case "STAA":
      return encounter.periodStart;
    case "STOR":
      return encounter.leave?.start ?? encounter.periodStart;
    case "SLOR":
      return encounter.leave?.end ?? encounter.leave?.start ?? encounter.periodStart;
    case "SLHJ":
    case "MORS":
      return encounter.periodEnd ?? encounter.periodStart;
  }
}

/**
 * Which of the 18 notification types this is. Death has no activity code: a
 * message is a death notification only when Patient.deceased is true, and a
 * removal without a cancel- activity is a cancelled death (AN_MORS).
 */
export function classify(n: HospitalNotification): Classification | null {
  const current = currentProvenance(n);
  if (!current) return null;
  const previous = current.entity?.messageHeaderId ?? null;
  const activity = current.activity;
  let base: NotificationBaseType;
  let variant: NotificationVariant;
  if (n.patient.deceased === true) {
    base = "MORS";
    variant = "new";
  } else if (current.entity?.role === "removal" && !activity.startsWith("cancel-")) {
    base = "MORS";
    variant = "cancellation";
  } else {
    const found = BASE_OF_ACTIVITY[stripVariant(activity)];
    if (!found) return null;
    base = found;
    variant = activity.startsWith("cancel-")
      ? "cancellation"
      : activity.startsWith("revise-")
        ? "revision"
        : "new";
  }
  const prefix = variant === "revision" ? "RE_" : variant === "cancellation" ? "AN_" : "";
  return {
    base,
    variant,
    activity,
    label: `${prefix}${base}`,
    eventAt: eventTimeOf(n, base),
    refersToMessageHeaderId: variant === "new" ? null : previous,
    previousMessageHeaderId: previous,
  };
}

/** The key that ties all messages of one stay together: the episode-of-care identifier. */
export function episodeKeyOf(n: HospitalNotification): string {
  const [first] = n.encounter.episodeOfCare;
  if (!first) throw new Error("A HospitalNotification always carries an episodeOfCare identifier");
  return episodeKey(first);
}
