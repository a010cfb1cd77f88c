import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import { admissionRows, changedMonths, factRules } from "./admission-facts.ts";
import { rebuildAllAdmissions } from "./admission-rebuild.ts";
import * as admissions from "./admission-store.ts";
import { dataMonths, type MonthBounds, rebuildAdmissionCells } from "./cell-store.ts";
import { rebuildLoopCells } from "./loop-store.ts";
import type { IndicatorParameters } from "./parameters.ts";
import {
  danishDate,
  danishMidnight,
  periodEnd,
  periodOf,
  periodStart,
  periodsBetween,
} from "./periods.ts";
import { rebuildPopulations } from "./population-store.ts";

/**
 * Keeps the indicators' facts and cells up to date. The triggers of migration
 * 0018 mark what changed (citizens, months); a run rebuilds those citizens'
 * admissions, then the months whose cells they touch. A full rebuild marks
 * everything and runs the same steps, so both paths give the same figures.
 */

export type Progress = (step: string, done: number, total: number) => void;

export type RunReport = { citizens: number; months: number; computedAt: Date };

const CITIZEN_BATCH = 2000;
/** Months counted in one transaction: few enough to show progress, many enough for one pass each. */
const MONTH_CHUNK = 12;
/**
 * A backlog this large (a load, a restore) is rebuilt in one statement: the
 * per-citizen rules take about a millisecond a citizen, the statement a
 * fraction of that.
 */
const BACKLOG_FOR_FULL_REBUILD = 20_000;

function chunks(months: string[]): string[][] {
  const sorted = [...months].sort();
  const out: string[][] = [];
  for (let i = 0; i < sorted.length; i += MONTH_CHUNK) out.push(sorted.slice(i, i + MONTH_CHUNK));
  return out;
}
/**
 * Each rebuilding statement is one large hash or sort over a year of stays,
 * handovers or residents. At PostgreSQL's default work_mem (4 MB) every one of
 * them spills to disk; the upkeep runs one such transaction at a time, so the
 * memory is asked for once, and only inside it.
 */
const REBUILD_WORK_MEM = "256MB";

function rebuilding<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('work_mem', ${REBUILD_WORK_MEM}, true)`.execute(tx);
    return work(tx);
  });
}

/** Loop figures change with time alone (a deadline passes); these recent days are redone on every run. */
const TIME_DEPENDENT_DAYS = 32;
const POPULATION_EVERY_MS = 10 * 60_000;

export function monthBounds(month: string): MonthBounds {
  const firstDay = periodStart("month", month);
  return {
    month,
    firstDay,
    start: danishMidnight(firstDay),
    end: danishMidnight(periodEnd("month", month)),
  };
}

export function previousMonth(month: string): string {
  const first = periodStart("month", month);
  return periodOf("month", danishDate(new Date(danishMidnight(first).getTime() - 3_600_000)));
}

/** A month's cells changed: cached tables that read it are stale. */
async function bumpVersion(tx: Database, month: string) {
  await sql`
    insert into indicator_month_state (month, version) values (${month}, 1)
    on conflict (month) do update set version = indicator_month_state.version + 1
  `.execute(tx);
}

export function createMaintenance(deps: {
  db: Database;
  clock: () => Date;
  parameters: IndicatorParameters;
}) {
  const { db, clock } = deps;
  const rules = factRules(deps.parameters);

  /** One batch of changed citizens: their admissions again, and the months that changes. */
  async function citizenBatch(): Promise<number> {
    return db.transaction().execute(async (tx) => {
      const ids = await admissions.claimDirtyCitizens(tx, CITIZEN_BATCH);
      if (ids.length === 0) return 0;
      const [facts, stays, residence, before] = await Promise.all([
        admissions.citizensFacts(tx, ids),
        admissions.staysOfCitizens(tx, ids),
        admissions.residenceOfCitizens(tx, ids),
        admissions.admissionsOfCitizens(tx, ids),
      ]);
      const now = clock();
      const after = facts.flatMap((c) =>
        admissionRows(
          c,
          stays.filter((s) => s.citizenId === c.id),
          residence.filter((r) => r.citizenId === c.id),
          rules,
          now,
        ),
      );
      const old = before.map((r) => ({ ...r, charge: Number(r.charge) }));
      const months = changedMonths(old, after);
      if (months.size > 0) {
        const changed = new Set([...old, ...after].map((r) => r.citizenId));
        await admissions.replaceAdmissions(
          tx,
          [...changed],
          after.filter((r) => changed.has(r.citizenId)),
        );
        await admissions.markMonthsDirty(tx, "admission", months);
      }
      return ids.length;
    });
  }

  /**
   * The month of the earliest stay: periods before it have no figures, rather
   * than zeros that would read as "no admissions" when Tovholder simply had no
   * data yet.
   */
  async function firstDataMonth(): Promise<string | null> {
    const range = await dataMonths(db);
    return range ? periodOf("month", danishDate(new Date(range.first))) : null;
  }

  async function allMonths(): Promise<string[]> {
    const range = await dataMonths(db);
    const last = danishDate(clock());
    if (!range) return [periodOf("month", last)];
    // From January of the first year of data: a quarter or a year counts its residents on its first day.
    const first = `${danishDate(new Date(range.first)).slice(0, 4)}-01-01`;
    return periodsBetween("month", first, last);
  }

  async function takeDirtyMonths(source: "admission" | "population" | "loop", everything = true) {
    let query = db.deleteFrom("indicatorDirtyMonth").where("source", "=", source);
    if (!everything) query = query.where("month", "<>", "*");
    const months = (await query.returning("month").execute()).map((r) => r.month);
    return months.includes("*") ? await allMonths() : months;
  }

  /**
   * Every month's residents are counted again at most every POPULATION_EVERY_MS:
   * a citizen first seen in a message counts as resident since always, so each
   * new one touches every month, and counting a nation's residents for every
   * month each minute would keep the database busy. Moves and deaths, which
   * touch only the months after them, are counted on every run.
   */
  async function populationDue(force: boolean): Promise<boolean> {
    if (force) return true;
    const state = await db
      .selectFrom("indicatorState")
      .select("populationCountedAt")
      .executeTakeFirst();
    const last = state?.populationCountedAt?.getTime() ?? 0;
    return clock().getTime() - last >= POPULATION_EVERY_MS;
  }

  function recentMonths(): string[] {
    const now = clock();
    const from = danishDate(new Date(now.getTime() - TIME_DEPENDENT_DAYS * 86_400_000));
    return periodsBetween("month", periodStart("month", periodOf("month", from)), danishDate(now));
  }

  async function rebuildMonths(force: boolean, progress?: Progress): Promise<number> {
    const admissionMonths = await takeDirtyMonths("admission");
    // A new admission may make an earlier discharge a readmitted one: that month's loop too.
    await admissions.markMonthsDirty(
      db,
      "loop",
      admissionMonths.flatMap((m) => [m, previousMonth(m)]),
    );
    const everyMonth = await populationDue(force);
    const populationMonths = await takeDirtyMonths("population", everyMonth);
    if (everyMonth)
      await db.updateTable("indicatorState").set({ populationCountedAt: clock() }).execute();
    const loopMonths = [...new Set([...(await takeDirtyMonths("loop")), ...recentMonths()])];
    const steps = [
      ...chunks(admissionMonths).map((m) => ["admission cells", m] as const),
      ...chunks(loopMonths).map((m) => ["loop cells", m] as const),
    ];
    const total = admissionMonths.length + loopMonths.length + populationMonths.length;
    if (populationMonths.length > 0)
      await rebuilding(db, async (tx) => {
        await rebuildPopulations(tx, populationMonths);
        for (const month of populationMonths) await bumpVersion(tx, month);
      });
    let done = populationMonths.length;
    if (done > 0) progress?.("populations", done, total);
    for (const [step, months] of steps) {
      const bounds = months.map(monthBounds);
      await rebuilding(db, async (tx) => {
        if (step === "admission cells") await rebuildAdmissionCells(tx, months);
        else await rebuildLoopCells(tx, bounds, clock());
        for (const month of months) await bumpVersion(tx, month);
      });
      done += months.length;
      progress?.(step, done, total);
    }
    return total;
  }

  async function run(progress?: Progress, force = false): Promise<RunReport> {
    const total = await admissions.dirtyCitizenCount(db);
    if (total > BACKLOG_FOR_FULL_REBUILD) return rebuildAll(progress);
    let citizens = 0;
    for (;;) {
      const n = await citizenBatch();
      if (n === 0) break;
      citizens += n;
      progress?.("citizens", citizens, Math.max(total, citizens));
    }
    const months = await rebuildMonths(force, progress);
    const computedAt = clock();
    const firstMonth = await firstDataMonth();
    await db
      .updateTable("indicatorState")
      .set((eb) => ({
        computedAt,
        firstMonth,
        parametersSha256: deps.parameters.sha256,
        generation: sql`${eb.ref("generation")} + 1`,
      }))
      .execute();
    return { citizens, months, computedAt };
  }

  /**
   * Everything again: every citizen's admissions in one statement (the
   * per-citizen rules would take a nation's stays through in batches), then
   * every month of data.
   */
  async function rebuildAll(progress?: Progress): Promise<RunReport> {
    progress?.("admissions", 0, 1);
    const citizens = await rebuilding(db, async (tx) => {
      const n = await rebuildAllAdmissions(tx, deps.parameters, clock());
      for (const source of ["admission", "population", "loop"] as const)
        await admissions.markMonthsDirty(tx, source, ["*"]);
      return n;
    });
    progress?.("admissions", 1, 1);
    const report = await run(progress, true);
    return { ...report, citizens: report.citizens + citizens };
  }

  /** True when the parameters (code lists, rates) changed since the figures were computed. */
  async function parametersChanged(): Promise<boolean> {
    const state = await db
      .selectFrom("indicatorState")
      .select("parametersSha256")
      .executeTakeFirst();
    return (state?.parametersSha256 ?? null) !== deps.parameters.sha256;
  }

  async function computedAt(): Promise<Date | null> {
    const r = await sql<{ computedAt: Date | null }>`
      select computed_at from indicator_state`.execute(db);
    return r.rows[0]?.computedAt ?? null;
  }

  return { run, rebuildAll, parametersChanged, computedAt };
}

export type Maintenance = ReturnType<typeof createMaintenance>;
