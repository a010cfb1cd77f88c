import type { CitizenView } from "../citizens/service.ts";
import { type StaySummary, stayOrganisationName } from "../pathways/model.ts";
import { SYSTEM } from "./medcom/codes.ts";

/**
 * Tovholder's own records as FHIR R4 resources for the read facade: the
 * citizen as Patient, each hospital stay as an Encounter and as the
 * EpisodeOfCare (forløb) MedCom's messages name.
 */

export type Stay = StaySummary & { episodeKey: string | null };

const SYNTHETIC_TAG = {
  system: "http://terminology.hl7.org/CodeSystem/v3-ActReason",
  code: "HTEST",
  display: "test health data",
};

export function patientResource(c: CitizenView) {
  const parts = c.name.trim().split(/\s+/);
  const family = parts.length > 1 ? parts.at(-1) : c.name;
  return {
    resourceType: "Patient",
    id: c.id,
    ...(c.synthetic ? { meta: { tag: [SYNTHETIC_TAG] } } : {}),
    identifier: [{ use: "official", system: SYSTEM.cpr, value: c.cpr }],
    name: [{ use: "official", text: c.name, family, given: parts.slice(0, -1) }],
    gender: c.sex,
    birthDate: c.birthDate,
    ...(c.deceasedAt ? { deceasedDateTime: new Date(c.deceasedAt).toISOString() } : {}),
    ...(c.homeMunicipality
      ? { address: [{ use: "home", district: c.homeMunicipality.name, country: "DK" }] }
      : {}),
    ...(c.listedPractice
      ? {
          generalPractitioner: [
            {
              display: c.listedPractice.name,
              identifier: {
                system: "urn:dk:yder:providernumber",
                value: c.listedPractice.providerNumber,
              },
            },
          ],
        }
      : {}),
  };
}

const ENCOUNTER_STATUS: Record<Stay["status"], string> = {
  admitted: "in-progress",
  "on-leave": "onleave",
  discharged: "finished",
  deceased: "finished",
  cancelled: "entered-in-error",
};

const EPISODE_STATUS: Record<Stay["status"], string> = {
  admitted: "active",
  "on-leave": "active",
  discharged: "finished",
  deceased: "finished",
  cancelled: "entered-in-error",
};

const period = (s: Stay) => ({
  start: new Date(s.admittedAt).toISOString(),
  ...(s.endedAt ? { end: new Date(s.endedAt).toISOString() } : {}),
});

const organisationDisplay = stayOrganisationName;

export function encounterResource(patientId: string, s: Stay) {
  return {
    resourceType: "Encounter",
    id: s.id,
    status: ENCOUNTER_STATUS[s.status],
    class: {
      system: SYSTEM.encounterClass,
      code: s.encounterClass === "acute-ambulant" ? "EMER" : "IMP",
    },
    subject: { reference: `Patient/${patientId}` },
    episodeOfCare: [{ reference: `EpisodeOfCare/${s.id}` }],
    period: period(s),
    serviceProvider: { display: organisationDisplay(s) },
  };
}

export function episodeOfCareResource(patientId: string, s: Stay) {
  const [system, value] = s.episodeKey?.split("|") ?? [];
  return {
    resourceType: "EpisodeOfCare",
    id: s.id,
    ...(system && value ? { identifier: [{ system, value }] } : {}),
    status: EPISODE_STATUS[s.status],
    patient: { reference: `Patient/${patientId}` },
    managingOrganization: { display: organisationDisplay(s) },
    period: period(s),
  };
}

export function searchBundle(
  baseUrl: string,
  self: string,
  resources: { resourceType: string; id: string }[],
) {
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: resources.length,
    link: [{ relation: "self", url: `${baseUrl}${self}` }],
    entry: resources.map((resource) => ({
      fullUrl: `${baseUrl}/fhir/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: "match" },
    })),
  };
}

export function capabilityStatement(baseUrl: string, now: Date) {
  const searchByPatient = [
    {
      name: "patient",
      type: "reference",
      documentation: "The patient's logical id (Patient/<id> or <id>); required",
    },
  ];
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: now.toISOString(),
    kind: "instance",
    software: { name: "Tovholder", version: "0.1.0" },
    implementation: { description: "Tovholder FHIR facade", url: `${baseUrl}/fhir` },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json"],
    rest: [
      {
        mode: "server",
        security: {
          description:
            "Integration tokens (Authorization: Bearer tovh_…) with the scopes fhir:read, tasks:write or messages:write, or a staff session. Every read of a citizen's data is checked against the relation rules and written to the audit log.",
        },
        resource: [
          { type: "Patient", interaction: [{ code: "read" }] },
          {
            type: "Encounter",
            interaction: [{ code: "search-type" }],
            searchParam: searchByPatient,
          },
          {
            type: "EpisodeOfCare",
            interaction: [{ code: "search-type" }],
            searchParam: searchByPatient,
          },
          {
            type: "Task",
            documentation:
              "Handovers at discharge: the acting organisation's worklist. A receiver accepts (confirms) or rejects (declines, with statusReason) with an update carrying the version read (If-Match).",
            interaction: [{ code: "read" }, { code: "search-type" }, { code: "update" }],
            versioning: "versioned-update",
            updateCreate: false,
            searchParam: [
              {
                name: "status",
                type: "token",
                documentation:
                  "requested, accepted, rejected, cancelled (comma-separated); by default requested and rejected",
              },
              {
                name: "_count",
                type: "number",
                documentation: "Page size, 1 to 500 (default 200)",
              },
            ],
          },
        ],
        operation: [
          {
            name: "process-message",
            definition: "http://hl7.org/fhir/OperationDefinition/MessageHeader-process-message",
            documentation:
              "Receives MedCom HospitalNotification 3.0 messages and answers with a MedCom Acknowledgement 2.0.",
          },
        ],
      },
    ],
    messaging: [
      {
        supportedMessage: [
          {
            mode: "receiver",
            definition:
              "http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-hospitalNotification-message",
          },
        ],
      },
    ],
  };
}
