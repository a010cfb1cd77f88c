/**
 * Direct age- and sex-standardisation: the rate a unit would have if its population had the
 * standard population's make-up (for readmission: the country's index population of the same
 * year). Results are per person (a share or a rate per 1); the caller scales to per 1,000.
 */

import type { Interval } from "./statistics.ts";
import { chiSquareQuantile } from "./statistics.ts";

export type StratumCounts = { events: number; persons: number };

type Weighted = { weight: number; events: number; persons: number };

/**
 * Pairs each standard stratum's weight (its share of the standard population) with the unit's
 * counts. A stratum the standard has but the unit lacks counts as 0 of 0. A unit stratum with
 * persons that the standard does not know is an error: it would silently drop out of the result,
 * and as the unit is part of the standard population it only happens when the keys do not match.
 */
function weightedStrata(
  strata: Map<string, StratumCounts>,
  standard: Map<string, number>,
): Weighted[] {
  let total = 0;
  for (const persons of standard.values()) {
    if (!(persons >= 0 && Number.isFinite(persons))) {
      throw new RangeError("standard persons must be finite and ≥ 0");
    }
    total += persons;
  }
  if (total === 0) throw new RangeError("the standard population is empty");
  for (const [key, counts] of strata) {
    if (!(counts.persons >= 0 && counts.events >= 0)) {
      throw new RangeError(`stratum ${key} has negative counts`);
    }
    if (counts.persons > 0 && !standard.has(key)) {
      throw new RangeError(`stratum ${key} is not in the standard population`);
    }
  }
  return [...standard].map(([key, persons]) => {
    const counts = strata.get(key) ?? { events: 0, persons: 0 };
    return { weight: persons / total, events: counts.events, persons: counts.persons };
  });
}

function hasPersons(strata: Map<string, StratumCounts>): boolean {
  for (const counts of strata.values()) if (counts.persons > 0) return true;
  return false;
}

/**
 * Directly standardised rate: Σ weight_s · events_s / persons_s over the standard's strata,
 * weight_s = standard persons_s / standard total. A stratum where the unit has no persons
 * contributes rate 0: the unit says nothing about it, and the alternative (dropping the stratum
 * and re-weighting) would make units with different empty strata incomparable. Null when the
 * unit has no persons at all.
 */
export function directlyStandardised(
  strata: Map<string, StratumCounts>,
  standard: Map<string, number>,
): number | null {
  const weighted = weightedStrata(strata, standard);
  if (!hasPersons(strata)) return null;
  let rate = 0;
  for (const s of weighted) if (s.persons > 0) rate += (s.weight * s.events) / s.persons;
  return rate;
}

/**
 * Fay–Feuer (1997) gamma interval for the directly standardised rate, the usual exact-style
 * interval to show beside it: with y the rate, v = Σ (w/n)²·events and m the largest w/n,
 *   low  = v/(2y) · χ²(a/2; 2y²/v)                                 (0 when there are no events)
 *   high = (v + m²)/(2(y + m)) · χ²(1 − a/2; 2(y + m)²/(v + m²)).
 * Strata where the unit has no persons add nothing, as in the rate. Null with no persons.
 */
export function directlyStandardisedInterval(
  strata: Map<string, StratumCounts>,
  standard: Map<string, number>,
  level = 0.95,
): Interval | null {
  if (!(level > 0 && level < 1)) throw new RangeError("level must lie strictly between 0 and 1");
  const weighted = weightedStrata(strata, standard).filter((s) => s.persons > 0);
  if (!hasPersons(strata)) return null;
  const a = 1 - level;
  let y = 0;
  let v = 0;
  let m = 0;
  for (const s of weighted) {
    const perPerson = s.weight / s.persons;
    y += perPerson * s.events;
    v += perPerson * perPerson * s.events;
    m = Math.max(m, perPerson);
  }
  // Every stratum with persons has weight 0: the standard gives the unit no say at all.
  if (m === 0) return { low: 0, high: 0 };
  const low = y === 0 || v === 0 ? 0 : (v / (2 * y)) * chiSquareQuantile(a / 2, (2 * y * y) / v);
  const vm = v + m * m;
  const ym = y + m;
  const high = (vm / (2 * ym)) * chiSquareQuantile(1 - a / 2, (2 * ym * ym) / vm);
  return { low, high };
}
