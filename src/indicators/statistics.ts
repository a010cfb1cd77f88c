/**
 * Intervals, quantiles and funnel limits for the quality indicators' honest comparison: a 95%
 * interval on every share (Wilson) and rate (exact Poisson), distribution-free intervals for the
 * loop's median and 90th percentile, and funnel limits around the national value. Pure functions;
 * the special functions they rest on are in special-functions.ts.
 */
import {
  binomialCdf,
  binomialUpperTail,
  firstTrue,
  inverseRegularizedGammaP,
  normalQuantile,
} from "./special-functions.ts";

export {
  binomialCdf,
  binomialUpperTail,
  firstTrue,
  inverseRegularizedGammaP,
  logGamma,
  normalQuantile,
  poissonCdf,
  poissonUpperTail,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
} from "./special-functions.ts";

export type Interval = { low: number; high: number };

/** z for a two-sided 95% interval: the 97.5% normal quantile. */
export const Z95 = 1.959963984540054;

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError("level must lie strictly between 0 and 1");
}

function checkCount(k: number, name: string): void {
  if (!(k >= 0 && Number.isFinite(k))) throw new RangeError(`${name} must be a finite count ≥ 0`);
}

/**
 * Wilson score interval for k of n (95% by default). n = 0 -> null. The ends at k = 0 and k = n
 * are set to exactly 0 and 1, where the formula gives them up to rounding.
 */
export function wilsonInterval(k: number, n: number, z: number = Z95): Interval | null {
  checkCount(k, "k");
  checkCount(n, "n");
  if (k > n) throw new RangeError("k must not exceed n");
  if (!(z > 0 && Number.isFinite(z))) throw new RangeError("z must be positive");
  if (n === 0) return null;
  const z2 = z * z;
  const centre = (k + z2 / 2) / (n + z2);
  const half = (z / (n + z2)) * Math.sqrt((k * (n - k)) / n + z2 / 4);
  return {
    low: k === 0 ? 0 : Math.max(0, centre - half),
    high: k === n ? 1 : Math.min(1, centre + half),
  };
}

/**
 * Exact (Garwood) Poisson interval for an observed count k, as counts: low = chi2inv(a/2, 2k)/2
 * (0 when k = 0), high = chi2inv(1-a/2, 2k+2)/2, with a = 1 − level (0.95 by default).
 */
export function poissonExactInterval(k: number, level = 0.95): Interval {
  checkCount(k, "k");
  checkLevel(level);
  const a = 1 - level;
  // chi2inv(p, 2m)/2 is the gamma quantile with shape m, so the halving is taken out.
  return {
    low: k === 0 ? 0 : inverseRegularizedGammaP(k, a / 2),
    high: inverseRegularizedGammaP(k + 1, 1 - a / 2),
  };
}

/** The Garwood interval of k scaled to a rate per `per` with denominator n. n = 0 -> null. */
export function rateInterval(k: number, n: number, per: number, level = 0.95): Interval | null {
  checkCount(n, "n");
  if (!(per > 0 && Number.isFinite(per))) throw new RangeError("per must be positive");
  const counts = poissonExactInterval(k, level);
  if (n === 0) return null;
  return { low: (counts.low * per) / n, high: (counts.high * per) / n };
}

/** Chi-square quantile: the x with P(X ≤ x) = p for X ~ χ²(dof). p = 1 gives Infinity. */
export function chiSquareQuantile(p: number, dof: number): number {
  if (!(dof > 0 && Number.isFinite(dof))) throw new RangeError("dof must be positive");
  if (!(p >= 0 && p <= 1)) throw new RangeError("p must lie in [0, 1]");
  return 2 * inverseRegularizedGammaP(dof / 2, p);
}

function checkSorted(values: number[]): void {
  for (let i = 1; i < values.length; i++) {
    if (!(values[i - 1]! <= values[i]!)) throw new RangeError("values must be sorted ascending");
  }
}

/** Quantile q of sorted values by linear interpolation between order statistics (type 7). */
export function quantile(sortedValues: number[], q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError("q must lie in [0, 1]");
  checkSorted(sortedValues);
  const n = sortedValues.length;
  if (n === 0) return null;
  const h = (n - 1) * q;
  const below = Math.floor(h);
  const low = sortedValues[below]!;
  if (below === n - 1) return low;
  return low + (h - below) * (sortedValues[below + 1]! - low);
}

/**
 * Distribution-free interval for the q-quantile from order statistics: with B ~ Binomial(n, q),
 * the lower rank l is the largest with P(B < l) ≤ a/2 and the upper rank u the smallest with
 * P(B ≥ u) ≤ a/2, so [x(l), x(u)] covers the quantile with probability ≥ level. Null when no such
 * ranks exist within 1..n (e.g. fewer than 6 values for the median, 36 for the 90th percentile).
 */
export function quantileInterval(sortedValues: number[], q: number, level = 0.95): Interval | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError("q must lie in [0, 1]");
  checkLevel(level);
  checkSorted(sortedValues);
  const n = sortedValues.length;
  if (n === 0) return null;
  const half = (1 - level) / 2;
  const sd = Math.sqrt(n * q * (1 - q));
  const z = normalQuantile(1 - half);
  // P(B < l) = P(B ≤ l − 1), so l is the first k with P(B ≤ k) > a/2.
  const lowRank = firstTrue((k) => binomialCdf(k, n, q) > half, n * q - z * sd, n);
  const highRank = firstTrue((k) => binomialUpperTail(k, n, q) <= half, n * q + z * sd + 1, n + 1);
  if (lowRank < 1 || highRank > n) return null;
  return { low: sortedValues[lowRank - 1]!, high: sortedValues[highRank - 1]! };
}

export {
  type FunnelLimits,
  funnelCurve,
  funnelPosition,
  rateFunnelLimits,
  shareFunnelLimits,
} from "./funnel.ts";
