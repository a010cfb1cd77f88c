import type { CodeableConcept, Task } from "@medplum/fhirtypes";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import {
  DECLINE_REASONS,
  type DeclineReason,
  declineNoteMissing,
  type HandoverStatus,
  type Sector,
} from "./model.ts";

/**
 * A handover as a FHIR R4 Task, and the one change a receiver's system may
 * make to it: accept (confirm) or reject (decline with a reason). Pure: no
 * I/O. The Task names the citizen by Tovholder's id only, never by name or
 * CPR number.
 */

const BASE = "https://tovholder.dk/fhir/CodeSystem";
export const TASK_SYSTEM = {
  sector: `${BASE}/handover-sector`,
  declineReason: `${BASE}/handover-decline-reason`,
  closeReason: `${BASE}/handover-close-reason`,
  businessStatus: `${BASE}/handover-business-status`,
} as const;

const SECTOR_DISPLAY: Record<Sector, string> = {
  municipality: "Overdragelse til hjemkommune",
  "general-practice": "Overdragelse til egen læge",
};

const DECLINE_DISPLAY: Record<DeclineReason, string> = {
  "not-our-citizen": "Ikke vores borger",
  "citizen-moved": "Borgeren er flyttet",
  "needs-different-service": "Har brug for en anden ydelse",
  other: "Andet",
};

const CLOSE_DISPLAY: Record<string, string> = {
  death: "Borgeren er død",
  "stay-cancelled": "Indlæggelsen er annulleret",
  "discharge-cancelled": "Udskrivelsen er annulleret",
};

export type TaskStatus = "requested" | "accepted" | "rejected" | "cancelled";

export const TASK_STATUS: Record<HandoverStatus, TaskStatus> = {
  open: "requested",
  confirmed: "accepted",
  declined: "rejected",
  closed: "cancelled",
};

const HANDOVER_STATUS = Object.fromEntries(
  Object.entries(TASK_STATUS).map(([handover, task]) => [task, handover]),
) as Record<TaskStatus, HandoverStatus>;

/** The handover statuses behind FHIR Task status codes (the search parameter `status`). */
export function handoverStatusesOf(codes: readonly TaskStatus[]): HandoverStatus[] {
  return [...new Set(codes.map((c) => HANDOVER_STATUS[c]))];
}

/** What a Task is made from: a handover as the acting organisation's worklist shows it. */
export type TaskSource = {
  id: string;
  citizenId: string;
  stayId: string;
  sector: Sector;
  status: HandoverStatus;
  statusReason: string | null;
  version: number;
  updatedAt: string;
  dischargedAt: string;
  deadlineAt: string;
  overdue: boolean;
  escalationStep: number;
  /** The discharging ward's note; null where the actor has no relation to the citizen. */
  note: string | null;
  receiverOrganisationId: string;
  receiverName: string;
  dischargingOrganisationId: string | null;
  dischargingName: string | null;
};

export function taskResource(h: TaskSource): Task & { id: string } {
  const statusReason = statusReasonOf(h);
  const businessStatus = businessStatusOf(h);
  return {
    resourceType: "Task",
    id: h.id,
    meta: { versionId: String(h.version), lastUpdated: h.updatedAt },
    status: TASK_STATUS[h.status],
    ...(statusReason ? { statusReason } : {}),
    ...(businessStatus ? { businessStatus } : {}),
    intent: "order",
    code: {
      coding: [{ system: TASK_SYSTEM.sector, code: h.sector, display: SECTOR_DISPLAY[h.sector] }],
      text: SECTOR_DISPLAY[h.sector],
    },
    focus: { reference: `Encounter/${h.stayId}` },
    for: { reference: `Patient/${h.citizenId}` },
    authoredOn: h.dischargedAt,
    lastModified: h.updatedAt,
    ...(h.dischargingOrganisationId
      ? {
          requester: {
            reference: `Organization/${h.dischargingOrganisationId}`,
            ...(h.dischargingName ? { display: h.dischargingName } : {}),
          },
        }
      : {}),
    owner: { reference: `Organization/${h.receiverOrganisationId}`, display: h.receiverName },
    restriction: { period: { end: h.deadlineAt } },
    ...(h.note ? { note: [{ text: h.note }] } : {}),
  };
}

function statusReasonOf(h: TaskSource): CodeableConcept | null {
  if (!h.statusReason) return null;
  const table: Record<string, string> = h.status === "declined" ? DECLINE_DISPLAY : CLOSE_DISPLAY;
  const system = h.status === "declined" ? TASK_SYSTEM.declineReason : TASK_SYSTEM.closeReason;
  const display = table[h.statusReason];
  return {
    coding: [{ system, code: h.statusReason, ...(display ? { display } : {}) }],
    text: display ?? h.statusReason,
  };
}

/** Only an open handover has a business status: awaiting confirmation, or overdue and how far escalated. */
function businessStatusOf(h: TaskSource): CodeableConcept | null {
  if (h.status !== "open") return null;
  if (!h.overdue)
    return {
      coding: [{ system: TASK_SYSTEM.businessStatus, code: "awaiting", display: "Afventer" }],
      text: "awaiting confirmation",
    };
  return {
    coding: [{ system: TASK_SYSTEM.businessStatus, code: "overdue", display: "Over fristen" }],
    text: h.escalationStep > 0 ? `overdue, escalation step ${h.escalationStep}` : "overdue",
  };
}

export const etagOf = (version: number) => `W/"${version}"`;

/** One thing wrong with an update, naming the element (FHIRPath) or header it concerns. */
export type TaskProblem = { field: string; reason: string };
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: TaskProblem[] };

export type TaskDecision =
  | { status: "accepted" }
  | { status: "rejected"; reason: DeclineReason; note?: string };
export type TaskUpdate = { decision: TaskDecision; versionId: number | null };

const FHIR_TASK_STATUSES = [
  "draft",
  "requested",
  "received",
  "accepted",
  "rejected",
  "ready",
  "cancelled",
  "in-progress",
  "on-hold",
  "failed",
  "completed",
  "entered-in-error",
];
const NOTE_MAX = TEXT_LIMITS.note;
const VERSION = /^[1-9][0-9]{0,8}$/;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Reads an update of Task `id`. Read: `status` (accepted | rejected),
 * `statusReason` (required when rejected: a coding from the decline-reason
 * system; its `text`, if it says more than the code's display, becomes the
 * decline's note) and `meta.versionId`. Must match: `resourceType` and `id`.
 * Everything else is Tovholder's own and ignored, so a client may send back
 * the Task it read with only the status changed.
 */
export function parseTaskUpdate(body: unknown, id: string): Parsed<TaskUpdate> {
  if (!isRecord(body))
    return { ok: false, problems: [{ field: "Task", reason: "must be a FHIR Task resource" }] };
  const problems: TaskProblem[] = [];
  if (body.resourceType !== "Task")
    problems.push({ field: "Task.resourceType", reason: 'must be "Task"' });
  if (body.id !== id)
    problems.push({
      field: "Task.id",
      reason:
        body.id === undefined ? "is required: the id in the URL" : "must be the id in the URL",
    });
  const versionId = versionIdOf(body.meta, problems);
  const decision = decisionOf(body, problems);
  return decision && problems.length === 0
    ? { ok: true, value: { decision, versionId } }
    : { ok: false, problems };
}

function versionIdOf(meta: unknown, problems: TaskProblem[]): number | null {
  if (meta === undefined) return null;
  if (!isRecord(meta)) {
    problems.push({ field: "Task.meta", reason: "must be an object" });
    return null;
  }
  const v = meta.versionId;
  if (v === undefined) return null;
  if (typeof v === "string" && VERSION.test(v)) return Number(v);
  problems.push({
    field: "Task.meta.versionId",
    reason: 'must be the version you read, a whole number as a string (e.g. "3")',
  });
  return null;
}

function decisionOf(body: Record<string, unknown>, problems: TaskProblem[]): TaskDecision | null {
  const status = body.status;
  if (status === "accepted") return { status };
  if (status === "rejected") return rejectionOf(body.statusReason, problems);
  const reason =
    typeof status !== "string"
      ? "is required: accepted (confirm) or rejected (decline)"
      : FHIR_TASK_STATUSES.includes(status)
        ? `cannot be set to ${status}: a receiver may only set accepted (confirm) or rejected (decline)`
        : `${status} is not a FHIR Task status; must be accepted (confirm) or rejected (decline)`;
  problems.push({ field: "Task.status", reason });
  return null;
}

function rejectionOf(value: unknown, problems: TaskProblem[]): TaskDecision | null {
  const wanted = `a coding with system ${TASK_SYSTEM.declineReason} and code ${DECLINE_REASONS.join(" | ")}`;
  if (!isRecord(value)) {
    problems.push({
      field: "Task.statusReason",
      reason: `is required when rejecting: ${wanted}`,
    });
    return null;
  }
  const codings = Array.isArray(value.coding) ? value.coding.filter(isRecord) : [];
  const reason = codings
    .filter((c) => c.system === undefined || c.system === TASK_SYSTEM.declineReason)
    .map((c) => c.code)
    .find((code): code is DeclineReason => DECLINE_REASONS.some((r) => r === code));
  if (!reason) {
    problems.push({ field: "Task.statusReason", reason: `must have ${wanted}` });
    return null;
  }
  const text = value.text;
  if (text !== undefined && typeof text !== "string") {
    problems.push({ field: "Task.statusReason.text", reason: "must be a string" });
    return null;
  }
  const note = text?.trim();
  if (note && note.length > NOTE_MAX) {
    problems.push({
      field: "Task.statusReason.text",
      reason: `must be at most ${NOTE_MAX} characters`,
    });
    return null;
  }
  const said = note && note !== DECLINE_DISPLAY[reason] ? note : undefined;
  // "other" says nothing by itself: the web's decline asks for words, and so does the Task.
  if (declineNoteMissing(reason, said)) {
    problems.push({
      field: "Task.statusReason.text",
      reason: "is required when the code is other: say why the Task is rejected",
    });
    return null;
  }
  return said ? { status: "rejected", reason, note: said } : { status: "rejected", reason };
}

/** The version in an `If-Match` header: `W/"3"` (or `"3"`); null when there is none. */
export function parseIfMatch(header: string | undefined): Parsed<number | null> {
  if (header === undefined || header.trim() === "") return { ok: true, value: null };
  const match = /^\s*(?:W\/)?"([^"]*)"\s*$/.exec(header);
  const v = match?.[1];
  if (v !== undefined && VERSION.test(v)) return { ok: true, value: Number(v) };
  return {
    ok: false,
    problems: [{ field: "If-Match", reason: 'must be the ETag you read, e.g. W/"3"' }],
  };
}

export type VersionChoice =
  | { kind: "given"; version: number; from: "If-Match" | "Task.meta.versionId" }
  | { kind: "missing" }
  | { kind: "disagree"; problem: TaskProblem };

/** The version the client read: `If-Match`, else `meta.versionId`; both given must agree. */
export function chooseVersion(ifMatch: number | null, versionId: number | null): VersionChoice {
  if (ifMatch !== null && versionId !== null && ifMatch !== versionId)
    return {
      kind: "disagree",
      problem: {
        field: "Task.meta.versionId",
        reason: `disagrees with If-Match (${versionId} and ${ifMatch}); send the version you read`,
      },
    };
  if (ifMatch !== null) return { kind: "given", version: ifMatch, from: "If-Match" };
  if (versionId !== null) return { kind: "given", version: versionId, from: "Task.meta.versionId" };
  return { kind: "missing" };
}
