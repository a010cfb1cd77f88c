import { type IssueCollector, isObject, type Json } from "./bundle-reader.ts";
import {
  EXTENSION,
  HOSPITAL_NOTIFICATION_EVENT,
  isValidGln,
  SOR_PATTERN,
  SYSTEM,
} from "./codes.ts";
import type { MessagingOrganisation } from "./hospital-notification.ts";

/** Reading the MessageHeader, the organisations and the references between resources. */

export const VALUESET_UNKNOWN = {
  system: SYSTEM.ackErrorCodes,
  code: "MSG_VALUESET_VALUE_UNKNOWN",
};

export type Entry = { index: number; resource: Json; path: string };

/** Entries by `ResourceType/id`, the way MedCom references resolve inside a message. */
export class BundleIndex {
  readonly byKey = new Map<string, Entry>();
  constructor(readonly entries: Entry[]) {
    for (const e of entries) {
      if (typeof e.resource.id === "string")
        this.byKey.set(`${e.resource.resourceType}/${e.resource.id}`, e);
    }
  }
  ofType(type: string): Entry[] {
    return this.entries.filter((e) => e.resource.resourceType === type);
  }
  /** Resolves a reference (relative or absolute) by its last two path segments. */
  resolve(reference: unknown, type: string): Entry | undefined {
    if (typeof reference !== "string") return undefined;
    const parts = reference.split("/");
    const key = parts.slice(-2).join("/");
    const entry = this.byKey.get(key);
    return entry && entry.resource.resourceType === type ? entry : undefined;
  }
}

export function referenceTo(
  c: IssueCollector,
  index: BundleIndex,
  obj: Json | undefined,
  key: string,
  path: string,
  type: string,
): Entry | undefined {
  const ref = c.object(obj, key, path);
  if (!ref) return undefined;
  const reference = c.string(ref, "reference", `${path}.${key}`);
  if (!reference) return undefined;
  const target = index.resolve(reference, type);
  if (!target) {
    c.error("not-found", `${path}.${key}.reference`, `must reference a ${type} in the Bundle`);
  }
  return target;
}

export function identifierValue(
  c: IssueCollector,
  org: Entry,
  system: string,
  label: string,
): string | null {
  const identifiers = c.array(org.resource, "identifier", org.path);
  const found = identifiers.findIndex((i) => isObject(i) && i.system === system);
  if (found < 0) {
    c.error("required", `${org.path}.identifier`, `needs a ${label} identifier (system ${system})`);
    return null;
  }
  return c.string(identifiers[found] as Json, "value", `${org.path}.identifier[${found}]`) ?? null;
}

export function readSor(c: IssueCollector, org: Entry): string | null {
  const sor = identifierValue(c, org, SYSTEM.sor, "SOR");
  if (sor !== null && !SOR_PATTERN.test(sor)) {
    c.error("value", `${org.path}.identifier`, "min-digits-sor: a SOR code has at least 11 digits");
    return null;
  }
  return sor;
}

export function readMessagingOrganisation(
  c: IssueCollector,
  org: Entry,
): MessagingOrganisation | null {
  const sor = readSor(c, org);
  const gln = identifierValue(c, org, SYSTEM.gln, "EAN/GLN");
  if (gln !== null && !isValidGln(gln)) {
    c.error(
      "value",
      `${org.path}.identifier`,
      "gln-modulus-10: a GLN has 13 digits and a valid GS1 check digit",
    );
    return null;
  }
  const name = c.optionalString(org.resource, "name", org.path);
  return sor && gln ? { sor, gln, name } : null;
}

export function readHeader(c: IssueCollector, index: BundleIndex, header: Entry) {
  const path = header.path;
  const h = header.resource;
  const event = c.object(h, "eventCoding", path);
  if (event && (event.system !== SYSTEM.eventCodes || event.code !== HOSPITAL_NOTIFICATION_EVENT)) {
    c.error(
      "code-invalid",
      `${path}.eventCoding`,
      `must be ${SYSTEM.eventCodes}#${HOSPITAL_NOTIFICATION_EVENT}`,
      { system: SYSTEM.ackErrorCodes, code: "MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE" },
    );
  }
  const destinations = c.array(h, "destination", path);
  if (destinations.length > 1) {
    c.error(
      "structure",
      `${path}.destination`,
      "exactly one (primary) destination; carbon copies are not allowed",
    );
  }
  const destination = isObject(destinations[0]) ? destinations[0] : undefined;
  const dPath = `${path}.destination[0]`;
  const uses = Array.isArray(destination?.extension) ? destination.extension : [];
  const use = uses.find((e) => isObject(e) && e.url === EXTENSION.destinationUse) as
    | Json
    | undefined;
  const useCoding = isObject(use?.valueCoding) ? use.valueCoding : undefined;
  if (
    destination &&
    (useCoding?.code !== "primary" || useCoding.system !== SYSTEM.destinationUse)
  ) {
    c.error(
      "invariant",
      `${dPath}.extension`,
      "medcom-hospitalNotification-5: the receiver shall always be a primary receiver",
      { system: SYSTEM.ackErrorCodes, code: "MSG_Receiver_Identifier_MISSING" },
    );
  }
  const destinationEndpoint = destination ? c.string(destination, "endpoint", dPath) : undefined;
  const receiver = destination
    ? referenceTo(c, index, destination, "receiver", dPath, "Organization")
    : undefined;
  const sender = referenceTo(c, index, h, "sender", path, "Organization");
  const sourceEndpoint = c.string(c.object(h, "source", path), "endpoint", `${path}.source`);
  const focus = c.array(h, "focus", path);
  if (focus.length > 1) c.error("structure", `${path}.focus`, "exactly one focus (the Encounter)");
  const encounter = isObject(focus[0]) ? index.resolve(focus[0].reference, "Encounter") : undefined;
  if (focus.length > 0 && !encounter) {
    c.error(
      "not-found",
      `${path}.focus[0].reference`,
      "must reference the Encounter in the Bundle",
    );
  }
  return { destinationEndpoint, receiver, sender, sourceEndpoint, encounter };
}

export function readReportOfAdmission(c: IssueCollector, index: BundleIndex, header: Entry) {
  const extensions = Array.isArray(header.resource.extension) ? header.resource.extension : [];
  const flag = extensions.find((e) => isObject(e) && e.url === EXTENSION.reportOfAdmissionFlag) as
    | Json
    | undefined;
  const recipient = extensions.find(
    (e) => isObject(e) && e.url === EXTENSION.reportOfAdmissionRecipient,
  ) as Json | undefined;
  if (!flag && !recipient) return null;
  if (flag && typeof flag.valueBoolean !== "boolean") {
    c.error("value", `${header.path}.extension`, "reportOfAdmissionFlag needs valueBoolean");
  }
  let recipientSor: string | null = null;
  if (recipient) {
    const org = index.resolve(
      isObject(recipient.valueReference) ? recipient.valueReference.reference : undefined,
      "Organization",
    );
    if (!org)
      c.error(
        "not-found",
        `${header.path}.extension`,
        "reportOfAdmissionRecipient must reference an Organization in the Bundle",
      );
    else recipientSor = readSor(c, org);
  }
  return { requested: flag?.valueBoolean === true, recipientSor };
}
