import { DEFAULT_RULES, type HandoverRule, type Sector } from "../handovers/model.ts";
import { localToUtc } from "../handovers/service-time.ts";
import type { SuccessorShare } from "../structure/succession.ts";

/**
 * The pure rules of carrying work across a change of structure (issue 19,
 * point 2): which rule each new body starts with, and where the people of an
 * ended body's secretariat go. Both follow the documented mapping of the
 * change (`successionMapping` in src/structure/model.ts), weighted by
 * population:
 *
 * - a new body's rule for a sector is that of the predecessor holding most of
 *   its population (its own rule, or the default where it had none); where
 *   the predecessors' rules in effect differ, the new body's coordinators are
 *   to confirm it;
 * - the active memberships at an ended body's secretariat move to the
 *   secretariat of the new body that received most of its population.
 */

export const SECTORS: readonly Sector[] = ["municipality", "general-practice"];

/** The instant a change dated `date` takes effect: midnight in Denmark. */
export function changeInstant(date: string): Date {
  return new Date(localToUtc(date, "00:00"));
}

/** A rule's content as one text, keys sorted, so that equal rules compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/** Whether two rules say the same (the same deadline, hours and ladder). */
export function sameRule(a: HandoverRule, b: HandoverRule): boolean {
  return canonical(a) === canonical(b);
}

/** A body's own rule for a sector; null: it follows the default. */
export type OwnRule = { bodyId: string; sector: Sector; rule: HandoverRule | null };

export type RuleCarry = {
  toBodyId: string;
  sector: Sector;
  /** The predecessor holding most of the new body's population. */
  fromBodyId: string;
  /** Its rule, carried over; null: the default. */
  rule: HandoverRule | null;
  /** The predecessors' rules in effect differ. */
  needsConfirmation: boolean;
  /** Every predecessor, largest first, with whether its rule in effect equals the one carried. */
  predecessors: { bodyId: string; population: number; ownRule: boolean; same: boolean }[];
};

/**
 * For each new body and sector, the rule carried over. `predecessors` maps
 * each new body to the ended bodies its municipalities came from, largest
 * population first (ties already broken by id).
 */
export function planRuleCarryOver(
  predecessors: Map<string, SuccessorShare[]>,
  own: OwnRule[],
): RuleCarry[] {
  const ownOf = (bodyId: string, sector: Sector) =>
    own.find((r) => r.bodyId === bodyId && r.sector === sector)?.rule ?? null;
  return [...predecessors]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([toBodyId, shares]) => {
      const largest = shares[0];
      if (!largest) return [];
      return SECTORS.map((sector) => {
        const rule = ownOf(largest.bodyId, sector);
        const carried = rule ?? DEFAULT_RULES[sector];
        const listed = shares.map((s) => {
          const theirs = ownOf(s.bodyId, sector);
          return {
            bodyId: s.bodyId,
            population: s.population,
            ownRule: theirs !== null,
            same: sameRule(theirs ?? DEFAULT_RULES[sector], carried),
          };
        });
        return {
          toBodyId,
          sector,
          fromBodyId: largest.bodyId,
          rule,
          needsConfirmation: listed.some((p) => !p.same),
          predecessors: listed,
        };
      });
    });
}

export type Held = { membershipId: string; organisationId: string };

/**
 * Where each membership at an ended body's secretariat goes: to the
 * secretariat of the successor that received most of the ended body's
 * population. `secretariatOf` names each body's secretariat organisation;
 * a membership whose body has no successor with a secretariat stays (and is
 * reported as such).
 */
export function planMembershipMoves<M extends Held>(
  successors: Map<string, SuccessorShare[]>,
  endedBodyIds: Set<string>,
  secretariatOf: Map<string, string>,
  held: M[],
): {
  moves: (M & { fromBodyId: string; toBodyId: string; toOrganisationId: string })[];
  stay: M[];
} {
  const targetOf = new Map<string, { fromBodyId: string; toBodyId: string; to: string }>();
  for (const [fromBodyId, shares] of successors) {
    const from = secretariatOf.get(fromBodyId);
    const toBodyId = shares[0]?.bodyId;
    const to = toBodyId ? secretariatOf.get(toBodyId) : undefined;
    if (endedBodyIds.has(fromBodyId) && from && toBodyId && to)
      targetOf.set(from, { fromBodyId, toBodyId, to });
  }
  const moves: (M & { fromBodyId: string; toBodyId: string; toOrganisationId: string })[] = [];
  const stay: M[] = [];
  for (const m of held) {
    const target = targetOf.get(m.organisationId);
    if (target)
      moves.push({
        ...m,
        fromBodyId: target.fromBodyId,
        toBodyId: target.toBodyId,
        toOrganisationId: target.to,
      });
    else stay.push(m);
  }
  return { moves, stay };
}
