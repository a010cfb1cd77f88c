/**
 * An initiative's effect, shown honestly (issue 22, section 2): the target
 * indicator pooled over the participating municipalities and over comparable
 * ones that did not take part, before the start (the same number of months)
 * and after it, each with a 95% interval — Wilson for a share, exact Poisson
 * for a rate per 1000 — and a plain verdict. Rows the engine suppressed (small
 * cells) are skipped and counted, never added back by pooling. Pure; the
 * service reads the rows from the indicator engine.
 */
import { rateInterval, wilsonInterval } from "../indicators/statistics.ts";

/** Below this pooled denominator an estimate is too small to tell anything. */
export const MIN_POOLED_DENOMINATOR = 30;

export type EffectRow = {
  code: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
};

export type Pooled = {
  numerator: number;
  denominator: number;
  /** In the unit shown: percent for a share, per 1000 for a rate; null with no denominator. */
  value: number | null;
  low: number | null;
  high: number | null;
  /** Rows (unit × month) that went into the pool and rows skipped as suppressed. */
  rows: number;
  skipped: number;
};

export type Verdict = "too-few-to-tell" | "improved" | "worsened";

/** `notFinal`: months after the start left out because their figures are not yet final. */
export type Windows = { before: string[]; after: string[]; notFinal: string[] };

/** "YYYY-MM" plus n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y = 0, m = 1] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

function monthsFrom(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(first, i));
}

/** At most this many months on each side: the engine answers at most 120 periods at once. */
export const MAX_WINDOW_MONTHS = 60;

/**
 * The months after: from the start's month to the end's (or today's, while it
 * runs), at most five years, but no later than `lastComplete`, the target
 * indicator's last month whose figures are final: an unfinished month counts
 * too little (a readmission not yet happened) and would pull the pool down.
 * The months left out for that are `notFinal`. The months before: as many,
 * ending the month before the start. Before the start there is no "after" yet.
 */
export function windowsOf(
  start: string,
  end: string,
  today: string,
  lastComplete: string,
): Windows {
  const first = start.slice(0, 7);
  const running = (end < today ? end : today).slice(0, 7);
  const last = running < lastComplete ? running : lastComplete;
  const notFinal: string[] = [];
  for (let m = first; m <= running; m = addMonths(m, 1)) if (m > last) notFinal.push(m);
  if (last < first) return { before: [], after: [], notFinal };
  let count = 0;
  while (count < MAX_WINDOW_MONTHS && addMonths(first, count) <= last) count += 1;
  return {
    before: monthsFrom(addMonths(first, -count), count),
    after: monthsFrom(first, count),
    notFinal,
  };
}

/** Pool the rows of these units and months; suppressed rows are skipped and counted. */
export function pool(
  rows: readonly EffectRow[],
  codes: ReadonlySet<string>,
  months: readonly string[],
  kind: "share" | "per-1000",
): Pooled {
  const wanted = new Set(months);
  let numerator = 0;
  let denominator = 0;
  let used = 0;
  let skipped = 0;
  for (const r of rows) {
    if (!codes.has(r.code) || !wanted.has(r.period)) continue;
    if (r.suppressed || r.numerator === null || r.denominator === null) {
      skipped += 1;
      continue;
    }
    numerator += r.numerator;
    denominator += r.denominator;
    used += 1;
  }
  return {
    numerator,
    denominator,
    ...estimateOf(numerator, denominator, kind),
    rows: used,
    skipped,
  };
}

/** The pooled value and its 95% interval in the unit shown. */
export function estimateOf(
  k: number,
  n: number,
  kind: "share" | "per-1000",
): { value: number | null; low: number | null; high: number | null } {
  if (n === 0) return { value: null, low: null, high: null };
  if (kind === "share") {
    const ci = wilsonInterval(Math.min(k, n), n);
    return { value: (k / n) * 100, low: (ci?.low ?? 0) * 100, high: (ci?.high ?? 0) * 100 };
  }
  const ci = rateInterval(k, n, 1000);
  return { value: (k / n) * 1000, low: ci?.low ?? null, high: ci?.high ?? null };
}

function overlap(a: Pooled, b: Pooled): boolean {
  if (a.low === null || a.high === null || b.low === null || b.high === null) return true;
  return a.low <= b.high && b.low <= a.high;
}

/** +1 when `after` is clearly better than `before`, −1 clearly worse, 0 when the intervals overlap. */
function change(before: Pooled, after: Pooled, higherIsBetter: boolean): number {
  if (overlap(before, after) || before.value === null || after.value === null) return 0;
  const up = after.value > before.value ? 1 : -1;
  return higherIsBetter ? up : -up;
}

/**
 * The plain verdict. Too few to tell when any pooled denominator is small, or
 * when the participants' before and after intervals overlap, or when the
 * comparison units moved clearly the same way (then the change is not the
 * initiative's to claim). Otherwise improved or worsened relative to them.
 */
export function verdictOf(
  participants: { before: Pooled; after: Pooled },
  comparison: { before: Pooled; after: Pooled },
  higherIsBetter: boolean,
): Verdict {
  const all = [participants.before, participants.after, comparison.before, comparison.after];
  if (all.some((p) => p.denominator < MIN_POOLED_DENOMINATOR)) return "too-few-to-tell";
  const own = change(participants.before, participants.after, higherIsBetter);
  if (own === 0) return "too-few-to-tell";
  const theirs = change(comparison.before, comparison.after, higherIsBetter);
  if (theirs === own) return "too-few-to-tell";
  return own > 0 ? "improved" : "worsened";
}

export type Effect = {
  windows: Windows;
  participants: { codes: string[]; before: Pooled; after: Pooled };
  comparison: { codes: string[]; basis: "body" | "region"; before: Pooled; after: Pooled };
  verdict: Verdict;
};

/** The whole effect from the engine's rows of both windows. */
export function effectOf(input: {
  rows: readonly EffectRow[];
  windows: Windows;
  participants: string[];
  comparison: string[];
  basis: "body" | "region";
  kind: "share" | "per-1000";
  higherIsBetter: boolean;
}): Effect {
  const { rows, windows, kind } = input;
  const p = new Set(input.participants);
  const c = new Set(input.comparison);
  const participants = {
    codes: input.participants,
    before: pool(rows, p, windows.before, kind),
    after: pool(rows, p, windows.after, kind),
  };
  const comparison = {
    codes: input.comparison,
    basis: input.basis,
    before: pool(rows, c, windows.before, kind),
    after: pool(rows, c, windows.after, kind),
  };
  return {
    windows,
    participants,
    comparison,
    verdict: verdictOf(participants, comparison, input.higherIsBetter),
  };
}

/** Comparable units: the body's other municipalities, or the region's when the body has too few. */
export function comparisonOf(
  participants: readonly string[],
  body: readonly string[],
  region: readonly string[],
  minimum = 2,
): { codes: string[]; basis: "body" | "region" } {
  const taking = new Set(participants);
  const own = body.filter((c) => !taking.has(c));
  if (own.length >= minimum) return { codes: own, basis: "body" };
  return { codes: region.filter((c) => !taking.has(c)), basis: "region" };
}
