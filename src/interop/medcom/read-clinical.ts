import { parseCpr } from "../../citizens/cpr.ts";
import { type IssueCollector, isObject, type Json, periodIsOrdered } from "./bundle-reader.ts";
import {
  ACTIVITY_CODES,
  type ActivityCode,
  DK_CORE_CPR,
  ENCOUNTER_CLASSES,
  ENCOUNTER_STATUSES,
  EXTENSION,
  SYSTEM,
} from "./codes.ts";
import type { HospitalNotification, ProvenanceEntry } from "./hospital-notification.ts";
import { type BundleIndex, type Entry, referenceTo, VALUESET_UNKNOWN } from "./read-header.ts";

/** Reading the Patient, the Encounter and the Provenance history. */

export function readPatient(c: IssueCollector, index: BundleIndex) {
  const patients = index.ofType("Patient");
  if (patients.length !== 1) {
    c.error(
      "invariant",
      "Bundle.entry",
      `medcom-hospitalNotification-2: exactly one Patient (found ${patients.length})`,
    );
    return null;
  }
  const [patient] = patients as [Entry];
  const path = patient.path;
  const identifiers = c.array(patient.resource, "identifier", path);
  const first = identifiers[0];
  if (identifiers.length !== 1 || !isObject(first) || first.system !== SYSTEM.cpr) {
    c.error(
      "invariant",
      `${path}.identifier`,
      `medcom-hospitalNotification-4: exactly one identifier, with system ${SYSTEM.cpr} (official Danish CPR)`,
    );
    return null;
  }
  const cpr = c.string(first, "value", `${path}.identifier[0]`);
  // The value itself is never quoted back: it is a CPR number.
  if (cpr !== undefined && (!DK_CORE_CPR.test(cpr) || !parseCpr(cpr))) {
    c.error(
      "value",
      `${path}.identifier[0].value`,
      "cpr: 10 digits without hyphen, starting with a valid date of birth",
    );
  }
  const names = c.array(patient.resource, "name", path);
  const officialIndex = names.findIndex(
    (n) => isObject(n) && (n.use === "official" || n.use === undefined),
  );
  const official = officialIndex >= 0 ? (names[officialIndex] as Json) : undefined;
  if (names.length > 0 && !official) c.error("required", `${path}.name`, "needs an official name");
  const family = official
    ? c.string(official, "family", `${path}.name[${officialIndex}]`)
    : undefined;
  const given = Array.isArray(official?.given)
    ? official.given.filter((g): g is string => typeof g === "string")
    : [];
  const deceasedValue = patient.resource.deceasedBoolean;
  if (patient.resource.deceasedDateTime !== undefined) {
    c.error("value", `${path}.deceased[x]`, "HospitalNotification uses deceasedBoolean");
  }
  if (deceasedValue !== undefined && typeof deceasedValue !== "boolean") {
    c.error("value", `${path}.deceasedBoolean`, "must be true or false");
  }
  if (cpr === undefined || family === undefined) return null;
  return {
    cpr,
    family,
    given,
    deceased: typeof deceasedValue === "boolean" ? deceasedValue : null,
  };
}

export function readLeave(c: IssueCollector, encounter: Entry) {
  const extensions = Array.isArray(encounter.resource.extension)
    ? encounter.resource.extension
    : [];
  const leave = extensions.find((e) => isObject(e) && e.url === EXTENSION.leavePeriod) as
    | Json
    | undefined;
  if (!leave) return null;
  const path = `${encounter.path}.extension[${extensions.indexOf(leave)}]`;
  const period = c.object(leave, "valuePeriod", path);
  const start = c.dateTime(period, "start", `${path}.valuePeriod`);
  const end = c.dateTime(period, "end", `${path}.valuePeriod`, false);
  if (!periodIsOrdered(start, end))
    c.error("invariant", `${path}.valuePeriod`, "per-1: the start shall not be after the end");
  return start ? { start, end } : null;
}

export function readEncounter(
  c: IssueCollector,
  index: BundleIndex,
  encounter: Entry,
  patientKey: string | null,
) {
  const path = encounter.path;
  const e = encounter.resource;
  const status = c.string(e, "status", path);
  if (status !== undefined && !(ENCOUNTER_STATUSES as readonly string[]).includes(status)) {
    c.error(
      "code-invalid",
      `${path}.status`,
      `must be one of ${ENCOUNTER_STATUSES.join(", ")}`,
      VALUESET_UNKNOWN,
    );
  }
  const klass = c.object(e, "class", path);
  if (
    klass &&
    (klass.system !== SYSTEM.encounterClass ||
      !(ENCOUNTER_CLASSES as readonly unknown[]).includes(klass.code))
  ) {
    c.error(
      "code-invalid",
      `${path}.class`,
      `must be ${SYSTEM.encounterClass} IMP (inpatient) or EMER (acute ambulant)`,
      VALUESET_UNKNOWN,
    );
  }
  const subject = referenceTo(c, index, e, "subject", path, "Patient");
  if (subject && patientKey && `Patient/${subject.resource.id}` !== patientKey) {
    c.error("invalid", `${path}.subject`, "must reference the message's Patient");
  }
  const episodes = c.array(e, "episodeOfCare", path).map((item, i) => {
    const identifier = c.object(
      isObject(item) ? item : undefined,
      "identifier",
      `${path}.episodeOfCare[${i}]`,
    );
    const system = c.string(identifier, "system", `${path}.episodeOfCare[${i}].identifier`);
    const value = c.string(identifier, "value", `${path}.episodeOfCare[${i}].identifier`);
    return system && value ? { system, value } : null;
  });
  const period = c.object(e, "period", path);
  const periodStart = c.dateTime(period, "start", `${path}.period`);
  const periodEnd = c.dateTime(period, "end", `${path}.period`, false);
  if (!periodIsOrdered(periodStart, periodEnd))
    c.error("invariant", `${path}.period`, "per-1: the start shall not be after the end");
  const serviceProvider = referenceTo(c, index, e, "serviceProvider", path, "Organization");
  const leave = readLeave(c, encounter);
  if (status === "onleave" && !leave) {
    c.error(
      "invariant",
      `${path}.extension`,
      "medcom-hospitalNotification-6: when status is onleave, the leave period start shall be present",
    );
  }
  if (!status || !klass || !periodStart || episodes.some((x) => x === null) || !serviceProvider)
    return null;
  return {
    serviceProvider,
    encounter: {
      status: status as HospitalNotification["encounter"]["status"],
      class: klass.code as HospitalNotification["encounter"]["class"],
      periodStart,
      periodEnd,
      leave,
      episodeOfCare: episodes as { system: string; value: string }[],
    },
  };
}

export function readProvenance(
  c: IssueCollector,
  index: BundleIndex,
  messageHeaderId: string | undefined,
) {
  const entries = index.ofType("Provenance");
  if (entries.length === 0)
    c.error("invariant", "Bundle.entry", "medcom-messaging-2: at least one Provenance");
  const result: ProvenanceEntry[] = [];
  for (const p of entries) {
    const path = p.path;
    const targets = c.array(p.resource, "target", path);
    const target =
      isObject(targets[0]) && typeof targets[0].reference === "string"
        ? targets[0].reference
        : undefined;
    if (!target?.includes("MessageHeader/"))
      c.error("required", `${path}.target[0].reference`, "must reference a MessageHeader");
    const occurredAt = c.dateTime(p.resource, "occurredDateTime", path);
    const recordedAt = c.dateTime(p.resource, "recorded", path);
    const codings = c.array(c.object(p.resource, "activity", path), "coding", `${path}.activity`);
    const coding = isObject(codings[0]) ? codings[0] : undefined;
    const code = typeof coding?.code === "string" ? coding.code.toLowerCase() : undefined;
    if (
      !code ||
      !(ACTIVITY_CODES as readonly string[]).includes(code) ||
      (coding?.system !== undefined && coding.system !== SYSTEM.activityCodes)
    ) {
      c.error(
        "code-invalid",
        `${path}.activity.coding[0]`,
        "medcom-hospitalNotification-3: the activity must be one of the 18 HospitalNotification activity codes",
        VALUESET_UNKNOWN,
      );
    }
    const agents = c.array(p.resource, "agent", path);
    for (const [i, a] of agents.entries()) {
      referenceTo(
        c,
        index,
        isObject(a) ? a : undefined,
        "who",
        `${path}.agent[${i}]`,
        "Organization",
      );
    }
    const entities = c.array(p.resource, "entity", path, 0);
    const entity = isObject(entities[0]) ? entities[0] : undefined;
    let parsedEntity: ProvenanceEntry["entity"] = null;
    if (entity) {
      const role = c.string(entity, "role", `${path}.entity[0]`);
      if (role !== undefined && role !== "revision" && role !== "removal") {
        c.error("code-invalid", `${path}.entity[0].role`, "must be revision or removal");
      }
      const what = c.object(entity, "what", `${path}.entity[0]`);
      const identifier = isObject(what?.identifier) ? what.identifier.value : undefined;
      const ref =
        typeof what?.reference === "string"
          ? what.reference
          : typeof identifier === "string"
            ? identifier
            : undefined;
      if (!ref) c.error("required", `${path}.entity[0].what`, "must name the earlier message");
      if (ref && (role === "revision" || role === "removal")) {
        parsedEntity = { role, messageHeaderId: ref.replace(/^.*MessageHeader\//, "") };
      }
    }
    if (target && occurredAt && recordedAt && code) {
      result.push({
        messageHeaderId: target.replace(/^.*MessageHeader\//, ""),
        activity: code as ActivityCode,
        occurredAt,
        recordedAt,
        entity: parsedEntity,
      });
    }
  }
  const current = result.filter((p) => p.messageHeaderId === messageHeaderId);
  if (messageHeaderId && entries.length > 0 && current.length !== 1) {
    c.error(
      "invariant",
      "Bundle.entry",
      "exactly one Provenance shall target this message's MessageHeader",
    );
  }
  return result;
}
