import { describe, expect, it } from "vitest";
import {
  chiSquareQuantile,
  normalQuantile,
  poissonExactInterval,
  quantile,
  quantileInterval,
  rateInterval,
  wilsonInterval,
  Z95,
} from "./statistics.ts";

/** |actual − expected| ≤ tolerance · |expected|: the brief asks for 1e-9 relative. */
function expectRelative(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

/** P(K ≤ k) for K ~ Poisson(mean), summed term by term: an independent check on the intervals. */
function poissonSum(k: number, mean: number): number {
  let term = Math.exp(-mean);
  let sum = term;
  for (let j = 1; j <= k; j++) {
    term *= mean / j;
    sum += term;
  }
  return sum;
}

const oneTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe("wilsonInterval", () => {
  it("0 of 10 is [0, z²/(n + z²)] = [0, 3.841459/13.841459] = [0, 0.2775]", () => {
    const interval = wilsonInterval(0, 10)!;
    expect(interval.low).toBe(0);
    expectRelative(interval.high, 0.2775327998628892);
  });

  it("5 of 10 is 0.5 ± (z/13.841459)·√(2.5 + 0.960365) = 0.5 ± 0.263407 = [0.2366, 0.7634]", () => {
    const interval = wilsonInterval(5, 10)!;
    expectRelative(interval.low, 0.236593090512564);
    expectRelative(interval.high, 0.763406909487436);
  });

  it("10 of 10 mirrors 0 of 10: [1 − 0.2775, 1]", () => {
    const interval = wilsonInterval(10, 10)!;
    expectRelative(interval.low, 1 - 0.2775327998628892);
    expect(interval.high).toBe(1);
  });

  it("3 of 7 is (3 + 1.920729)/10.841459 ± (z/10.841459)·√(12/7 + 0.960365) = [0.1582, 0.7495]", () => {
    const interval = wilsonInterval(3, 7)!;
    expectRelative(interval.low, 0.1582198552514697);
    expectRelative(interval.high, 0.7495416354723428);
  });

  it("takes another z: 5 of 10 with z = 1 is 0.5 ± (1/11)·√2.75 = [0.3492, 0.6508]", () => {
    const interval = wilsonInterval(5, 10, 1)!;
    expectRelative(interval.low, 0.3492443277111182);
    expectRelative(interval.high, 0.6507556722888818);
  });

  it("n = 0 gives null", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it("at n = 1e6 it is the normal interval: 0.5 ± 1.96·√(0.25/1e6) = 0.5 ± 0.00098", () => {
    const interval = wilsonInterval(500_000, 1_000_000)!;
    expectRelative(interval.low, 0.4990200198900048);
    expectRelative(interval.high, 0.5009799801099952);
  });

  it("1 of 1e6 stays above 0: (1 + 1.92)/(1e6 + 3.84) ∓ … = [1.765e-7, 5.665e-6]", () => {
    const interval = wilsonInterval(1, 1_000_000)!;
    expectRelative(interval.low, 1.765245767453715e-7, 1e-7);
    expectRelative(interval.high, 5.664911804311442e-6);
  });

  it("rejects k > n, negative counts and a non-positive z", () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 0)).toThrow(RangeError);
  });
});

describe("poissonExactInterval (Garwood)", () => {
  it("k = 0 is [0, −ln 0.025] = [0, 3.6889]", () => {
    const interval = poissonExactInterval(0);
    expect(interval.low).toBe(0);
    expectRelative(interval.high, 3.6888794541139354);
  });

  it("k = 1 is [−ln 0.975, λ with e^−λ(1 + λ) = 0.025] = [0.0253, 5.5716]", () => {
    const interval = poissonExactInterval(1);
    expectRelative(interval.low, 0.025317807984289897);
    expectRelative(interval.high, 5.571643390938897);
    expectRelative(Math.exp(-interval.high) * (1 + interval.high), 0.025);
  });

  it("k = 10 is [4.7954, 18.3904]: P(K ≥ 10 | 4.7954) = P(K ≤ 10 | 18.3904) = 0.025", () => {
    const interval = poissonExactInterval(10);
    expectRelative(interval.low, 4.795388696132434);
    expectRelative(interval.high, 18.39035604201778);
    expectRelative(1 - poissonSum(9, interval.low), 0.025);
    expectRelative(poissonSum(10, interval.high), 0.025);
  });

  it("level 0.998 at k = 0 is [0, −ln 0.001] = [0, 6.9078]", () => {
    expectRelative(poissonExactInterval(0, 0.998).high, 6.907755278982136);
  });

  it("k = 1e6 agrees with Wilson–Hilferty, k(1 − 1/9k ∓ z/3√k)³ ≈ [998040.98, 1001961.91]", () => {
    const interval = poissonExactInterval(1_000_000);
    expectRelative(interval.low, 998040.9833402939);
    expectRelative(interval.high, 1001961.9119454322);
  });

  it("rejects negative counts and levels outside (0, 1)", () => {
    expect(() => poissonExactInterval(-1)).toThrow(RangeError);
    expect(() => poissonExactInterval(3, 1)).toThrow(RangeError);
  });
});

describe("rateInterval", () => {
  it("10 events among 2000 per 1000 is Garwood(10)·1000/2000 = [2.3977, 9.1952]", () => {
    const interval = rateInterval(10, 2000, 1000)!;
    expectRelative(interval.low, 4.795388696132434 / 2);
    expectRelative(interval.high, 18.39035604201778 / 2);
  });

  it("0 events among 1e6 per 1000 is [0, 3.6889·1000/1e6] = [0, 0.0036889]", () => {
    const interval = rateInterval(0, 1_000_000, 1000)!;
    expect(interval.low).toBe(0);
    expectRelative(interval.high, 0.003688879454113935);
  });

  it("n = 0 gives null", () => {
    expect(rateInterval(0, 0, 1000)).toBeNull();
  });
});

describe("chiSquareQuantile", () => {
  it("matches the closed forms for 2 and 1 degrees of freedom", () => {
    // χ²(2) is exponential with mean 2: chi2inv(p, 2) = −2·ln(1 − p).
    expectRelative(chiSquareQuantile(0.975, 2), 7.377758908227871); // −2·ln 0.025
    expectRelative(chiSquareQuantile(0.5, 2), 1.3862943611198906); // 2·ln 2
    // χ²(1) is z²: chi2inv(0.95, 1) = 1.959963984540054².
    expectRelative(chiSquareQuantile(0.95, 1), 3.841458820694124);
    // chi2inv(0.001, 1) = z(0.5005)² ≈ (0.0005·√(2π))² = π/2·1e-6.
    expectRelative(chiSquareQuantile(0.001, 1), 0.00000157079714926249);
  });

  it("matches the published table values", () => {
    expectRelative(chiSquareQuantile(0.95, 10), 18.307038053275143); // table: 18.307
    expectRelative(chiSquareQuantile(0.05, 10), 3.94029913611906); // table: 3.940
    expectRelative(chiSquareQuantile(0.99, 5), 15.086272469388987); // table: 15.086
  });

  it("inverts the even-dof closed form 1 − e^−x/2·Σ_{j<10}(x/2)^j/j! for 20 dof", () => {
    for (const p of [0.001, 0.3, 0.975, 0.999]) {
      const x = chiSquareQuantile(p, 20);
      expectRelative(1 - poissonSum(9, x / 2), p, 1e-10);
    }
  });

  it("handles fractional and very large dof (Wilson–Hilferty 2006186.16 at 2e6)", () => {
    expectRelative(chiSquareQuantile(0.5, 0.1), 0.0000011147756881492495);
    expectRelative(chiSquareQuantile(0.999, 2_000_000), 2006186.1647397089);
  });

  it("gives 0 at p = 0 and Infinity at p = 1, and rejects bad input", () => {
    expect(chiSquareQuantile(0, 4)).toBe(0);
    expect(chiSquareQuantile(1, 4)).toBe(Number.POSITIVE_INFINITY);
    expect(() => chiSquareQuantile(0.5, 0)).toThrow(RangeError);
    expect(() => chiSquareQuantile(1.5, 3)).toThrow(RangeError);
  });
});

describe("normalQuantile", () => {
  it("matches the known values", () => {
    expectRelative(normalQuantile(0.975), 1.9599639845400543, 1e-14);
    expectRelative(normalQuantile(0.025), -1.9599639845400543, 1e-14);
    expectRelative(normalQuantile(0.999), 3.0902323061678136, 1e-14);
    expectRelative(normalQuantile(1e-10), -6.361340902404057, 1e-14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(Z95).toBe(1.959963984540054);
  });

  it("inverts Φ(1) = 0.8413447460685429", () => {
    expectRelative(normalQuantile(0.8413447460685429), 1, 1e-12);
  });

  it("is ∓Infinity at 0 and 1 and rejects p outside [0, 1]", () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
  });
});

describe("quantile (type 7)", () => {
  it("interpolates between order statistics at h = (n − 1)·q", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5); // h = 1.5: 2 + 0.5·(3 − 2)
    expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12); // h = 2.7: 3 + 0.7·(4 − 3)
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    expect(quantile([10, 20, 40], 0.75)).toBe(30); // h = 1.5: 20 + 0.5·20
  });

  it("is null for no values and the value itself for one", () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.9)).toBe(7);
  });

  it("rejects unsorted values and q outside [0, 1]", () => {
    expect(() => quantile([2, 1], 0.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], 1.1)).toThrow(RangeError);
  });
});

describe("quantileInterval", () => {
  it("needs 6 values for the median: 0.5⁶ = 0.0156 ≤ 0.025 < 0.5⁵ = 0.03125", () => {
    expect(quantileInterval(oneTo(5), 0.5)).toBeNull();
    expect(quantileInterval(oneTo(6), 0.5)).toEqual({ low: 1, high: 6 });
  });

  it("gives ranks 2 and 9 for the median of 10: P(B ≤ 1) = 11/1024 ≤ 0.025 < P(B ≤ 2) = 56/1024", () => {
    const values = [3, 5, 8, 13, 21, 34, 55, 89, 144, 233];
    expect(quantileInterval(values, 0.5)).toEqual({ low: 5, high: 144 });
  });

  it("needs 36 values for the 90th percentile: 0.9³⁶ = 0.0225 ≤ 0.025 < 0.9³⁵ = 0.0250", () => {
    expect(quantileInterval(oneTo(35), 0.9)).toBeNull();
    // Lower rank 29: P(B ≤ 28) = 0.0235 ≤ 0.025 < P(B ≤ 29) = 0.0628 for B ~ Bin(36, 0.9).
    expect(quantileInterval(oneTo(36), 0.9)).toEqual({ low: 29, high: 36 });
  });

  it("at n = 1e6 the median's ranks are 500000 ∓ 1.96·500: 499020 and 500981", () => {
    // P(B ≤ 499019) = 0.024939 ≤ 0.025 < P(B ≤ 499020) = 0.025056; u mirrors l: 1e6 + 1 − 499020.
    expect(quantileInterval(oneTo(1_000_000), 0.5)).toEqual({ low: 499020, high: 500981 });
  });

  it("is null for no values and for q = 0 or 1", () => {
    expect(quantileInterval([], 0.5)).toBeNull();
    expect(quantileInterval(oneTo(100), 0)).toBeNull();
    expect(quantileInterval(oneTo(100), 1)).toBeNull();
  });
});
