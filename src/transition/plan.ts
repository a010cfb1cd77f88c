import { membershipsAt } from "../access/carry-over.ts";
import type { Role } from "../access/model.ts";
import type { Sector } from "../handovers/model.ts";
import { ownRules } from "../handovers/rules-service.ts";
import type { Database } from "../platform/db/database.ts";
import type { StructureService } from "../structure/service.ts";
import { planMembershipMoves, planRuleCarryOver, type RuleCarry } from "./model.ts";

/**
 * What carrying the change dated `date` over does, read from the database
 * and decided by the rules in model.ts; nothing is written here. The service
 * writes a plan, and shows it as it is for a dry run.
 */

export type BodyName = { id: string; kind: string; name: string };

export type MembershipLine = {
  membershipId: string;
  userId: string;
  username: string;
  role: Role;
  fromOrganisationId: string;
  fromOrganisation: string;
  toOrganisationId: string;
  toOrganisation: string;
  /** The user already held the role at the new secretariat: nothing new is granted. */
  alreadyHeld: boolean;
};

/** A rule carried over; `kept`: the new body had set its own for the sector already, which stays. */
export type RuleLine = RuleCarry & { kept: boolean };

export type TransitionPlan = {
  date: string;
  bodies: Map<string, BodyName>;
  rules: RuleLine[];
  moves: (MembershipLine & { fromBodyId: string; toBodyId: string })[];
  /** Memberships at an ended body's secretariat that have nowhere to go (no successor with one). */
  stay: { username: string; role: Role; organisation: string }[];
};

export async function planOf(
  tx: Database,
  structure: StructureService,
  date: string,
): Promise<TransitionPlan> {
  const change = await structure.changeOn(tx, date);
  const body = (id: string): BodyName => {
    const b = change.bodies.get(id);
    return { id, kind: b?.kind ?? "", name: b?.name ?? id };
  };
  // Rules go to the bodies that begin on the date; people leave the bodies that end on it.
  const opening = new Map(
    [...change.predecessors].filter(([id]) => change.bodies.get(id)?.validFrom === date),
  );
  const ended = new Set(
    [...change.successors.keys()].filter((id) => {
      const validTo = change.bodies.get(id)?.validTo;
      return validTo !== null && validTo !== undefined && validTo <= date;
    }),
  );
  const predecessorIds = [...opening.values()].flatMap((shares) => shares.map((s) => s.bodyId));
  const own = await ownRules(tx, [...predecessorIds, ...opening.keys()]);
  const rules = planRuleCarryOver(opening, own).map((r) => ({
    ...r,
    kept: own.some((o) => o.bodyId === r.toBodyId && o.sector === r.sector),
  }));

  const secretariats = await structure.secretariatsOf(tx, [...change.bodies.keys()]);
  const secretariatIds = new Map([...secretariats].map(([bodyId, s]) => [bodyId, s.id]));
  const nameOf = new Map([...secretariats.values()].map((s) => [s.id, s.name]));
  const held = await membershipsAt(
    tx,
    [...ended].flatMap((id) => secretariatIds.get(id) ?? []),
  );
  const { moves, stay } = planMembershipMoves(change.successors, ended, secretariatIds, held);
  const atTargets = await membershipsAt(tx, [...new Set(moves.map((m) => m.toOrganisationId))]);
  const holds = (userId: string, organisationId: string, role: Role) =>
    atTargets.some(
      (t) => t.userId === userId && t.organisationId === organisationId && t.role === role,
    );
  return {
    date,
    bodies: new Map([...change.bodies.keys()].map((id) => [id, body(id)])),
    rules,
    moves: moves.map((m) => ({
      membershipId: m.membershipId,
      userId: m.userId,
      username: m.username,
      role: m.role,
      fromOrganisationId: m.organisationId,
      fromOrganisation: nameOf.get(m.organisationId) ?? m.organisationId,
      toOrganisationId: m.toOrganisationId,
      toOrganisation: nameOf.get(m.toOrganisationId) ?? m.toOrganisationId,
      alreadyHeld: holds(m.userId, m.toOrganisationId, m.role),
      fromBodyId: m.fromBodyId,
      toBodyId: m.toBodyId,
    })),
    stay: stay.map((m) => ({
      username: m.username,
      role: m.role,
      organisation: nameOf.get(m.organisationId) ?? m.organisationId,
    })),
  };
}

/** The rules of one new body that await its coordinators' confirmation, for the notice to them. */
export function rulesToConfirm(plan: TransitionPlan, bodyId: string, written: Set<string>) {
  return plan.rules
    .filter((r) => r.toBodyId === bodyId && r.needsConfirmation && written.has(keyOf(r)))
    .map((r) => ({
      sector: r.sector,
      carriedOverFrom: {
        id: r.fromBodyId,
        name: plan.bodies.get(r.fromBodyId)?.name ?? r.fromBodyId,
      },
    }));
}

export const keyOf = (r: { toBodyId: string; sector: Sector }) => `${r.toBodyId}|${r.sector}`;
