/**
 * Special functions behind the intervals and funnel limits in statistics.ts: log-gamma, the
 * regularised incomplete gamma and beta functions and their discrete tails (Poisson, binomial),
 * the inverse of the regularised lower incomplete gamma, the normal quantile, and the integer
 * search that turns a tail function into a discrete quantile. Written out here because the project
 * takes no numerical library; the algorithms are the classic ones (Lanczos and Stirling, series
 * and Lentz continued fractions, Halley refinement, Wichura's AS 241), with the large-argument
 * cancellation handled so that chi-square quantiles stay accurate to about 1e-13 relative even
 * for millions of degrees of freedom.
 */

const EPS = 1e-16;
const TINY = 1e-300;
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) − ((x − ½)·ln x − x + ½·ln 2π): the Stirling series remainder, for x ≥ 10. */
function stirlingRemainder(x: number): number {
  const x2 = 1 / (x * x);
  // 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + 1/(1188x⁹); the next term is below 2e-14 at x = 10.
  return (1 / 12 - x2 * (1 / 360 - x2 * (1 / 1260 - x2 * (1 / 1680 - x2 / 1188)))) / x;
}

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError("logGamma needs x > 0");
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingRemainder(x);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (y + i);
  const t = y + 7.5;
  return LN_SQRT_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * ln r − (r − 1), for a ratio r > 0. Near r = 1 the two terms cancel, so there it is summed as a
 * series in u = r − 1; away from 1 the logarithm of r itself keeps the relative accuracy that
 * log1p(u) would lose when r is close to 0.
 */
function logRatioMinus(r: number): number {
  const u = r - 1;
  if (Math.abs(u) > 0.1) return Math.log(r) - u;
  // ln(1 + u) − u = −u²/2 + u³/3 − u⁴/4 …: 40 terms take |u| ≤ 0.1 below 1e-40.
  let term = u;
  let sum = 0;
  for (let k = 2; k < 42; k++) {
    term *= -u;
    sum += term / k;
  }
  return sum;
}

/**
 * ln(xᵃ·e⁻ˣ / Γ(a)). For large a the naive sum cancels terms of size a·ln a; written as
 * a·(ln r − (r − 1)) with r = x/a its error stays of the order of ε·|x − a| instead.
 */
function logGammaKernel(a: number, x: number): number {
  if (a < 10) return a * Math.log(x) - x - logGamma(a);
  return a * logRatioMinus(x / a) + 0.5 * Math.log(a) - LN_SQRT_2PI - stirlingRemainder(a);
}

function iterationLimit(size: number): number {
  return 10_000 + 50 * Math.ceil(Math.sqrt(size));
}

function gammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  const limit = iterationLimit(a);
  for (let n = 1; n < limit; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) return sum * Math.exp(logGammaKernel(a, x));
  }
  throw new Error("incomplete gamma series did not converge");
}

function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  const limit = iterationLimit(a + x);
  for (let i = 1; i < limit; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) return Math.exp(logGammaKernel(a, x)) * h;
  }
  throw new Error("incomplete gamma continued fraction did not converge");
}

/** Regularised lower incomplete gamma P(a, x) = γ(a, x)/Γ(a). */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || Number.isNaN(x)) throw new RangeError("regularizedGammaP needs a > 0");
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/** Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), computed directly in its own tail. */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || Number.isNaN(x)) throw new RangeError("regularizedGammaQ needs a > 0");
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

/** Starting point for the Halley iteration (Numerical Recipes, 3rd ed., §6.2.1). */
function inverseGammaStart(a: number, p: number): number {
  if (a > 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    return Math.max(1e-3, a * (1 - 1 / (9 * a) - z / (3 * Math.sqrt(a))) ** 3);
  }
  const t = 1 - a * (0.253 + a * 0.12);
  return p < t ? (p / t) ** (1 / a) : 1 - Math.log(1 - (p - t) / (1 - t));
}

/**
 * Inverse of the regularised lower incomplete gamma: the x with P(a, x) = p. Above the median
 * the residual is taken from Q so that upper-tail quantiles keep their relative accuracy.
 */
export function inverseRegularizedGammaP(a: number, p: number): number {
  if (!(a > 0)) throw new RangeError("inverseRegularizedGammaP needs a > 0");
  if (!(p >= 0 && p <= 1)) throw new RangeError("inverseRegularizedGammaP needs 0 ≤ p ≤ 1");
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const upper = p > 0.5;
  const q = 1 - p;
  let x = inverseGammaStart(a, p);
  for (let i = 0; i < 100; i++) {
    const residual = upper ? q - regularizedGammaQ(a, x) : regularizedGammaP(a, x) - p;
    const density = Math.exp(logGammaKernel(a, x)) / x;
    if (residual === 0 || density === 0) return x;
    const u = residual / density;
    const step = u / (1 - 0.5 * Math.min(1, u * ((a - 1) / x - 1)));
    const next = x - step;
    x = next <= 0 ? x / 2 : next;
    if (Math.abs(step) <= 1e-14 * x) return x;
  }
  return x;
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  const limit = iterationLimit(Math.max(a, b));
  for (let m = 1; m < limit; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    c = 1 + aa / c;
    d = Math.abs(d) < TINY ? 1 / TINY : 1 / d;
    if (Math.abs(c) < TINY) c = TINY;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    c = 1 + aa / c;
    d = Math.abs(d) < TINY ? 1 / TINY : 1 / d;
    if (Math.abs(c) < TINY) c = TINY;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) return h;
  }
  throw new Error("incomplete beta continued fraction did not converge");
}

/**
 * ln(xᵃ·(1 − x)ᵇ / B(a, b)). When both parameters are large the same a·(ln r − (r − 1)) form as
 * for the gamma keeps the cancellation of terms of size (a + b)·ln(a + b) out of the result.
 */
function logBetaKernel(a: number, b: number, x: number): number {
  if (a < 10 || b < 10) {
    return logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  }
  const s = a + b;
  return (
    a * logRatioMinus((x * s) / a) +
    b * logRatioMinus(((1 - x) * s) / b) +
    0.5 * Math.log((a * b) / s) -
    LN_SQRT_2PI +
    stirlingRemainder(s) -
    stirlingRemainder(a) -
    stirlingRemainder(b)
  );
}

/** Regularised incomplete beta I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError("regularizedBeta needs a, b > 0");
  if (Number.isNaN(x)) throw new RangeError("regularizedBeta needs a number x");
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x < (a + 1) / (a + b + 2)) {
    return (Math.exp(logBetaKernel(a, b, x)) * betaContinuedFraction(a, b, x)) / a;
  }
  return 1 - (Math.exp(logBetaKernel(b, a, 1 - x)) * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(K ≤ k) for K ~ Poisson(mean). */
export function poissonCdf(k: number, mean: number): number {
  if (k < 0) return 0;
  if (mean === 0) return 1;
  return regularizedGammaQ(Math.floor(k) + 1, mean);
}

/** P(K ≥ k) for K ~ Poisson(mean), from its own tail rather than as 1 − cdf. */
export function poissonUpperTail(k: number, mean: number): number {
  if (k <= 0) return 1;
  if (mean === 0) return 0;
  return regularizedGammaP(Math.ceil(k), mean);
}

/** P(R ≤ k) for R ~ Binomial(n, theta). */
export function binomialCdf(k: number, n: number, theta: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  const r = Math.floor(k);
  return regularizedBeta(1 - theta, n - r, r + 1);
}

/** P(R ≥ k) for R ~ Binomial(n, theta), from its own tail rather than as 1 − cdf. */
export function binomialUpperTail(k: number, n: number, theta: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const r = Math.ceil(k);
  return regularizedBeta(theta, r, n - r + 1);
}

const AS241_CENTRAL = {
  num: [
    3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946,
    45921.95393154987, 67265.7709270087, 33430.57558358813, 2509.0809287301227,
  ],
  den: [
    1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597,
    39307.89580009271, 28729.085735721943, 5226.495278852854,
  ],
};
const AS241_NEAR = {
  num: [
    1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045,
    1.2704582524523684, 0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
  ],
  den: [
    1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
    0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
  ],
};
const AS241_FAR = {
  num: [
    6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
    0.026532189526576124, 0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
  ],
  den: [
    1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
    0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
  ],
};

function polynomial(coefficients: number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * x + coefficients[i]!;
  return sum;
}

/** Wichura's AS 241 (PPND16) for p ≤ ½, good to about 1e-16 before refinement. */
function as241Lower(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(AS241_CENTRAL.num, r)) / polynomial(AS241_CENTRAL.den, r);
  }
  const r = Math.sqrt(-Math.log(p));
  const table = r <= 5 ? AS241_NEAR : AS241_FAR;
  const s = r <= 5 ? r - 1.6 : r - 5;
  return -polynomial(table.num, s) / polynomial(table.den, s);
}

/**
 * Standard normal quantile. The upper half is mirrored from the lower one (1 − p is exact there),
 * and a Halley step against Φ computed from the incomplete gamma polishes the AS 241 value.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError("p must lie in [0, 1]");
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p > 0.5) return -normalQuantile(1 - p);
  let x = as241Lower(p);
  for (let i = 0; i < 3 && x < 0; i++) {
    const density = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    if (density === 0) break;
    const u = (0.5 * regularizedGammaQ(0.5, 0.5 * x * x) - p) / density;
    const step = u / (1 + 0.5 * x * u);
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.abs(x)) break;
  }
  return x;
}

/**
 * The smallest integer k in [0, max] where `holds` turns true, for a predicate that is false up
 * to some point and true after it; `holds(max)` is taken as true. It gallops out from `guess`, so
 * a normal-approximation guess costs a handful of tail evaluations even for n = 1e6.
 */
export function firstTrue(holds: (k: number) => boolean, guess: number, max: number): number {
  let hi = Math.min(Math.max(Math.round(guess), 0), max);
  let lo: number;
  let step = 1;
  if (holds(hi)) {
    lo = hi - step;
    while (lo >= 0 && holds(lo)) {
      hi = lo;
      step *= 2;
      lo = hi - step;
    }
    lo = Math.max(lo, -1);
  } else {
    lo = hi;
    hi = Math.min(lo + step, max);
    while (hi < max && !holds(hi)) {
      lo = hi;
      step *= 2;
      hi = Math.min(lo + step, max);
    }
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
