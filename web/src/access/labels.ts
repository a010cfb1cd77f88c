import type { TFunction } from "i18next";
import { ACTION_KEYS, PURPOSE_KEYS, RESOURCE_KEYS } from "../i18n/code-words";
import { wordsText } from "../i18n/words";

/** Labels for values that come from the server; unknown values are shown as they are. */
const ROLE_KEYS = {
  clinician: "roles.clinician",
  coordinator: "roles.coordinator",
  body_lead: "roles.body_lead",
  committee_member: "roles.committee_member",
  administrator: "roles.administrator",
  citizen_representative: "roles.citizen_representative",
} as const;

const KIND_KEYS = {
  staff: "userKinds.staff",
  citizen: "userKinds.citizen",
  relative: "userKinds.relative",
  token: "userKinds.token",
  system: "userKinds.system",
} as const;

const RELATION_KEYS = {
  "hospital-stay": "relations.hospital-stay",
  "home-municipality": "relations.home-municipality",
  "listed-practice": "relations.listed-practice",
  self: "relations.self",
  "relative-consent": "relations.relative-consent",
  "break-the-glass": "relations.break-the-glass",
  "handover-discharging-hospital": "relations.handover-discharging-hospital",
  "handover-receiver": "relations.handover-receiver",
  "body-coordinator-overdue": "relations.body-coordinator-overdue",
  "body-coordinator-declined-municipality": "relations.body-coordinator-declined-municipality",
  "body-coordinator-declined-practice": "relations.body-coordinator-declined-practice",
  "follow-up-discharging-hospital": "relations.follow-up-discharging-hospital",
  "body-coordinator-no-gp": "relations.body-coordinator-no-gp",
} as const;

const keyOf = <K extends Record<string, string>>(keys: K, value: string): K[keyof K] | undefined =>
  Object.hasOwn(keys, value) ? keys[value as keyof K] : undefined;

/**
 * "Læste dit forløb", "Bekræftede overdragelsen efter din udskrivelse": one
 * sentence for the action and what it was done to. A value this build does
 * not know yet is said in general words, never as the code.
 */
export function whatLabel(t: TFunction, action: string, resource: string): string {
  const w = wordsText(t);
  const what = w(keyOf(RESOURCE_KEYS, resource) ?? "words.audit.resources.other");
  return w(keyOf(ACTION_KEYS, action) ?? "words.audit.actions.other", { what });
}

/** The purpose as the reader gave it, or the system's own purpose in words. */
export function purposeLabel(t: TFunction, purpose: string): string {
  const key = keyOf(PURPOSE_KEYS, purpose);
  return key ? wordsText(t)(key) : purpose;
}

function labelFrom<K extends Record<string, string>>(keys: K) {
  return (t: TFunction, value: string): string =>
    Object.hasOwn(keys, value) ? (t(keys[value as keyof K] as never) as string) : value;
}

export const roleLabel = labelFrom(ROLE_KEYS);
export const userKindLabel = labelFrom(KIND_KEYS);
export const relationLabel = labelFrom(RELATION_KEYS);

/** The relations a handover gives (src/access/handover-relations.ts), said with who and why. */
const HANDOVER_REASON_KEYS = {
  "handover-discharging-hospital": "accessLog.handoverRelations.handover-discharging-hospital",
  "handover-receiver": "accessLog.handoverRelations.handover-receiver",
  "body-coordinator-overdue": "accessLog.handoverRelations.body-coordinator-overdue",
  "body-coordinator-declined-municipality":
    "accessLog.handoverRelations.body-coordinator-declined-municipality",
  "body-coordinator-declined-practice":
    "accessLog.handoverRelations.body-coordinator-declined-practice",
  "follow-up-discharging-hospital": "accessLog.handoverRelations.follow-up-discharging-hospital",
  "body-coordinator-no-gp": "accessLog.handoverRelations.body-coordinator-no-gp",
} as const;

const COORDINATOR_KEYS = {
  sundhedsklynge: "accessLog.coordinators.sundhedsklynge",
  sundhedsraad: "accessLog.coordinators.sundhedsraad",
} as const;

/** Whether a relation opens only the name and basic facts (a body's coordinators). */
export const nameOnly = (relation: string | null) =>
  relation?.startsWith("body-coordinator-") ?? false;

/**
 * Why a handover let someone read, as one sentence naming them: "Klyngens
 * koordinator, fordi overdragelsen var over fristen", "Slagelse Sygehus,
 * Medicinsk Afdeling, fordi overdragelsen endnu ikke er bekræftet". Null for
 * the other relations, which the relation's label says.
 */
export function handoverReason(
  t: TFunction,
  e: { relation: string | null; organisationName: string | null; bodyKind: string | null },
): string | null {
  if (!e.relation || !(e.relation in HANDOVER_REASON_KEYS)) return null;
  const key = HANDOVER_REASON_KEYS[e.relation as keyof typeof HANDOVER_REASON_KEYS];
  const coordinator =
    e.bodyKind && e.bodyKind in COORDINATOR_KEYS
      ? t(COORDINATOR_KEYS[e.bodyKind as keyof typeof COORDINATOR_KEYS])
      : t("accessLog.coordinators.unknown");
  const who = nameOnly(e.relation) ? coordinator : (e.organisationName ?? "–");
  return t(key as never, { who }) as string;
}
