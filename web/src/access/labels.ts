import type { TFunction } from "i18next";

/** Labels for values that come from the server; unknown values are shown as they are. */
const ROLE_KEYS = {
  clinician: "roles.clinician",
  coordinator: "roles.coordinator",
  body_lead: "roles.body_lead",
  committee_member: "roles.committee_member",
  administrator: "roles.administrator",
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
} as const;

const ACTION_KEYS = {
  read: "accessLog.actions.read",
  search: "accessLog.actions.search",
  write: "accessLog.actions.write",
  "break-the-glass": "accessLog.actions.break-the-glass",
} as const;

const RESOURCE_KEYS = {
  citizen: "accessLog.resources.citizen",
  "access-log": "accessLog.resources.access-log",
  consent: "accessLog.resources.consent",
  pathway: "accessLog.resources.pathway",
  "fhir:Patient": "accessLog.resources.fhir",
  "fhir:Encounter": "accessLog.resources.fhir",
  "fhir:EpisodeOfCare": "accessLog.resources.fhir",
} as const;

function labelFrom<K extends Record<string, string>>(keys: K) {
  return (t: TFunction, value: string): string =>
    value in keys ? (t(keys[value as keyof K] as never) as string) : value;
}

export const roleLabel = labelFrom(ROLE_KEYS);
export const userKindLabel = labelFrom(KIND_KEYS);
export const relationLabel = labelFrom(RELATION_KEYS);
export const actionLabel = labelFrom(ACTION_KEYS);
export const resourceLabel = labelFrom(RESOURCE_KEYS);
