/**
 * The relations a handover gives, as pure rules (issue 21, part 2): the
 * people who must act on a handover see whom they act for.
 *
 * - A handover not yet resolved (open, or declined and waiting to be sent on)
 *   is itself a relation for the discharging hospital (the hospital and its
 *   departments, as the stay relation scopes it) and for the receiver (the
 *   receiving municipality and its units, or the receiving practice). It
 *   ends when the handover is confirmed or closed; from then on only the
 *   ordinary relations count.
 * - A call to a body's coordinators — a ladder step to the body's
 *   coordinator after the deadline, or a decline (told to the coordinators
 *   of the body responsible that day) — gives that body's secretariat a
 *   relation to the citizen's name and basic facts only (`basic` scope), for
 *   as long as the handover is unresolved and `BODY_COORDINATOR_RELATION_DAYS`
 *   after.
 */

export type HandoverCall = {
  /** The body whose coordinators were called in. */
  bodyId: string;
  cause: "overdue" | "declined";
  at: Date;
};

/** What the database knows about one of the citizen's handovers that can create a relation. */
export type HandoverFact = {
  status: "open" | "declined" | "confirmed" | "closed";
  sector: "municipality" | "general-practice";
  dischargingHospitalId: string;
  receiverMunicipalityCode: string | null;
  receiverPracticeId: string | null;
  /** When it was confirmed or closed; null while it is open or declined. */
  resolvedAt: Date | null;
  /** Each time a body's coordinators were called in, oldest first. */
  calls: HandoverCall[];
};

/**
 * How long a body's coordinators keep the citizen's name after the handover
 * they were called in on is confirmed or closed: two weeks covers the
 * body's next follow-up meeting (most clusters meet every week or every
 * other week) and a question back from the hospital or municipality about
 * the case, and it is shorter than the hospital's 30 days after discharge,
 * since the coordinator's part is routing, not care.
 */
export const BODY_COORDINATOR_RELATION_DAYS = 14;

export type HandoverRelation =
  | "handover-discharging-hospital"
  | "handover-receiver"
  | "body-coordinator-overdue"
  | "body-coordinator-declined-municipality"
  | "body-coordinator-declined-practice";

/** The part of an organisation the handover rules look at (see `OrganisationRef`). */
export type HandoverOrganisation = {
  kind: string;
  hospitalId: string | null;
  municipalityCode: string | null;
  generalPracticeId: string | null;
  bodyId: string | null;
};

const DAY = 24 * 3_600_000;

export function unresolved(h: HandoverFact): boolean {
  return h.status === "open" || h.status === "declined";
}

function isDischargingHospital(org: HandoverOrganisation, h: HandoverFact): boolean {
  return (
    (org.kind === "hospital" || org.kind === "hospital_department") &&
    org.hospitalId !== null &&
    org.hospitalId === h.dischargingHospitalId
  );
}

/** The receiver as the handover's decision checks it: the municipality (or a unit), or the practice. */
function isReceiver(org: HandoverOrganisation, h: HandoverFact): boolean {
  if (h.sector === "municipality")
    return (
      (org.kind === "municipality" || org.kind === "municipal_unit") &&
      org.municipalityCode !== null &&
      org.municipalityCode === h.receiverMunicipalityCode
    );
  return (
    org.kind === "general_practice" &&
    org.generalPracticeId !== null &&
    org.generalPracticeId === h.receiverPracticeId
  );
}

/** Whether a call still gives its body's coordinators the name at `now`. */
export function callHolds(h: HandoverFact, now: Date): boolean {
  if (h.resolvedAt === null) return unresolved(h);
  return now.getTime() < h.resolvedAt.getTime() + BODY_COORDINATOR_RELATION_DAYS * DAY;
}

function callRelation(h: HandoverFact, call: HandoverCall): HandoverRelation {
  if (call.cause === "overdue") return "body-coordinator-overdue";
  return h.sector === "municipality"
    ? "body-coordinator-declined-municipality"
    : "body-coordinator-declined-practice";
}

/** The body secretariat's relation through the latest call that still holds, if any. */
function coordinatorRelation(
  org: HandoverOrganisation,
  handovers: HandoverFact[],
  now: Date,
): HandoverRelation | null {
  if (org.kind !== "body_secretariat" || org.bodyId === null) return null;
  let latest: { h: HandoverFact; call: HandoverCall } | null = null;
  for (const h of handovers) {
    if (!callHolds(h, now)) continue;
    for (const call of h.calls) {
      if (call.bodyId !== org.bodyId) continue;
      if (!latest || call.at.getTime() > latest.call.at.getTime()) latest = { h, call };
    }
  }
  return latest ? callRelation(latest.h, latest.call) : null;
}

/** The relation the citizen's handovers give an organisation at `now`, if any. */
export function handoverRelation(
  org: HandoverOrganisation,
  handovers: HandoverFact[],
  now: Date,
): HandoverRelation | null {
  const live = handovers.filter(unresolved);
  if (live.some((h) => isDischargingHospital(org, h))) return "handover-discharging-hospital";
  if (live.some((h) => isReceiver(org, h))) return "handover-receiver";
  return coordinatorRelation(org, handovers, now);
}

/** Relations that open only the citizen's name and basic facts, not the course of care. */
export const BASIC_RELATIONS: readonly HandoverRelation[] = [
  "body-coordinator-overdue",
  "body-coordinator-declined-municipality",
  "body-coordinator-declined-practice",
];
