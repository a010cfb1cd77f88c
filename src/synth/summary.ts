import type { SynthMunicipality } from "./geography.ts";
import type { InitiativeEffectTruth } from "./initiative-effect.ts";
import { PARAMETERS } from "./parameters.ts";
import type { Stats } from "./stats.ts";

/**
 * The generator's summary: what was made, and a check of the main rates
 * against the calibration targets (../shared/reference/indicators.md). Rates
 * are scaled to a national year, so a body or a scaled-down run is checked
 * against the same targets as a national one: the age structure is national
 * everywhere.
 */

/** Danmarks Statistik, 1 January 2025 (indicators.md). */
export const NATIONAL_POPULATION = 5_992_734;

export type Check = {
  name: string;
  actual: number;
  expected: number;
  tolerance: number;
  ok: boolean;
  unit: string;
};

export type Summary = {
  seed: number;
  scope: string;
  start: string;
  end: string;
  years: number;
  scale: number;
  municipalities: number;
  populationFallbacks: { code: string; name: string; population: number; rule: string }[];
  stats: Stats;
  checks: Check[];
  /** The initiatives whose effect the data carries; absent without one. */
  initiativeEffects?: InitiativeEffectTruth[];
};

function check(
  name: string,
  actual: number,
  expected: number,
  tolerance: number,
  unit = "",
): Check {
  return { name, actual, expected, tolerance, ok: Math.abs(actual - expected) <= tolerance, unit };
}

/** The rate checks; with too few citizens to say anything, none. */
export function rateChecks(s: Stats, years: number): Check[] {
  if (s.citizens < 2_000) return [];
  const perNationalYear = (n: number) => (n / s.citizens / years) * NATIONAL_POPULATION;
  const old = s.byBand.old + s.byBand.oldest;
  const listed = s.listing.own + s.listing.neighbour;
  const checks = [
    check("share of citizens 65+", old / s.citizens, 0.212, 0.02),
    check(
      "share listed in another municipality",
      s.listing.neighbour / Math.max(1, listed),
      PARAMETERS.listedInNeighbourMunicipality,
      0.015,
    ),
    check("somatic admissions, national year", perNationalYear(s.admissions), 750_000, 75_000),
    check(
      "preventable admissions 65+, national year",
      perNationalYear(s.preventable65Plus),
      72_000,
      12_000,
    ),
    check("acute share of admissions", s.acute / Math.max(1, s.admissions), 0.72, 0.06),
    check(
      "30-day acute readmission share",
      s.readmittedWithin30Days / Math.max(1, s.indexAdmissions),
      0.1,
      0.04,
    ),
    check(
      "treated outside the home body",
      s.treatedInOtherBody / Math.max(1, s.admissions),
      0.2,
      0.1,
    ),
  ];
  if (s.citizens >= 50_000) {
    checks.push(check("citizens per practice", s.citizens / Math.max(1, s.practices), 1_800, 200));
  }
  return checks;
}

export function fallbacksOf(municipalities: readonly SynthMunicipality[]) {
  return municipalities
    .filter((m) => m.populationFallback)
    .map((m) => ({
      code: m.code,
      name: m.name,
      population: m.population,
      rule: PARAMETERS.missingPopulationFallback,
    }));
}

/** The summary as lines for a terminal. */
export function summaryLines(summary: Summary): string[] {
  const s = summary.stats;
  const n = (x: number) => x.toLocaleString("en-GB");
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const lines = [
    `scope ${summary.scope}, seed ${summary.seed}, ${summary.start} to ${summary.end}, scale ${summary.scale}`,
    `${n(s.citizens)} citizens in ${summary.municipalities} municipalities, ${n(s.practices)} practices`,
    `${n(s.admissions)} admissions (+ ${n(s.ambulantOnly)} acute ambulant visits), ${n(s.deaths)} deaths in hospital, ${n(s.leaves)} leaves`,
    `${n(s.messages)} messages`,
  ];
  for (const f of summary.populationFallbacks)
    lines.push(
      `population of ${f.name} (${f.code}) missing: used ${n(f.population)}, the ${f.rule}`,
    );
  for (const c of summary.checks) {
    const show = (x: number) => (Math.abs(x) < 1 ? pct(x) : n(Math.round(x)));
    lines.push(
      `${c.ok ? "ok  " : "OFF "} ${c.name}: ${show(c.actual)} (expected ${show(c.expected)} ± ${show(c.tolerance)})`,
    );
  }
  return lines;
}
