import type { Actor } from "../access/model.ts";
import type { StayChange } from "../pathways/model.ts";

/**
 * Medical follow-up without a GP, as pure rules (issue 21, part 5). A
 * discharge asks the citizen's listed practice to take the medical
 * follow-up (a handover); a citizen without one — a child whose listing is
 * not known, someone who just moved — would get only the municipality's
 * handover, and nobody would be asked. Such a discharge opens an item
 * instead: "Ingen praktiserende læge — hvem følger op?", for the discharging
 * department and the coordinators of the body holding the citizen's
 * municipality on the discharge's date. Until it is resolved the
 * discharging department holds the medical follow-up.
 */

export type FollowUpStatus = "open" | "resolved" | "closed";

export const RESOLUTION_KINDS = ["outpatient-clinic", "practice", "not-needed"] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

/** How an item is resolved: who follows up (an organisation of the register), or why nobody. */
export type Resolution =
  | { kind: "outpatient-clinic"; organisationId: string }
  | { kind: "practice"; organisationId: string }
  | { kind: "not-needed"; reason: string };

/**
 * A reason must say something a colleague can check later ("rask, ingen
 * opfølgning aftalt i journalen"), as for emergency access.
 */
export const NOT_NEEDED_MIN_REASON = 10;

type Receiver = { listedPracticeId: string | null; deceasedAt: Date | string | null };

/** Whether a stay change opens an item: a new discharge of a living citizen without a listed GP. */
export function opensFollowUp(change: StayChange, citizen: Receiver | undefined): boolean {
  if (change.after !== "discharged" || change.before === "discharged") return false;
  if (!citizen || citizen.deceasedAt) return false;
  return citizen.listedPracticeId === null;
}

/** What the item is about, as far as resolving it needs. */
export type FollowUpItem = {
  status: FollowUpStatus;
  dischargingHospitalId: string;
  bodyId: string | null;
};

/** Why someone may not see or resolve an item, said by the web as `followUps.refused.<id>`. */
export const RESOLVE_REFUSALS = ["notStaff", "role", "notParty", "notOpen"] as const;
export type ResolveRefusal = (typeof RESOLVE_REFUSALS)[number];

const CARE: readonly string[] = ["clinician", "coordinator"];

/**
 * Whose items these are: the hospital's (any of its departments: a ward's
 * discharge coordinator often works for several) and the body's
 * secretariat's. Null when `actor` is neither; the list is empty for them.
 */
export function itemScopeOf(
  actor: Actor,
): { hospitalId: string } | { bodyId: string } | { refusal: ResolveRefusal } {
  if (actor.kind !== "staff") return { refusal: "notStaff" };
  if (!CARE.includes(actor.role)) return { refusal: "role" };
  const org = actor.organisation;
  if ((org.kind === "hospital" || org.kind === "hospital_department") && org.hospitalId)
    return { hospitalId: org.hospitalId };
  if (org.kind === "body_secretariat" && org.bodyId) return { bodyId: org.bodyId };
  return { refusal: "notParty" };
}

/** Null when `actor` may resolve `item` now; otherwise why not. */
export function resolveRefusal(actor: Actor, item: FollowUpItem): ResolveRefusal | null {
  const scope = itemScopeOf(actor);
  if ("refusal" in scope) return scope.refusal;
  const party =
    "hospitalId" in scope
      ? scope.hospitalId === item.dischargingHospitalId
      : item.bodyId !== null && scope.bodyId === item.bodyId;
  if (!party) return "notParty";
  if (item.status !== "open") return "notOpen";
  return null;
}

/** The organisation a resolution names, as the register has it. */
export type NamedOrganisation = { kind: string; hospitalId: string | null } | null;

export type ResolutionProblem = { field: string; reason: string; problem: string };

/**
 * What is wrong with a resolution, naming the field: an outpatient clinic
 * must be a department of the discharging hospital, a practice a general
 * practice of the register, and "not needed" needs a reason.
 */
export function resolutionProblem(
  resolution: Resolution,
  named: NamedOrganisation,
  item: Pick<FollowUpItem, "dischargingHospitalId">,
): ResolutionProblem | null {
  if (resolution.kind === "not-needed") {
    if (resolution.reason.trim().length >= NOT_NEEDED_MIN_REASON) return null;
    return {
      field: "reason",
      reason: `must say why, in at least ${NOT_NEEDED_MIN_REASON} characters`,
      problem: "reasonTooShort",
    };
  }
  const field = "organisationId";
  if (resolution.kind === "outpatient-clinic") {
    const own =
      named !== null &&
      (named.kind === "hospital_department" || named.kind === "hospital") &&
      named.hospitalId === item.dischargingHospitalId;
    return own
      ? null
      : {
          field,
          reason: "must be a department of the discharging hospital",
          problem: "notOwnClinic",
        };
  }
  return named?.kind === "general_practice"
    ? null
    : { field, reason: "must be a general practice of the register", problem: "notPractice" };
}

/** Who must act on an item, as the register has them when it is told. */
export type ItemParties = {
  /** The discharging department, or the hospital when the discharge named none. */
  ward: string | null;
  /** The secretariat of the body answering for the item that day, unless it has ended. */
  secretariat: string | null;
};

/**
 * Whom an item's opening, resolution or closing is told: the people who see
 * it in their lists (`itemScopeOf`), reached as the handovers reach them,
 * the discharging department (its hospital hears it too) and the answering
 * body's coordinators. Each once.
 */
export function followUpRecipients(parties: ItemParties): string[] {
  return [...new Set([parties.ward, parties.secretariat].filter((id): id is string => !!id))];
}
