import type { Database } from "../platform/db/database.ts";
import { invalidFields, notFound } from "../platform/http/errors.ts";
import { isComplete } from "./completeness.ts";
import { buildCube, type Cube, entryId, TOTAL, unitId } from "./cube.ts";
import { type Hidden, hideSmallCells } from "./cube-suppression.ts";
import type { Attribution, IndicatorDefinition, IndicatorSpec } from "./definitions.ts";
import { loopSpecs } from "./definitions-loop.ts";
import { populationSpecs } from "./definitions-population.ts";
import { type Hierarchy, hierarchyOn, type UnitLevel } from "./hierarchy.ts";
import type { IndicatorParameters } from "./parameters.ts";
import {
  danishDate,
  monthsOf,
  type PeriodKind,
  periodEnd,
  periodOf,
  periodStart,
  periodsBetween,
} from "./periods.ts";
import { type AnsweredRow, rowOf, type ValueRow } from "./values.ts";
import * as store from "./values-store.ts";

/**
 * The indicators' use cases: the definition records, and values for any unit,
 * period and attribution, suppressed the same way for everyone. A period's
 * whole table (every unit, age band and group) is computed at once and kept
 * until the figures are next recomputed, so the map, the table, the funnel and
 * the dashboards read one suppressed table. A table is cached until one of its
 * months is rebuilt (each month has a version), so the past stays warm while
 * the current month follows new messages.
 */

export type Period = { label: string; start: string; months: string[] };

/** One set of figures: the run that made them, each month's version, the first month of data. */
export type FiguresView = {
  generation: string | null;
  versions: Map<string, string>;
  firstMonth: string | null;
  computedAt: Date | null;
};

const NO_FIGURES: FiguresView = {
  generation: null,
  versions: new Map(),
  firstMonth: null,
  computedAt: null,
};

export type ValuesQuery = {
  indicator: string;
  unit: UnitLevel;
  code?: string | undefined;
  period: PeriodKind;
  from?: string | undefined;
  to?: string | undefined;
  attribution: Attribution;
  ageBand?: string | undefined;
  sector?: string | undefined;
  group?: string | undefined;
};

export type PeriodTable = {
  period: Period;
  cube: Cube;
  hidden: Hidden;
  rows: Map<string, ValueRow>;
};

const UNITS_OF: Record<Attribution, UnitLevel[]> = {
  residence: ["municipality", "body", "region", "country"],
  practice: ["practice", "municipality", "body", "region", "country"],
  hospital: ["hospital", "body", "region", "country"],
};
/** Two sets of the dashboards' tables (published and being built) and the pages' own. */
const CACHE_LIMIT = 600;

export function periodOfLabel(kind: PeriodKind, label: string): Period {
  return { label, start: periodStart(kind, label), months: monthsOf(kind, label) };
}

/** The first Danish date after the period (its last month's end). */
export function endOf(period: Period): string {
  return periodEnd("month", period.months[period.months.length - 1] ?? period.start.slice(0, 7));
}

/** The period's rows as answered at `now`: each says whether its figures are final. */
export function answered(
  spec: IndicatorDefinition,
  period: Period,
  now: Date,
): (row: ValueRow) => AnsweredRow {
  const complete = isComplete(endOf(period), spec.settlesAfterDays, now);
  return (row) => ({ ...row, complete });
}

export function createIndicatorService(deps: {
  db: Database;
  clock: () => Date;
  parameters: IndicatorParameters;
  publishOnWarm?: boolean;
}) {
  const { db, clock } = deps;
  const specs = [...populationSpecs(deps.parameters), ...loopSpecs()];
  const byId = new Map(specs.map((s) => [s.id, s]));
  const tables = new Map<string, Promise<PeriodTable>>();
  const hierarchies = new Map<string, Promise<Hierarchy>>();
  /** The figures requests are answered from; see `prepare` and `publish`. */
  let published: FiguresView | null = null;

  function definitions(): IndicatorDefinition[] {
    return specs.map(({ cells: _cells, measure: _measure, ...d }) => d);
  }

  function specOf(id: string): IndicatorSpec {
    const spec = byId.get(id);
    if (!spec) throw notFound("indicator", `No indicator "${id}"`);
    return spec;
  }

  /** The figures as the last maintenance run left them. */
  async function prepare(): Promise<FiguresView> {
    const state = await store.indicatorState(db);
    const generation = state?.generation ?? null;
    if (published && generation === published.generation) return published;
    // New figures: the structure may have changed with them.
    hierarchies.clear();
    return {
      generation,
      versions: await store.monthVersions(db),
      firstMonth: state?.firstMonth ?? null,
      computedAt: state?.computedAt ?? null,
    };
  }

  /** From now on, requests are answered from these figures. */
  function publish(view: FiguresView) {
    published = view;
  }

  /**
   * The figures a request is answered from. Following the latest, each
   * request reads the state and the first after a run computes what changed.
   * With `publishOnWarm` (a server whose upkeep warms the tables after each
   * run) a request keeps the figures the upkeep last published, so nobody
   * waits for tables the upkeep is still building.
   */
  async function current(): Promise<FiguresView> {
    if (deps.publishOnWarm && published) return published;
    const view = await prepare();
    publish(view);
    return view;
  }

  async function computedAt(): Promise<Date | null> {
    return (await current()).computedAt;
  }

  function hierarchy(date: string, attribution: Attribution) {
    const key = `${date}|${attribution}`;
    let h = hierarchies.get(key);
    if (!h) {
      h = hierarchyOn(db, date, attribution);
      hierarchies.set(key, h);
      h.catch(() => hierarchies.delete(key));
    }
    return h;
  }

  async function buildTable(
    spec: IndicatorSpec,
    period: Period,
    attribution: Attribution,
    sector: string | null,
    firstMonth: string | null,
  ): Promise<PeriodTable> {
    const covered = firstMonth === null || (period.months[0] ?? "") >= firstMonth;
    const withPopulation =
      covered && spec.measure.kind === "population-rate" && attribution !== "hospital";
    const [h, cells, population, standard] = await Promise.all([
      hierarchy(period.start, attribution),
      covered
        ? store.cellsOf(db, { cells: spec.cells, attribution, months: period.months, sector })
        : Promise.resolve([]),
      withPopulation
        ? store.populationOf(db, attribution as "residence", period.months[0] ?? "")
        : Promise.resolve(null),
      spec.standardised
        ? store.readmissionStandard(db, period.start.slice(0, 4))
        : Promise.resolve(null),
    ]);
    const cube = buildCube(spec, h, cells, population);
    const hidden = hideSmallCells(spec, cube);
    const ctx = {
      spec,
      period: period.label,
      periodStart: period.start,
      sector,
      hidden,
      standard,
    };
    const rows = new Map<string, ValueRow>();
    for (const [id, e] of cube.entries) rows.set(id, rowOf(ctx, id, e));
    return { period, cube, hidden, rows };
  }

  /** A period's whole table, computed once per set of figures (by default, the published ones). */
  function table(
    spec: IndicatorSpec,
    period: Period,
    attribution: Attribution,
    sector: string | null,
    view: FiguresView = published ?? NO_FIGURES,
  ): Promise<PeriodTable> {
    // A table stays valid while its months (and, for a standardised one, its year) are unchanged.
    const months = spec.standardised
      ? [...period.months, ...monthsOf("year", period.start.slice(0, 4))]
      : period.months;
    const stamp = months.map((m) => view.versions.get(m) ?? "0").join(".");
    // The versions are part of the key: while the upkeep builds a table's next version, requests
    // still read the published one, and neither may push the other out.
    const key = [spec.id, period.label, attribution, sector, view.firstMonth, stamp].join("|");
    const cached = tables.get(key);
    if (cached) {
      // Most recently used last, so the oldest (and superseded versions) go first when the cache is full.
      tables.delete(key);
      tables.set(key, cached);
      return cached;
    }
    if (tables.size >= CACHE_LIMIT) tables.delete(tables.keys().next().value as string);
    const t = buildTable(spec, period, attribution, sector, view.firstMonth);
    tables.set(key, t);
    t.catch(() => tables.delete(key));
    return t;
  }

  function checkQuery(spec: IndicatorSpec, q: ValuesQuery) {
    const errors = [];
    if (!spec.attributions.includes(q.attribution))
      errors.push({
        field: "attribution",
        reason: `must be one of ${spec.attributions.join(", ")}`,
      });
    if (!UNITS_OF[q.attribution].includes(q.unit))
      errors.push({
        field: "unit",
        reason: `with attribution ${q.attribution}, must be one of ${UNITS_OF[q.attribution].join(", ")}`,
      });
    if (q.ageBand && q.ageBand !== "*" && !spec.ageBands.includes(q.ageBand))
      errors.push({
        field: "ageBand",
        reason:
          spec.ageBands.length > 0
            ? `must be one of ${[...spec.ageBands, "*"].join(", ")}`
            : "this indicator has no age bands",
      });
    if (q.sector && !spec.sectors.includes(q.sector))
      errors.push({
        field: "sector",
        reason:
          spec.sectors.length > 0
            ? `must be one of ${spec.sectors.join(", ")}`
            : "this indicator has no sectors",
      });
    const groups = spec.groups.map((g) => g.key);
    if (q.group && q.group !== "*" && !groups.includes(q.group))
      errors.push({
        field: "group",
        reason:
          groups.length > 0
            ? `must be one of ${[...groups, "*"].join(", ")}`
            : "this indicator has no groups",
      });
    if (q.from && q.to && q.from > q.to)
      errors.push({ field: "to", reason: "must not be before from" });
    if (errors.length > 0)
      throw invalidFields(
        "The query does not fit the indicator",
        errors.map((e) => ({ in: "query", ...e })),
      );
  }

  function periodsOf(q: ValuesQuery): Period[] {
    const today = danishDate(clock());
    const to = q.to ?? today;
    const from = q.from ?? defaultFrom(q.period, to);
    const labels = periodsBetween(q.period, from, to);
    if (labels.length > 120)
      throw invalidFields("Too many periods", [
        { in: "query", field: "from", reason: "at most 120 periods in one request" },
      ]);
    return labels.map((l) => periodOfLabel(q.period, l));
  }

  function wanted(spec: IndicatorSpec, q: ValuesQuery) {
    const bands = q.ageBand === "*" ? [TOTAL, ...spec.ageBands] : [q.ageBand ?? TOTAL];
    const groups = q.group === "*" ? [TOTAL, ...spec.groups.map((g) => g.key)] : [q.group ?? TOTAL];
    return { bands, groups };
  }

  async function values(q: ValuesQuery) {
    const spec = specOf(q.indicator);
    checkQuery(spec, q);
    const at = await computedAt();
    const sector = q.sector ?? spec.sectors[0] ?? null;
    const { bands, groups } = wanted(spec, q);
    const now = clock();
    const rows: AnsweredRow[] = [];
    for (const period of periodsOf(q)) {
      const t = await table(spec, period, q.attribution, sector);
      const answer = answered(spec, period, now);
      const units = unitsOf(t, q.unit, q.code);
      for (const unit of units)
        for (const band of bands)
          for (const group of groups) {
            const row = t.rows.get(entryId(unit, band, group));
            if (row) rows.push(answer(row));
          }
    }
    return {
      indicator: spec.id,
      computedAt: at,
      unit: q.unit,
      period: q.period,
      attribution: q.attribution,
      rows,
    };
  }

  return {
    definitions,
    specOf,
    computedAt,
    values,
    table,
    periodsOf,
    checkQuery,
    prepare,
    publish,
  };
}

/** The unit ids of one level in a table, sorted by name (a code narrows to one). */
export function unitsOf(t: PeriodTable, level: UnitLevel, code?: string): string[] {
  const refs = new Map<string, string>();
  for (const e of t.cube.entries.values())
    if (e.ref.unit === level && (code === undefined || e.ref.code === code))
      refs.set(unitId(e.ref), e.ref.name);
  return [...refs.entries()].sort((a, b) => a[1].localeCompare(b[1], "da")).map(([id]) => id);
}

/** Twelve periods back from `to` by default: enough for a trend. */
export function defaultFrom(kind: PeriodKind, to: string): string {
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7));
  if (kind === "year") return `${year - 11}-01-01`;
  if (kind === "quarter") {
    const q = Math.floor((month - 1) / 3);
    const back = q - 11;
    const y = year + Math.floor(back / 4);
    const m = (((back % 4) + 4) % 4) * 3 + 1;
    return `${y}-${String(m).padStart(2, "0")}-01`;
  }
  const back = month - 1 - 11;
  const y = year + Math.floor(back / 12);
  const m = (((back % 12) + 12) % 12) + 1;
  return periodStart("month", periodOf("month", `${y}-${String(m).padStart(2, "0")}-01`));
}

export type IndicatorService = ReturnType<typeof createIndicatorService>;
