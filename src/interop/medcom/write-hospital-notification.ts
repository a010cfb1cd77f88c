import { createHash } from "node:crypto";
import { EXTENSION, HOSPITAL_NOTIFICATION_EVENT, PROFILE, SYSTEM } from "./codes.ts";
import {
  classify,
  type HospitalNotification,
  type MessagingOrganisation,
} from "./hospital-notification.ts";

/**
 * Writes a HospitalNotification as the MedCom message Bundle a hospital
 * system sends. Output is deterministic: resource ids are derived from the
 * message, so the same input always gives byte-identical JSON (the synthetic
 * data generator relies on it).
 */

type Resource = { resourceType: string; id: string } & Record<string, unknown>;

/** A UUID (version-4 shaped) derived from its parts, so that writing twice gives the same ids. */
export function derivedUuid(...parts: string[]): string {
  const h = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  const variant = ((Number.parseInt(h[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const ref = (r: Resource) => ({ reference: `${r.resourceType}/${r.id}` });

/** A MedComMessagingOrganization: SOR and GLN, and the name when known. */
export function messagingOrganisation(o: MessagingOrganisation, id: string): Resource {
  return {
    resourceType: "Organization",
    id,
    meta: { profile: [PROFILE.messagingOrganization] },
    identifier: [
      { system: SYSTEM.sor, value: o.sor },
      { system: SYSTEM.gln, value: o.gln },
    ],
    ...(o.name !== null ? { name: o.name } : {}),
  };
}

function coreOrganisation(sor: string, name: string | null, id: string): Resource {
  return {
    resourceType: "Organization",
    id,
    meta: { profile: [PROFILE.coreOrganization] },
    identifier: [{ system: SYSTEM.sor, value: sor }],
    ...(name !== null ? { name } : {}),
  };
}

function narrative(n: HospitalNotification): { status: string; div: string } {
  const label = classify(n)?.label ?? "HospitalNotification";
  const text = `Advis om sygehusophold: ${label}. Afsender SOR ${n.sender.sor}, modtager SOR ${n.receiver.sor}.`;
  return { status: "generated", div: `<div xmlns="http://www.w3.org/1999/xhtml">${text}</div>` };
}

function organisations(n: HospitalNotification) {
  const id = (role: string) => derivedUuid(n.messageHeaderId, "Organization", role);
  const sender = messagingOrganisation(n.sender, id("sender"));
  const receiver = messagingOrganisation(n.receiver, id("receiver"));
  const serviceProvider = n.serviceProvider
    ? coreOrganisation(n.serviceProvider.sor, n.serviceProvider.name, id("service-provider"))
    : sender;
  const recipientSor = n.reportOfAdmission?.recipientSor ?? null;
  let reportRecipient: Resource | null = null;
  if (recipientSor !== null) {
    const known = [sender, serviceProvider, receiver].find(
      (o) => (o.identifier as { value: string }[])[0]?.value === recipientSor,
    );
    reportRecipient = known ?? coreOrganisation(recipientSor, null, id("report-recipient"));
  }
  return { sender, receiver, serviceProvider, reportRecipient };
}

function headerExtensions(n: HospitalNotification, reportRecipient: Resource | null) {
  if (!n.reportOfAdmission) return {};
  const extension: unknown[] = [
    { url: EXTENSION.reportOfAdmissionFlag, valueBoolean: n.reportOfAdmission.requested },
  ];
  if (reportRecipient) {
    extension.push({
      url: EXTENSION.reportOfAdmissionRecipient,
      valueReference: ref(reportRecipient),
    });
  }
  return { extension };
}

function encounterResource(
  n: HospitalNotification,
  patient: Resource,
  serviceProvider: Resource,
): Resource {
  const e = n.encounter;
  return {
    resourceType: "Encounter",
    id: derivedUuid(n.messageHeaderId, "Encounter"),
    meta: { profile: [PROFILE.encounter] },
    ...(e.leave
      ? {
          extension: [
            {
              url: EXTENSION.leavePeriod,
              valuePeriod: { start: e.leave.start, ...(e.leave.end ? { end: e.leave.end } : {}) },
            },
          ],
        }
      : {}),
    status: e.status,
    class: { system: SYSTEM.encounterClass, code: e.class },
    subject: ref(patient),
    episodeOfCare: e.episodeOfCare.map((identifier) => ({ identifier })),
    period: { start: e.periodStart, ...(e.periodEnd ? { end: e.periodEnd } : {}) },
    serviceProvider: ref(serviceProvider),
  };
}

function patientResource(n: HospitalNotification): Resource {
  const p = n.patient;
  return {
    resourceType: "Patient",
    id: derivedUuid(n.messageHeaderId, "Patient"),
    meta: { profile: [PROFILE.patient] },
    identifier: [{ system: SYSTEM.cpr, value: p.cpr }],
    name: [
      { use: "official", family: p.family, ...(p.given.length > 0 ? { given: p.given } : {}) },
    ],
    ...(p.deceased !== null ? { deceasedBoolean: p.deceased } : {}),
  };
}

function provenanceResources(n: HospitalNotification, agent: Resource): Resource[] {
  return n.provenance.map((p) => ({
    resourceType: "Provenance",
    id: derivedUuid(p.messageHeaderId, "Provenance"),
    meta: { profile: [PROFILE.provenance] },
    target: [{ reference: `MessageHeader/${p.messageHeaderId}` }],
    occurredDateTime: p.occurredAt,
    recorded: p.recordedAt,
    activity: { coding: [{ system: SYSTEM.activityCodes, code: p.activity }] },
    agent: [{ who: ref(agent) }],
    ...(p.entity
      ? {
          entity: [
            {
              role: p.entity.role,
              what: { reference: `MessageHeader/${p.entity.messageHeaderId}` },
            },
          ],
        }
      : {}),
  }));
}

export function writeHospitalNotification(n: HospitalNotification): Record<string, unknown> {
  const orgs = organisations(n);
  const patient = patientResource(n);
  const encounter = encounterResource(n, patient, orgs.serviceProvider);
  const header: Resource = {
    resourceType: "MessageHeader",
    id: n.messageHeaderId,
    meta: { profile: [PROFILE.messageHeader] },
    text: narrative(n),
    ...headerExtensions(n, orgs.reportRecipient),
    eventCoding: { system: SYSTEM.eventCodes, code: HOSPITAL_NOTIFICATION_EVENT },
    destination: [
      {
        extension: [
          {
            url: EXTENSION.destinationUse,
            valueCoding: { system: SYSTEM.destinationUse, code: "primary" },
          },
        ],
        endpoint: n.destinationEndpoint,
        receiver: ref(orgs.receiver),
      },
    ],
    sender: ref(orgs.sender),
    source: { endpoint: n.sourceEndpoint },
    focus: [ref(encounter)],
  };
  const resources: Resource[] = [header, encounter, patient, orgs.sender, orgs.receiver];
  for (const extra of [orgs.serviceProvider, orgs.reportRecipient]) {
    if (extra && !resources.includes(extra)) resources.push(extra);
  }
  resources.push(...provenanceResources(n, orgs.sender));
  return {
    resourceType: "Bundle",
    id: n.bundleId,
    meta: { profile: [PROFILE.message] },
    type: "message",
    timestamp: n.timestamp,
    entry: resources.map((resource) => ({
      fullUrl: `urn:uuid:${resource.id}`,
      resource,
    })),
  };
}
