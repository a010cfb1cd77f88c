/**
 * The keys of the words for each code the server can put in front of a
 * person. Data only, without imports, so the server's tests can read them
 * (test/i18n/audit-words.test.ts checks that every value the server has is
 * here and has a Danish and an English text).
 */

/**
 * What someone did, in the citizen's words: every action and resource the
 * server audits about a citizen (src/access/audit-vocabulary.ts) has a key
 * here; test/i18n/audit-words.test.ts checks both languages have them.
 */
export const ACTION_KEYS = {
  read: "words.audit.actions.read",
  search: "words.audit.actions.search",
  write: "words.audit.actions.write",
  "break-the-glass": "words.audit.actions.break-the-glass",
  confirm: "words.audit.actions.confirm",

  decline: "words.audit.actions.decline",
  reroute: "words.audit.actions.reroute",
  "search-receivers": "words.audit.actions.search-receivers",
  undo: "words.audit.actions.undo",
  "write-note": "words.audit.actions.write-note",
  resolve: "words.audit.actions.resolve",
} as const;

export const RESOURCE_KEYS = {
  citizen: "words.audit.resources.citizen",
  "access-log": "words.audit.resources.access-log",
  consent: "words.audit.resources.consent",
  pathway: "words.audit.resources.pathway",
  "fhir:Patient": "words.audit.resources.fhir-patient",
  "fhir:Encounter": "words.audit.resources.fhir-stays",
  "fhir:EpisodeOfCare": "words.audit.resources.fhir-stays",
  "fhir:Task": "words.audit.resources.fhir-task",
  worklist: "words.audit.resources.worklist",
  "hospital-stay": "words.audit.resources.hospital-stay",
  handover: "words.audit.resources.handover",
  notifications: "words.audit.resources.notifications",
  inpatients: "words.audit.resources.inpatients",
  "medical-follow-up": "words.audit.resources.medical-follow-up",
} as const;

/** The purposes the server writes itself (CODED_PURPOSES); a person's own purpose is shown as written. */
export const PURPOSE_KEYS = {
  discharge: "words.audit.purposes.discharge",
  "not on the acting organisation's worklist": "words.audit.purposes.notOnWorklist",
  "no such handover": "words.audit.purposes.noSuchHandover",
  "outpatient-clinic": "words.audit.purposes.followUpByClinic",
  practice: "words.audit.purposes.followUpByPractice",
  "not-needed": "words.audit.purposes.followUpNotNeeded",
} as const;

/**
 * Labels for pathway events from the server. Every event kind the server can
 * send (src/pathways/model.ts) has a key here; test/i18n/audit-words.test.ts
 * checks both languages have them. A kind this build does not know yet is
 * said in general words, never as the code.
 */
export const EVENT_KEYS = {
  "hospital.admit-inpatient": "pathway.events.hospital.admit-inpatient",
  "hospital.admit-acute-ambulant": "pathway.events.hospital.admit-acute-ambulant",
  "hospital.leave-start": "pathway.events.hospital.leave-start",
  "hospital.leave-end": "pathway.events.hospital.leave-end",
  "hospital.discharge": "pathway.events.hospital.discharge",
  "hospital.death": "pathway.events.hospital.death",
  "hospital.cancelled": "pathway.events.hospital.cancelled",
} as const;

/** The MedCom HospitalNotification types (src/interop/medcom/hospital-notification.ts). */
export const MESSAGE_TYPE_KEYS = {
  STIN: "words.messageTypes.STIN",
  STAA: "words.messageTypes.STAA",
  STOR: "words.messageTypes.STOR",
  SLOR: "words.messageTypes.SLOR",
  SLHJ: "words.messageTypes.SLHJ",
  MORS: "words.messageTypes.MORS",
} as const;

/**
 * The FHIR issue types a message's problems carry (ISSUE_TYPES in
 * src/interop/medcom/bundle-reader.ts), in words; test/i18n/audit-words.test.ts
 * checks both languages have them.
 */
export const ISSUE_KEYS = {
  structure: "words.messages.issues.structure",
  required: "words.messages.issues.required",
  value: "words.messages.issues.value",
  "code-invalid": "words.messages.issues.code-invalid",
  invariant: "words.messages.issues.invariant",
  invalid: "words.messages.issues.invalid",
  "not-found": "words.messages.issues.not-found",
  forbidden: "words.messages.issues.forbidden",
  duplicate: "words.messages.issues.duplicate",
} as const;
