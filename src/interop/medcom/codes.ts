/** The exact systems, URLs and codes of MedCom HospitalNotification 3.0 and Acknowledgement 2.0. */

export const SYSTEM = {
  cpr: "urn:oid:1.2.208.176.1.2",
  sor: "urn:oid:1.2.208.176.1.1",
  gln: "https://www.gs1.org/gln",
  eventCodes: "http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes",
  destinationUse: "http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-destinationUse",
  activityCodes: "http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes",
  encounterClass: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
  responseCode: "http://hl7.org/fhir/response-code",
  ackErrorCodes:
    "http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-acknowledgement-error-codes",
  hl7OperationOutcome: "http://terminology.hl7.org/CodeSystem/operation-outcome",
} as const;

export const EXTENSION = {
  destinationUse:
    "http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-destinationUseExtension",
  reportOfAdmissionFlag:
    "http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-messaging-reportOfAdmissionExtension",
  reportOfAdmissionRecipient:
    "http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-messaging-reportOfAdmissionRecipientExtension",
  // "notifiation" is MedCom's own spelling and part of the real URL.
  leavePeriod:
    "http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-hospitalnotifiation-leave-period-extension",
} as const;

export const PROFILE = {
  message:
    "http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-hospitalNotification-message",
  messageHeader:
    "http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-hospitalNotification-messageHeader",
  encounter:
    "http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-hospitalNotification-encounter",
  patient: "http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-patient",
  coreOrganization: "http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-organization",
  messagingOrganization:
    "http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-organization",
  provenance: "http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-provenance",
  acknowledgement:
    "http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgement",
  acknowledgementHeader:
    "http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgementHeader",
  acknowledgementOutcome:
    "http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-acknowledgement-operationoutcome",
} as const;

export const HOSPITAL_NOTIFICATION_EVENT = "hospital-notification-message";
export const ACKNOWLEDGEMENT_EVENT = "acknowledgement-message";

/** The 18 activities of the HospitalNotification value set. */
export const ACTIVITY_CODES = [
  "admit-emergency",
  "revise-admit-emergency",
  "cancel-admit-emergency",
  "admit-inpatient",
  "revise-admit-inpatient",
  "cancel-admit-inpatient",
  "start-leave-inpatient",
  "revise-start-leave-inpatient",
  "cancel-start-leave-inpatient",
  "end-leave-inpatient",
  "revise-end-leave-inpatient",
  "cancel-end-leave-inpatient",
  "discharge-emergency-home",
  "revise-discharge-emergency-home",
  "cancel-discharge-emergency-home",
  "discharge-inpatient-home",
  "revise-discharge-inpatient-home",
  "cancel-discharge-inpatient-home",
] as const;
export type ActivityCode = (typeof ACTIVITY_CODES)[number];

export const ENCOUNTER_STATUSES = [
  "in-progress",
  "onleave",
  "finished",
  "entered-in-error",
] as const;
export type EncounterStatus = (typeof ENCOUNTER_STATUSES)[number];

export const ENCOUNTER_CLASSES = ["IMP", "EMER"] as const;
export type EncounterClassCode = (typeof ENCOUNTER_CLASSES)[number];

/** DK-core's `cpr` invariant: ten digits whose first six are a real date; no modulus-11. */
export const DK_CORE_CPR =
  /^(?:(?:31(?:0[13578]|1[02])|(?:30|29)(?:0[13-9]|1[0-2])|(?:0[1-9]|1[0-9]|2[0-8])(?:0[1-9]|1[0-2]))[0-9]{2}[0-9]|290200[4-9]|2902(?:(?!00)[02468][048]|[13579][26])[0-3])[0-9]{3}$/;

export const SOR_PATTERN = /^[0-9]{11,}$/;

/** GS1 mod-10 check digit of twelve digits: weights 1,3,1,3… from the left. */
export function glnCheckDigit(twelve: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidGln(value: string): boolean {
  return /^[0-9]{13}$/.test(value) && glnCheckDigit(value) === Number(value[12]);
}

/** The SOR endpoint form every MedCom example uses for destination and source. */
export const sorEndpoint = (sor: string) => `https://sor2.sum.dsdn.dk/#id=${sor}`;
