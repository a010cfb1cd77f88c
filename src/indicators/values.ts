import type { BodyKind } from "../platform/db/schema.ts";
import type { Entry } from "./cube.ts";
import { TOTAL } from "./cube.ts";
import type { Hidden } from "./cube-suppression.ts";
import type { IndicatorSpec } from "./definitions.ts";
import { bucketTotal, valueAtRank } from "./durations.ts";
import type { UnitLevel } from "./hierarchy.ts";
import { directlyStandardised } from "./standardise.ts";
import { rateInterval, wilsonInterval, Z95 } from "./statistics.ts";

/** The rows the API answers: a value, its 95 % interval and whether it is hidden, per unit. */

export type ValueRow = {
  unit: UnitLevel;
  code: string;
  name: string;
  bodyKind?: BodyKind;
  period: string;
  periodStart: string;
  ageBand: string | null;
  sector: string | null;
  group: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  suppressed: boolean;
  standardisedValue?: number | null;
  amount?: number | null;
};

/**
 * A row as answered: with whether its period's figures are final at the
 * engine's clock (see completeness.ts). Tables are cached across requests, so
 * this is added when a row is answered, never stored in the table.
 */
export type AnsweredRow = ValueRow & { complete: boolean };

export type Estimate = { value: number | null; low: number | null; high: number | null };

const NONE: Estimate = { value: null, low: null, high: null };

/** A quantile of the confirmation times, in hours, with a distribution-free 95 % interval from the order statistics. */
function durationEstimate(e: Entry, q: number): Estimate {
  const buckets = e.durations ?? {};
  const n = bucketTotal(buckets);
  if (n === 0) return NONE;
  const h = (n - 1) * q + 1;
  const lo = Math.floor(h);
  const a = valueAtRank(buckets, lo);
  const b = valueAtRank(buckets, Math.min(n, lo + 1));
  if (a === null || b === null) return NONE;
  const spread = Z95 * Math.sqrt(n * q * (1 - q));
  const lowRank = Math.floor(n * q - spread);
  const highRank = Math.ceil(n * q + spread) + 1;
  const low = lowRank >= 1 ? valueAtRank(buckets, lowRank) : null;
  const high = highRank <= n ? valueAtRank(buckets, highRank) : null;
  return {
    value: (a + (h - lo) * (b - a)) / 60,
    low: low === null ? null : low / 60,
    high: high === null ? null : high / 60,
  };
}

export function estimate(spec: IndicatorSpec, e: Entry): Estimate {
  const m = spec.measure;
  if (m.kind === "duration") return durationEstimate(e, m.quantile);
  const d = e.denominator;
  if (d === null || d === 0) return NONE;
  if (m.kind === "share") {
    const ci = wilsonInterval(e.numerator, d);
    return { value: e.numerator / d, low: ci?.low ?? null, high: ci?.high ?? null };
  }
  const ci = rateInterval(e.numerator, d, 1000);
  return { value: (e.numerator / d) * 1000, low: ci?.low ?? null, high: ci?.high ?? null };
}

/**
 * The standard: the country's index admissions per "band|sex" stratum, restricted to the
 * row's bands; a stratum of the unit that the standard lacks weighs nothing.
 */
export function standardFor(
  standard: Map<string, { events: number; persons: number }>,
  own: Map<string, unknown>,
  ageBand: string,
): Map<string, number> {
  const bands =
    ageBand === TOTAL ? null : ageBand === "65+" ? new Set(["65-79", "80+"]) : new Set([ageBand]);
  const weights = new Map<string, number>();
  for (const stratum of own.keys()) weights.set(stratum, 0);
  for (const [stratum, s] of standard)
    if (bands === null || bands.has(stratum.split("|")[0] ?? "")) weights.set(stratum, s.persons);
  return weights;
}

export type RowContext = {
  spec: IndicatorSpec;
  period: string;
  periodStart: string;
  sector: string | null;
  hidden: Hidden;
  /** The country's strata for the calendar year: the standard population of standardised indicators. */
  standard: Map<string, { events: number; persons: number }> | null;
};

export function rowOf(ctx: RowContext, id: string, e: Entry): ValueRow {
  const hidden = ctx.hidden.rows.has(id);
  const denominatorHidden = ctx.hidden.denominators.has(id);
  const est = hidden ? NONE : estimate(ctx.spec, e);
  const row: ValueRow = {
    unit: e.ref.unit,
    code: e.ref.code,
    name: e.ref.name,
    ...(e.ref.bodyKind ? { bodyKind: e.ref.bodyKind } : {}),
    period: ctx.period,
    periodStart: ctx.periodStart,
    ageBand: e.ageBand === TOTAL ? null : e.ageBand,
    sector: ctx.sector,
    group: e.group === TOTAL ? null : e.group,
    numerator: hidden ? null : e.numerator,
    denominator: denominatorHidden ? null : e.denominator,
    value: est.value,
    ciLow: est.low,
    ciHigh: est.high,
    suppressed: hidden,
  };
  if (ctx.spec.standardised)
    row.standardisedValue =
      hidden || !ctx.standard
        ? null
        : directlyStandardised(e.strata, standardFor(ctx.standard, e.strata, e.ageBand));
  if (ctx.spec.id === "medically-ready-days") row.amount = hidden ? null : (e.amount ?? 0);
  return row;
}
