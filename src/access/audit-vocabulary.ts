/**
 * The words of a citizen's audit entries: what someone did (`action`), to what
 * (`resource`), and the coded purposes the system itself records. The citizen
 * reads every entry about them ("Hvem har set mine oplysninger"), so each value
 * here has a Danish and an English text in the web (`accessLog.actions.*`,
 * `accessLog.resources.*`, `accessLog.purposes.*`);
 * `test/i18n/audit-words.test.ts` fails when one is missing. `AccessPurpose`
 * takes only these values, so a new one cannot reach a citizen's log without
 * being added here first.
 */

export const CITIZEN_AUDIT_ACTIONS = [
  "read",
  "search",
  "write",
  "break-the-glass",
  "confirm",
  "decline",
  "reroute",
  "search-receivers",
  "undo",
  "write-note",
  "resolve",
] as const;
export type CitizenAuditAction = (typeof CITIZEN_AUDIT_ACTIONS)[number];

export const CITIZEN_AUDIT_RESOURCES = [
  "citizen",
  "access-log",
  "consent",
  "pathway",
  "fhir:Patient",
  "fhir:Encounter",
  "fhir:EpisodeOfCare",
  "fhir:Task",
  "worklist",
  "hospital-stay",
  "handover",
  "notifications",
  "inpatients",
  "medical-follow-up",
] as const;
export type CitizenAuditResource = (typeof CITIZEN_AUDIT_RESOURCES)[number];

/**
 * Purposes the system writes itself (a person's own purpose, typed at the CPR
 * search, is shown as they wrote it). Old entries keep the words they were
 * written with, so these stay as they are.
 */
export const CODED_PURPOSES = {
  discharge: "discharge",
  notOnWorklist: "not on the acting organisation's worklist",
  noSuchHandover: "no such handover",
  // How a medical follow-up without a GP was settled (src/follow-ups).
  followUpByClinic: "outpatient-clinic",
  followUpByPractice: "practice",
  followUpNotNeeded: "not-needed",
} as const;
export type CodedPurpose = (typeof CODED_PURPOSES)[keyof typeof CODED_PURPOSES];

/** A route-level refusal is audited without a citizen: its action is the HTTP method. */
export type RouteAuditAction = "get" | "post" | "put" | "patch" | "delete" | "head" | "options";
