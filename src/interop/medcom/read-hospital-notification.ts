import { IssueCollector, isObject, type Json, type MessageIssue } from "./bundle-reader.ts";
import type { HospitalNotification } from "./hospital-notification.ts";
import { readEncounter, readPatient, readProvenance } from "./read-clinical.ts";
import {
  BundleIndex,
  type Entry,
  readHeader,
  readMessagingOrganisation,
  readReportOfAdmission,
  readSor,
} from "./read-header.ts";

/**
 * Reads and validates a MedCom HospitalNotification Bundle (IG 3.0.2): the
 * structure, the required elements and the guide's invariants. The reader is
 * lenient where MedCom's own examples disagree with the profiles (see
 * docs/medcom-hospitalnotification.md §8) and strict where the profiles are clear.
 */

export type ReadResult =
  | { ok: true; notification: HospitalNotification; warnings: MessageIssue[] }
  | {
      ok: false;
      issues: MessageIssue[];
      ids: { bundleId: string | null; messageHeaderId: string | null };
    };

function readEntries(c: IssueCollector, bundle: Json): Entry[] {
  const raw = c.array(bundle, "entry", "Bundle");
  const seen = new Set<string>();
  const entries: Entry[] = [];
  raw.forEach((item, i) => {
    const path = `Bundle.entry[${i}]`;
    if (
      !isObject(item) ||
      !isObject(item.resource) ||
      typeof item.resource.resourceType !== "string"
    ) {
      c.error("structure", `${path}.resource`, "every entry needs a resource with a resourceType");
      return;
    }
    if (typeof item.fullUrl === "string") {
      if (seen.has(item.fullUrl))
        c.error("invariant", `${path}.fullUrl`, "bdl-7: fullUrl must be unique in a Bundle");
      seen.add(item.fullUrl);
    }
    const id = c.string(item.resource, "id", `${path}.resource`);
    if (id !== undefined && !/^[A-Za-z0-9\-.]{1,64}$/.test(id)) {
      c.error(
        "value",
        `${path}.resource.id`,
        "must be a FHIR id (letters, digits, '-' and '.', at most 64)",
      );
    }
    entries.push({ index: i, resource: item.resource, path: `${path}.resource` });
  });
  return entries;
}

/** The Bundle and MessageHeader ids, read without validation, to acknowledge even a broken message. */
export function messageIdsOf(body: unknown): {
  bundleId: string | null;
  messageHeaderId: string | null;
} {
  if (!isObject(body)) return { bundleId: null, messageHeaderId: null };
  const entries = Array.isArray(body.entry) ? body.entry : [];
  const first =
    isObject(entries[0]) && isObject(entries[0].resource) ? entries[0].resource : undefined;
  return {
    bundleId: typeof body.id === "string" ? body.id : null,
    messageHeaderId:
      first?.resourceType === "MessageHeader" && typeof first.id === "string" ? first.id : null,
  };
}

/** `now`, the receiver's clock, refuses times more than a day after it (FUTURE_TOLERANCE_MS). */
export function readHospitalNotification(body: unknown, now?: Date): ReadResult {
  const c = new IssueCollector(now);
  const ids = messageIdsOf(body);
  const fail = (): ReadResult => ({ ok: false, issues: c.issues, ids });
  if (!isObject(body) || body.resourceType !== "Bundle") {
    c.error("structure", "Bundle", "the body must be a FHIR Bundle");
    return fail();
  }
  if (body.type !== "message") c.error("value", "Bundle.type", "must be 'message'");
  const bundleId = c.string(body, "id", "Bundle");
  const timestamp = c.dateTime(body, "timestamp", "Bundle");
  const entries = readEntries(c, body);
  const header =
    entries[0]?.index === 0 && entries[0].resource.resourceType === "MessageHeader"
      ? entries[0]
      : undefined;
  if (!header) {
    c.error(
      "invariant",
      "Bundle.entry[0].resource",
      "bdl-12: a message Bundle starts with its MessageHeader",
    );
    return fail();
  }
  const index = new BundleIndex(entries);
  const messageHeaderId = c.string(header.resource, "id", header.path);
  const parts = readHeader(c, index, header);
  const reportOfAdmission = readReportOfAdmission(c, index, header);
  const patient = readPatient(c, index);
  const patientEntry = index.ofType("Patient")[0];
  const encounter = parts.encounter
    ? readEncounter(
        c,
        index,
        parts.encounter,
        patientEntry ? `Patient/${patientEntry.resource.id}` : null,
      )
    : null;
  const sender = parts.sender ? readMessagingOrganisation(c, parts.sender) : null;
  const receiver = parts.receiver ? readMessagingOrganisation(c, parts.receiver) : null;
  const serviceProviderSor = encounter ? readSor(c, encounter.serviceProvider) : null;
  const provenance = readProvenance(c, index, messageHeaderId);
  if (c.failed || !bundleId || !timestamp || !messageHeaderId || !patient || !encounter)
    return fail();
  if (
    !sender ||
    !receiver ||
    !serviceProviderSor ||
    !parts.destinationEndpoint ||
    !parts.sourceEndpoint
  )
    return fail();
  const sameAsSender = encounter.serviceProvider === parts.sender;
  return {
    ok: true,
    warnings: c.issues,
    notification: {
      bundleId,
      timestamp,
      messageHeaderId,
      sender,
      receiver,
      destinationEndpoint: parts.destinationEndpoint,
      sourceEndpoint: parts.sourceEndpoint,
      serviceProvider: sameAsSender
        ? null
        : {
            sor: serviceProviderSor,
            name:
              typeof encounter.serviceProvider.resource.name === "string"
                ? encounter.serviceProvider.resource.name
                : null,
          },
      reportOfAdmission,
      patient,
      encounter: encounter.encounter,
      provenance,
    },
  };
}
