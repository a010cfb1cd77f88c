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
import {
  chunks,
  createUnfinished,
  type Progress,
  progressCounter,
  type Source,
  type Step,
  sideBySide,
} from "./rebuild-lanes.ts";

/**
 * Keeps the indicators' facts and cells up to date. The triggers of migration
 * 0018 mark what changed (citizens, months); a run rebuilds those citizens'
 * admissions, then the months whose cells they touch. A full rebuild marks
 * everything and runs the same steps, so both paths give the same figures.
 */

export type { Progress } from "./rebuild-lanes.ts";

export type RunReport = { citizens: number; months: number; computedAt: Date };

const CITIZEN_BATCH = 2000;
/** Months counted in one transaction: few enough to show progress, many enough for one pass each. */
const MONTH_CHUNK = 12;
/**
 * The loop reads each month's handovers and their history: half a year per
 * transaction lets two lanes share a nation's year, where a year in one
 * would leave the other lane idle once the admission cells are done.
 */
const LOOP_CHUNK = 6;
/** Connections the rebuilding steps use at once: PostgreSQL runs each on one core. */
const DEFAULT_LANES = 2;
/**
 * A backlog this large (a load, a restore) is rebuilt in one statement: the
 * per-citizen rules take about a millisecond a citizen, the statement a
 * fraction of that.
 */
const BACKLOG_FOR_FULL_REBUILD = 20_000;

/**
 * Each rebuilding statement is one large hash or sort over a year of stays,
 * handovers or residents. At PostgreSQL's default work_mem (4 MB) every one of
 * them spills to disk; the upkeep runs one such transaction per lane, so the
 * memory is asked for once per lane, and only inside it.
 */
const REBUILD_WORK_MEM = "256MB";
/**
 * Hashes may take four times work_mem (PostgreSQL's default is twice): the
 * loop's confirmation-time buckets group 1.9 million rows of a national year,
 * which at twice were sorted on disk instead (14.3 s against 11.3 s hashed).
 */
const REBUILD_HASH_MEM_MULTIPLIER = "4";

function rebuilding<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('work_mem', ${REBUILD_WORK_MEM}, true),
      set_config('hash_mem_multiplier', ${REBUILD_HASH_MEM_MULTIPLIER}, true)`.execute(tx);
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
  /** Steps run at once (`DEFAULT_LANES`); PGlite, one connection, takes them in turn whatever this says. */
  lanes?: number;
}) {
  const { db, clock } = deps;
  const rules = factRules(deps.parameters);
  const lanes = deps.lanes ?? DEFAULT_LANES;
  const unfinished = createUnfinished();

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

  /** `all`: every month, when the caller has it already (it reads every stay). */
  async function takeDirtyMonths(source: Source, everything = true, all?: string[]) {
    let query = db.deleteFrom("indicatorDirtyMonth").where("source", "=", source);
    if (!everything) query = query.where("month", "<>", "*");
    const months = (await query.returning("month").execute()).map((r) => r.month);
    return months.includes("*") ? (all ?? (await allMonths())) : months;
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

  /** Every month's residents, counted in one transaction; `everyMonth` notes when, so the next due time follows. */
  function populationStep(months: string[], everyMonth: boolean): Step {
    return {
      name: "populations",
      source: "population",
      months,
      run: (tx) =>
        rebuildPopulations(tx, months).then(async () => {
          if (everyMonth)
            await tx.updateTable("indicatorState").set({ populationCountedAt: clock() }).execute();
        }),
    };
  }

  /**
   * The months whose cells are stale, as steps that do not depend on each
   * other: residents, admission cells and loop cells read different tables
   * than they write. Marks are taken (deleted) before the steps run, so a
   * change committed meanwhile marks its month again for the next run.
   */
  async function staleMonthSteps(force: boolean): Promise<Step[]> {
    const admissionMonths = await takeDirtyMonths("admission");
    unfinished.add("admission", admissionMonths);
    const everyMonth = await populationDue(force);
    const populationMonths = await takeDirtyMonths("population", everyMonth);
    unfinished.add("population", populationMonths);
    const loopMonths = await takeDirtyMonths("loop");
    unfinished.add("loop", loopMonths);
    // A new admission may make an earlier discharge a readmitted one: that month's loop too.
    const loopAlso = admissionMonths.flatMap((m) => [m, previousMonth(m)]);
    unfinished.add("loop", loopAlso);
    const steps: Step[] = [
      ...chunks(admissionMonths, MONTH_CHUNK).map(
        (months): Step => ({
          name: "admission cells",
          source: "admission",
          months,
          run: (tx) => rebuildAdmissionCells(tx, months),
        }),
      ),
      ...chunks([...new Set([...loopMonths, ...loopAlso, ...recentMonths()])], LOOP_CHUNK).map(
        (months): Step => ({
          name: "loop cells",
          source: "loop",
          months,
          run: (tx) => rebuildLoopCells(tx, months.map(monthBounds), clock()),
        }),
      ),
    ];
    if (populationMonths.length > 0) steps.unshift(populationStep(populationMonths, everyMonth));
    return steps;
  }

  /** One step in its own transaction: its cells, and the version of each month it touched. */
  async function runStep(step: Step, counter: ReturnType<typeof progressCounter>) {
    counter.started(step);
    await rebuilding(db, async (tx) => {
      await step.run(tx);
      for (const month of [...step.months].sort()) await bumpVersion(tx, month);
    });
    unfinished.done(step.source, step.months);
    counter.finished(step);
  }

  async function rebuildMonths(force: boolean, progress?: Progress): Promise<number> {
    const steps = await staleMonthSteps(force);
    const counter = progressCounter(steps, progress);
    await sideBySide(
      steps.map((step) => () => runStep(step, counter)),
      lanes,
    );
    return steps.reduce((n, s) => n + s.months.length, 0);
  }

  /** What a failed run had taken and not done is marked again, or, while the database is away, held until it is back. */
  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    await unfinished.remark(db);
    try {
      return await work();
    } catch (err) {
      await unfinished.remark(db).catch(() => undefined);
      throw err;
    }
  }

  function run(progress?: Progress, force = false): Promise<RunReport> {
    return guarded(() => runChanged(progress, force));
  }

  async function runChanged(progress?: Progress, force = false): Promise<RunReport> {
    const total = await admissions.dirtyCitizenCount(db);
    if (total > BACKLOG_FOR_FULL_REBUILD) return everything(progress);
    let citizens = 0;
    for (;;) {
      const n = await citizenBatch();
      if (n === 0) break;
      citizens += n;
      progress?.("citizens", citizens, Math.max(total, citizens));
    }
    const months = await rebuildMonths(force, progress);
    return { citizens, months, computedAt: await finish() };
  }

  /** The figures' time and generation, once every step has committed. */
  async function finish(): Promise<Date> {
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
    return computedAt;
  }

  /**
   * Everything again: every citizen's admissions in one statement (the
   * per-citizen rules would take a nation's stays through in batches) beside
   * every month's residents, which do not read admissions; then every month's
   * cells.
   */
  function rebuildAll(progress?: Progress): Promise<RunReport> {
    return guarded(() => everything(progress));
  }

  async function everything(progress?: Progress): Promise<RunReport> {
    const all = await allMonths();
    await takeDirtyMonths("population", true, all);
    const population = populationStep(all, true);
    unfinished.add("population", population.months);
    let citizens = 0;
    const allAdmissions: Step = {
      name: "admissions",
      source: "admission",
      months: [],
      run: async (tx) => {
        citizens = await rebuildAllAdmissions(tx, deps.parameters, clock());
        for (const source of ["admission", "loop"] as const)
          await admissions.markMonthsDirty(tx, source, ["*"]);
      },
    };
    const counter = progressCounter([allAdmissions, population], progress);
    await sideBySide(
      [allAdmissions, population].map((step) => () => runStep(step, counter)),
      lanes,
    );
    const report = await runChanged(progress);
    return {
      ...report,
      citizens: report.citizens + citizens,
      months: report.months + population.months.length,
    };
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
