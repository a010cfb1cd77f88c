import accessDa from "./access.da.json";
import accessEn from "./access.en.json";
import agreementsDa from "./agreements.da.json";
import agreementsEn from "./agreements.en.json";
import capacityDa from "./capacity.da.json";
import capacityEn from "./capacity.en.json";
import careDa from "./care.da.json";
import careEn from "./care.en.json";
import contactDa from "./contact.da.json";
import contactEn from "./contact.en.json";
import da from "./da.json";
import en from "./en.json";
import handoverRulesDa from "./handover-rules.da.json";
import handoverRulesEn from "./handover-rules.en.json";
import handoversDa from "./handovers.da.json";
import handoversEn from "./handovers.en.json";
import indicatorsDa from "./indicators.da.json";
import indicatorsEn from "./indicators.en.json";
import initiativesDa from "./initiatives.da.json";
import initiativesEn from "./initiatives.en.json";
import ledgerDa from "./ledger.da.json";
import ledgerEn from "./ledger.en.json";
import meetingsDa from "./meetings.da.json";
import meetingsEn from "./meetings.en.json";
import notificationsDa from "./notifications.da.json";
import notificationsEn from "./notifications.en.json";
import operationsDa from "./operations.da.json";
import operationsEn from "./operations.en.json";
import pathwaysDa from "./pathways.da.json";
import pathwaysEn from "./pathways.en.json";
import problemsDa from "./problems.da.json";
import problemsEn from "./problems.en.json";
import structureDa from "./structure.da.json";
import structureEn from "./structure.en.json";
import wordsDa from "./words.da.json";
import wordsEn from "./words.en.json";

/**
 * Each capability's strings live in their own pair of files; top-level keys
 * never overlap between them (the i18n test checks it).
 */
export const bundles = {
  base: { da, en },
  access: { da: accessDa, en: accessEn },
  pathways: { da: pathwaysDa, en: pathwaysEn },
  operations: { da: operationsDa, en: operationsEn },
  handovers: { da: handoversDa, en: handoversEn },
  handoverRules: { da: handoverRulesDa, en: handoverRulesEn },
  contact: { da: contactDa, en: contactEn },
  care: { da: careDa, en: careEn },
  notifications: { da: notificationsDa, en: notificationsEn },
  problems: { da: problemsDa, en: problemsEn },
  structure: { da: structureDa, en: structureEn },
  indicators: { da: indicatorsDa, en: indicatorsEn },
  words: { da: wordsDa, en: wordsEn },
  agreements: { da: agreementsDa, en: agreementsEn },
  initiatives: { da: initiativesDa, en: initiativesEn },
  meetings: { da: meetingsDa, en: meetingsEn },
  capacity: { da: capacityDa, en: capacityEn },
  ledger: { da: ledgerDa, en: ledgerEn },
} as const;

/**
 * The health structure's strings (the home page, a body's page, the map, the
 * date switch, the reform page). Like the problem texts they are not among the
 * named strings: with them the key type grew too deep for the compiler
 * (TS2589). The structure's components check their keys against this type
 * instead (web/src/structure/text.ts).
 */
export type StructureStrings = typeof structureDa;

/**
 * The quality indicators' strings (the Kvalitet page, the dashboards, their
 * charts). Kept apart from the named strings for the same reason as the
 * structure's; checked against this type in web/src/indicators/text.ts.
 */
export type IndicatorStrings = typeof indicatorsDa;

/** A body's agreements' strings (src/governance), apart for the same reason; web/src/governance/text.ts. */
export type AgreementStrings = typeof agreementsDa;
export type CapacityStrings = typeof capacityDa;

/** A body's initiatives' strings (src/governance), apart for the same reason; web/src/governance/initiative-text.ts. */
export type InitiativeStrings = typeof initiativesDa;

/** The ledger's strings ("Money that follows the task"), apart for the same reason; web/src/governance/ledger-api.ts. */
export type LedgerStrings = typeof ledgerDa;
/** A body's meetings' strings (src/governance), apart for the same reason; web/src/governance/meeting-text.ts. */
export type MeetingStrings = typeof meetingsDa;

/**
 * Words for the server's codes (audit actions, MedCom message types, message
 * problems): looked up by value at run time, so kept apart from the named
 * strings like the structure's; test/i18n/audit-words.test.ts checks them.
 */
export type WordStrings = typeof wordsDa;

/**
 * The strings of the roles' own pages (issue 21: inpatients, medical
 * follow-up without a GP, why one may not discharge). Kept apart for the
 * same reason; checked against this type in web/src/app/care-text.ts.
 */
export type CareStrings = typeof careDa;

/**
 * The administration's strings (units, messages, its navigation). Kept apart
 * from the named strings for the same reason; web/src/admin/text.ts.
 */
export type OperationsStrings = typeof operationsDa;

/**
 * The strings the web's code names, whose keys TypeScript checks. The problem
 * texts are not among them: their keys come from the server at run time, and
 * with them the key type grew too deep for the compiler.
 */
const namedDanish = {
  ...da,
  ...accessDa,
  ...pathwaysDa,
  ...handoversDa,
  ...handoverRulesDa,
  ...contactDa,
  ...notificationsDa,
};
export type NamedStrings = typeof namedDanish;
export const danish = {
  ...namedDanish,
  ...operationsDa,
  ...careDa,
  ...structureDa,
  ...indicatorsDa,
  ...agreementsDa,
  ...initiativesDa,
  ...meetingsDa,
  ...capacityDa,
  ...ledgerDa,
  ...problemsDa,
  ...wordsDa,
};
export const english = {
  ...en,
  ...accessEn,
  ...pathwaysEn,
  ...operationsEn,
  ...handoversEn,
  ...handoverRulesEn,
  ...contactEn,
  ...notificationsEn,
  ...careEn,
  ...structureEn,
  ...indicatorsEn,
  ...agreementsEn,
  ...initiativesEn,
  ...meetingsEn,
  ...capacityEn,
  ...ledgerEn,
  ...problemsEn,
  ...wordsEn,
};
