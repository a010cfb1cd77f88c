import type { Role } from "../access/model.ts";
import type { Sector } from "../handovers/model.ts";
import type { BodyName, MembershipLine, TransitionPlan } from "./plan.ts";
import type * as store from "./store.ts";

/**
 * What a change's carry-over did (or, in a dry run, would do), per new body:
 * the rules it starts with and where they came from, and the people whose
 * membership moved to its secretariat. The operator reads it from
 * `tovholder structure transition`; access is never granted silently.
 */
export type TransitionReport = {
  date: string;
  /** planned: a dry run, or a change whose date has not come; nothing was written. */
  state: "applied" | "already-applied" | "planned";
  appliedAt: string | null;
  bodies: BodyReport[];
  /** Memberships at an ended secretariat that had nowhere to go, and stay as they are. */
  stay: { username: string; role: Role; organisation: string }[];
};

export type RuleReport = {
  sector: Sector;
  from: BodyName;
  /** The predecessor's own rule, or the default it followed. */
  carried: "own" | "default";
  needsConfirmation: boolean;
  /** The body had its own rule for the sector already; it was kept, and nothing carried. */
  kept: boolean;
  predecessors: (BodyName & { population: number; ownRule: boolean; same: boolean })[];
};

export type BodyReport = BodyName & {
  rules: RuleReport[];
  memberships: Omit<MembershipLine, "membershipId">[];
};

/** The detail recorded in `body_carry_over` for a rule. */
export type RuleDetail = Omit<RuleReport, "from" | "predecessors"> & {
  predecessors: { bodyId: string; population: number; ownRule: boolean; same: boolean }[];
};

/** The detail recorded for a membership (the user's name is read from the user at report time). */
export type MembershipDetail = Omit<MembershipLine, "username"> & {
  newMembershipId: string | null;
};

function named(bodies: Map<string, BodyName>, id: string): BodyName {
  return bodies.get(id) ?? { id, kind: "", name: id };
}

function group(
  bodies: Map<string, BodyName>,
  rules: (RuleReport & { toBodyId: string })[],
  memberships: (BodyReport["memberships"][number] & { toBodyId: string })[],
): BodyReport[] {
  const ids = [...new Set([...rules, ...memberships].map((x) => x.toBodyId))];
  return ids
    .map((id) => ({
      ...named(bodies, id),
      rules: rules.filter((r) => r.toBodyId === id).map(({ toBodyId: _, ...r }) => r),
      memberships: memberships.filter((m) => m.toBodyId === id).map(({ toBodyId: _, ...m }) => m),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "da"));
}

function predecessorOf(bodies: Map<string, BodyName>, p: RuleDetail["predecessors"][number]) {
  return { ...named(bodies, p.bodyId), population: p.population, ownRule: p.ownRule, same: p.same };
}

/** The report of a plan, as it would be carried over or as it was just carried over. */
export function reportOfPlan(
  plan: TransitionPlan,
  state: TransitionReport["state"],
  appliedAt: Date | null,
): TransitionReport {
  return {
    date: plan.date,
    state,
    appliedAt: appliedAt?.toISOString() ?? null,
    bodies: group(
      plan.bodies,
      plan.rules.map((r) => ({
        toBodyId: r.toBodyId,
        sector: r.sector,
        from: named(plan.bodies, r.fromBodyId),
        carried: r.rule ? "own" : "default",
        needsConfirmation: r.needsConfirmation && !r.kept,
        kept: r.kept,
        predecessors: r.predecessors.map((p) => predecessorOf(plan.bodies, p)),
      })),
      plan.moves.map(({ membershipId: _, fromBodyId: __, ...m }) => m),
    ),
    stay: plan.stay,
  };
}

/** The report of a change carried over before, from what `body_carry_over` recorded. */
export function reportOfRecord(
  date: string,
  rows: Awaited<ReturnType<typeof store.carryOversOn>>,
  bodies: Map<string, BodyName>,
): TransitionReport {
  const rules = rows.flatMap((row) => {
    if (row.kind !== "rule") return [];
    const d = row.detail as unknown as RuleDetail;
    return [
      {
        ...d,
        toBodyId: row.toBodyId,
        from: named(bodies, row.fromBodyId),
        predecessors: d.predecessors.map((p) => predecessorOf(bodies, p)),
      },
    ];
  });
  const memberships = rows.flatMap((row) => {
    if (row.kind !== "membership") return [];
    const {
      newMembershipId: _,
      membershipId: __,
      ...d
    } = row.detail as unknown as MembershipDetail;
    return [{ ...d, username: row.username ?? d.userId, toBodyId: row.toBodyId }];
  });
  const first = rows[0]?.appliedAt;
  return {
    date,
    state: "already-applied",
    appliedAt: first ? new Date(first).toISOString() : null,
    bodies: group(bodies, rules, memberships),
    stay: [],
  };
}
