/**
 * Funnel limits around a target (normally the national value), so units of very different sizes
 * can be compared without ranking noise.
 *
 * Method: exact limits without interpolation. For a share with denominator n the count R is
 * Binomial(n, target); for a rate per `per` the count is Poisson(target·n/per). With a = 1 − level:
 *   low  = smallest k with P(R ≤ k) ≥ a/2,
 *   high = largest  k with P(R ≥ k) ≥ a/2,
 * scaled back to the value's scale (k/n, or k·per/n). A unit is outside exactly when its observed
 * count is a one-sided exact test at a/2 — so the mark on the plot and the test always agree.
 *
 * Spiegelhalter (2005) interpolates between neighbouring counts to draw smooth curves. That was
 * not taken: for small n with a target near 0 or 1 the interpolated 95% limit can fall on the
 * wrong side of the target (n = 1, target 0.99: interpolated high95 = 0.9747, so the most likely
 * outcome 1/1 would be marked "above"). The exact limits lie on the k/n grid, so curves drawn from
 * funnelCurve are steps at small n and smooth to the eye from a few hundred on.
 */
import {
  binomialCdf,
  binomialUpperTail,
  firstTrue,
  normalQuantile,
  poissonCdf,
  poissonUpperTail,
} from "./special-functions.ts";

export type FunnelLimits = {
  n: number;
  low95: number;
  high95: number;
  low998: number;
  high998: number;
};

export type FunnelPosition = "above998" | "above95" | "within" | "below95" | "below998";

type CountModel = {
  cdf: (k: number) => number;
  upperTail: (k: number) => number;
  mean: number;
  sd: number;
  /** The largest possible count: n for a share, unbounded for a rate. */
  maxCount: number;
};

/** The band of counts that are not significant at `level`, as [low, high]. */
function exactBand(model: CountModel, level: number): { low: number; high: number } {
  const half = (1 - level) / 2;
  const z = normalQuantile(1 - half);
  const low = firstTrue((k) => model.cdf(k) >= half, model.mean - z * model.sd, model.maxCount);
  const firstSignificant = firstTrue(
    (k) => model.upperTail(k) < half,
    model.mean + z * model.sd + 1,
    model.maxCount + 1,
  );
  return { low, high: firstSignificant - 1 };
}

function limitsOf(model: CountModel, n: number, scale: number): FunnelLimits {
  const band95 = exactBand(model, 0.95);
  const band998 = exactBand(model, 0.998);
  return {
    n,
    low95: band95.low * scale,
    high95: band95.high * scale,
    low998: band998.low * scale,
    high998: band998.high * scale,
  };
}

/** Exact binomial funnel limits for a share `target` (0..1) at a whole-number denominator n ≥ 1. */
export function shareFunnelLimits(target: number, n: number): FunnelLimits {
  if (!(target >= 0 && target <= 1)) throw new RangeError("target share must lie in [0, 1]");
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError("n must be a whole number ≥ 1");
  const model: CountModel = {
    cdf: (k) => binomialCdf(k, n, target),
    upperTail: (k) => binomialUpperTail(k, n, target),
    mean: n * target,
    sd: Math.sqrt(n * target * (1 - target)),
    maxCount: n,
  };
  return limitsOf(model, n, 1 / n);
}

/** Exact Poisson funnel limits for a rate per `per` around the expected count target·n/per. */
export function rateFunnelLimits(targetPerPer: number, n: number, per: number): FunnelLimits {
  if (!(targetPerPer >= 0 && Number.isFinite(targetPerPer))) {
    throw new RangeError("target rate must be finite and ≥ 0");
  }
  if (!(n > 0 && Number.isFinite(n))) throw new RangeError("n must be positive");
  if (!(per > 0 && Number.isFinite(per))) throw new RangeError("per must be positive");
  const mean = (targetPerPer * n) / per;
  const model: CountModel = {
    cdf: (k) => poissonCdf(k, mean),
    upperTail: (k) => poissonUpperTail(k, mean),
    mean,
    sd: Math.sqrt(mean),
    maxCount: Number.POSITIVE_INFINITY,
  };
  return limitsOf(model, n, per / n);
}

/**
 * Values within this relative distance of a limit count as on it: a unit's k/n computed in another
 * order than the limit's must not flip from "within" to outside by one rounding step.
 */
const ON_LIMIT = 1e-9;

function exceeds(value: number, limit: number): boolean {
  return value > limit + ON_LIMIT * Math.abs(limit);
}

function fallsShort(value: number, limit: number): boolean {
  return value < limit - ON_LIMIT * Math.abs(limit);
}

/** Where a unit sits. A value on a limit is inside it (the limits are the last non-significant k). */
export function funnelPosition(value: number, limits: FunnelLimits): FunnelPosition {
  if (Number.isNaN(value)) throw new RangeError("value must be a number");
  if (exceeds(value, limits.high998)) return "above998";
  if (exceeds(value, limits.high95)) return "above95";
  if (fallsShort(value, limits.low998)) return "below998";
  if (fallsShort(value, limits.low95)) return "below95";
  return "within";
}

/**
 * Points for drawing the funnel from nMin to nMax, log-spaced over `steps` points (both ends
 * included). Shares need whole denominators, so their n are rounded and repeats dropped.
 */
export function funnelCurve(
  kind: "share" | "rate",
  target: number,
  nMin: number,
  nMax: number,
  steps: number,
  per?: number,
): FunnelLimits[] {
  if (!(nMin > 0 && nMax >= nMin && Number.isFinite(nMax))) {
    throw new RangeError("need 0 < nMin ≤ nMax");
  }
  if (!(Number.isInteger(steps) && steps >= 2)) throw new RangeError("steps must be a whole ≥ 2");
  if (kind === "rate" && per === undefined) throw new RangeError("a rate funnel needs per");
  const ns: number[] = [];
  const ratio = nMax / nMin;
  for (let i = 0; i < steps; i++) {
    // Written as nMin·ratio^t so that the ends are nMin and nMax exactly, not up to exp∘log.
    const raw = i === steps - 1 ? nMax : nMin * ratio ** (i / (steps - 1));
    const n = kind === "share" ? Math.max(1, Math.round(raw)) : raw;
    if (ns.length === 0 || ns[ns.length - 1] !== n) ns.push(n);
  }
  return ns.map((n) =>
    kind === "share" ? shareFunnelLimits(target, n) : rateFunnelLimits(target, n, per!),
  );
}
