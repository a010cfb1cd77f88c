import type { Administrator } from "../access/administrator.ts";
import { carryOverMemberships } from "../access/carry-over.ts";
import { carryRules } from "../handovers/rules-service.ts";
import { notifyRulesToConfirm } from "../notifications/sink.ts";
import type { Database } from "../platform/db/database.ts";
import {
  createStructureService,
  danishToday,
  type StructureService,
} from "../structure/service.ts";
import { changeInstant } from "./model.ts";
import { keyOf, planOf, rulesToConfirm, type TransitionPlan } from "./plan.ts";
import {
  type MembershipDetail,
  type RuleDetail,
  reportOfPlan,
  reportOfRecord,
  type TransitionReport,
} from "./report.ts";
import * as store from "./store.ts";

export type { TransitionReport } from "./report.ts";

/** Who the server's own carry-over is audited as: the operator's standing, by name. */
export const SERVER_TRANSITION: Administrator = {
  kind: "operator",
  name: "tovholder (structure transition)",
};

/**
 * Carrying work across a change of structure (issue 19, point 2): on the
 * day a change takes effect, each new body starts with the handover rules of
 * the predecessor holding most of its population (to be confirmed by its
 * coordinators where the predecessors' rules differed, and they are told),
 * and the people of each ended body's secretariat move to the secretariat of
 * the body that received most of its population, every move audited.
 *
 * A change dated D is carried over once, when the clock reaches D in
 * Denmark, by whichever process gets there first: at server start and by the
 * server's periodic step (`applyDue`), or by the operator's CLI (`apply`).
 * What it did is recorded in `body_carry_over`; doing it again changes
 * nothing and answers the record.
 */
export function createTransition(deps: {
  db: Database;
  structure?: StructureService;
  clock?: () => Date;
  by?: Administrator;
}) {
  const { db } = deps;
  const structure = deps.structure ?? createStructureService(db);
  const clock = deps.clock ?? (() => new Date());
  const by = deps.by ?? SERVER_TRANSITION;

  async function recorded(tx: Database, date: string): Promise<TransitionReport> {
    const [rows, change] = await Promise.all([
      store.carryOversOn(tx, date),
      structure.changeOn(tx, date),
    ]);
    const bodies = new Map(
      [...change.bodies.values()].map((b) => [b.id, { id: b.id, kind: b.kind, name: b.name }]),
    );
    return reportOfRecord(date, rows, bodies);
  }

  /** Writes a plan: the rules, the notices to confirm them, the memberships, and the record. */
  async function write(tx: Database, plan: TransitionPlan, now: Date) {
    const written = await carryRules(
      tx,
      plan.rules
        .filter((r) => !r.kept)
        .map((r) => ({
          bodyId: r.toBodyId,
          sector: r.sector,
          rule: r.rule,
          carriedOverFrom: r.fromBodyId,
          needsConfirmation: r.needsConfirmation,
        })),
    );
    const writtenKeys = new Set(
      written.map((w) => keyOf({ toBodyId: w.bodyId, sector: w.sector })),
    );
    const secretariats = await structure.secretariatsOf(tx, [...plan.bodies.keys()]);
    for (const bodyId of new Set(plan.rules.map((r) => r.toBodyId))) {
      const rules = rulesToConfirm(plan, bodyId, writtenKeys);
      const secretariat = secretariats.get(bodyId);
      const body = plan.bodies.get(bodyId);
      if (rules.length > 0 && secretariat && body)
        await notifyRulesToConfirm(tx, { organisationId: secretariat.id, body, rules, at: now });
    }
    const moves = plan.moves.map((m) => ({ ...m, organisationId: m.fromOrganisationId }));
    const moved = await carryOverMemberships(tx, moves, {
      by,
      effective: changeInstant(plan.date),
      now,
      reason: `carried over on the change of structure of ${plan.date}`,
    });
    const movedIds = new Map(moved.map((m) => [m.membershipId, m.newMembershipId]));
    await store.recordCarryOvers(tx, plan.date, recordOf(plan, writtenKeys, movedIds), now);
  }

  /**
   * Carries the change dated `date` over now, in one transaction, once: a
   * change already carried over answers what was done then. A change whose
   * date has not come in Denmark is refused (see it with `report`).
   */
  async function apply(date: string): Promise<TransitionReport> {
    const now = clock();
    // Callers ask only for a change whose day has come (the CLI says so to the operator).
    if (!hasCome(date, now))
      throw new Error(`the change of ${date} cannot be carried over before its day`);
    return db.transaction().execute(async (tx) => {
      await store.lockTransitions(tx);
      if (await store.appliedAt(tx, date)) return recorded(tx, date);
      const plan = await planOf(tx, structure, date);
      await write(tx, plan, now);
      return reportOfPlan(plan, "applied", now);
    });
  }

  return {
    apply,

    /**
     * What the change dated `date` carried over, as recorded; or, before it
     * is carried over, what it would carry over now (nothing is written).
     */
    async report(date: string): Promise<TransitionReport> {
      if (await store.appliedAt(db, date)) return recorded(db, date);
      return reportOfPlan(await planOf(db, structure, date), "planned", null);
    },

    /** Whether the change dated `date` has taken effect: it is that day in Denmark, or later. */
    hasCome: (date: string) => hasCome(date, clock()),

    /** The change dates on or before `date` (default: today in Denmark), oldest first. */
    changeDates: (date?: string) => structure.changeDatesUpTo(db, date ?? danishToday(clock())),

    /**
     * Carries over every change whose date has come and is not yet carried
     * over (the server's start and its periodic step); returns what it did.
     */
    async applyDue(): Promise<TransitionReport[]> {
      const reports: TransitionReport[] = [];
      for (const date of await structure.changeDatesUpTo(db, danishToday(clock()))) {
        if (await store.appliedAt(db, date)) continue;
        const report = await apply(date);
        if (report.state === "applied") reports.push(report);
      }
      return reports;
    },
  };
}

export type Transition = ReturnType<typeof createTransition>;

/**
 * The rows `body_carry_over` keeps of a written plan: each rule (kept: the new
 * body had its own already) and each membership moved (with the new one's id;
 * none where the role was held there already).
 */
function recordOf(
  plan: TransitionPlan,
  writtenKeys: Set<string>,
  movedIds: Map<string, string | null>,
): store.CarryOverRow[] {
  const rules = plan.rules.map((r) => {
    const detail: RuleDetail = {
      sector: r.sector,
      carried: r.rule ? "own" : "default",
      needsConfirmation: r.needsConfirmation && !r.kept,
      kept: r.kept || !writtenKeys.has(keyOf(r)),
      predecessors: r.predecessors,
    };
    return { kind: "rule" as const, fromBodyId: r.fromBodyId, toBodyId: r.toBodyId, detail };
  });
  const memberships = plan.moves
    .filter((m) => movedIds.has(m.membershipId))
    .map(({ username: _, fromBodyId, toBodyId, ...m }) => {
      const newMembershipId = movedIds.get(m.membershipId) ?? null;
      const detail: MembershipDetail = { ...m, newMembershipId, alreadyHeld: !newMembershipId };
      return { kind: "membership" as const, fromBodyId, toBodyId, detail };
    });
  return [...rules, ...memberships];
}

function hasCome(date: string, now: Date): boolean {
  return changeInstant(date) <= now;
}

/** A report in numbers only, for the server's log (no names). */
export function countsOf(report: TransitionReport) {
  return {
    date: report.date,
    bodies: report.bodies.length,
    rules: report.bodies.reduce((n, b) => n + b.rules.filter((r) => !r.kept).length, 0),
    rulesToConfirm: report.bodies.reduce(
      (n, b) => n + b.rules.filter((r) => r.needsConfirmation).length,
      0,
    ),
    memberships: report.bodies.reduce((n, b) => n + b.memberships.length, 0),
  };
}
