import { describe, expect, it } from "vitest";
import {
  type FunnelLimits,
  funnelCurve,
  funnelPosition,
  rateFunnelLimits,
  shareFunnelLimits,
} from "./statistics.ts";

function width95(limits: FunnelLimits): number {
  return limits.high95 - limits.low95;
}

describe("shareFunnelLimits (exact binomial, no interpolation)", () => {
  it("target 0.1 at n = 100: the last counts whose tail is still ≥ 0.025 and ≥ 0.001", () => {
    // Bin(100, 0.1): P(R ≤ 4) = 0.0237 < 0.025 ≤ P(R ≤ 5) = 0.0576         -> low95  = 5/100
    //                P(R ≥ 16) = 0.0399 ≥ 0.025 > P(R ≥ 17) = 0.0206        -> high95 = 16/100
    //                P(R ≤ 1) = 0.00032 < 0.001 ≤ P(R ≤ 2) = 0.00194        -> low998 = 2/100
    //                P(R ≥ 20) = 0.00198 ≥ 0.001 > P(R ≥ 21) = 0.00081      -> high998 = 20/100
    expect(shareFunnelLimits(0.1, 100)).toEqual({
      n: 100,
      low95: 0.05,
      high95: 0.16,
      low998: 0.02,
      high998: 0.2,
    });
  });

  it("n = 1, target 0.99: 0/1 is below (P = 0.01 < 0.025), 1/1 is within", () => {
    // The interpolated limits would put high95 at 0.9747 and mark the likeliest outcome "above".
    const limits = shareFunnelLimits(0.99, 1);
    expect(limits).toEqual({ n: 1, low95: 1, high95: 1, low998: 0, high998: 1 });
    expect(funnelPosition(1, limits)).toBe("within");
    expect(funnelPosition(0, limits)).toBe("below95");
  });

  it("collapses onto the target at 0 and 1", () => {
    expect(shareFunnelLimits(0, 50)).toEqual({
      n: 50,
      low95: 0,
      high95: 0,
      low998: 0,
      high998: 0,
    });
    expect(shareFunnelLimits(1, 50)).toEqual({
      n: 50,
      low95: 1,
      high95: 1,
      low998: 1,
      high998: 1,
    });
  });

  it("at n = 1e6 it is the normal band 0.1 ± 1.96·0.0003 and 0.1 ± 3.09·0.0003", () => {
    // ±588 and ±927 counts around 100000, to the nearest count.
    const limits = shareFunnelLimits(0.1, 1_000_000);
    expect(limits.low95).toBeCloseTo(0.099412, 12);
    expect(limits.high95).toBeCloseTo(0.100588, 12);
    expect(limits.low998).toBeCloseTo(0.099074, 12);
    expect(limits.high998).toBeCloseTo(0.100928, 12);
  });

  it("narrows as n grows and always contains the target", () => {
    let previous = Number.POSITIVE_INFINITY;
    for (const n of [10, 100, 1000, 10_000, 100_000]) {
      const limits = shareFunnelLimits(0.1, n);
      expect(width95(limits)).toBeLessThan(previous);
      expect(limits.low998).toBeLessThanOrEqual(limits.low95);
      expect(limits.low95).toBeLessThanOrEqual(0.1);
      expect(limits.high95).toBeGreaterThanOrEqual(0.1);
      expect(limits.high998).toBeGreaterThanOrEqual(limits.high95);
      previous = width95(limits);
    }
  });

  it("rejects a non-whole or zero n and a target outside [0, 1]", () => {
    expect(() => shareFunnelLimits(0.1, 0)).toThrow(RangeError);
    expect(() => shareFunnelLimits(0.1, 10.5)).toThrow(RangeError);
    expect(() => shareFunnelLimits(1.1, 10)).toThrow(RangeError);
  });
});

describe("rateFunnelLimits (exact Poisson around target·n/per)", () => {
  it("5 per 1000 at n = 1000: Poisson(5)", () => {
    // P(K ≤ 0) = e⁻⁵ = 0.0067 < 0.025 ≤ P(K ≤ 1) = 6e⁻⁵ = 0.0404             -> low95 = 1
    // P(K ≥ 10) = 0.0318 ≥ 0.025 > P(K ≥ 11) = 0.0137                           -> high95 = 10
    // P(K ≤ 0) = 0.0067 ≥ 0.001                                                 -> low998 = 0
    // P(K ≥ 13) = 0.00202 ≥ 0.001 > P(K ≥ 14) = 0.00070                         -> high998 = 13
    // Counts per 1000 of 1000 persons are the rates themselves.
    expect(rateFunnelLimits(5, 1000, 1000)).toEqual({
      n: 1000,
      low95: 1,
      high95: 10,
      low998: 0,
      high998: 13,
    });
  });

  it("at n = 1e6 and 100 per 1000 it is 100 ± 1.96·√1e5/1000 = 100 ± 0.62", () => {
    const limits = rateFunnelLimits(100, 1_000_000, 1000);
    expect(limits.low95).toBeCloseTo(99.381, 9);
    expect(limits.high95).toBeCloseTo(100.62, 9);
  });

  it("is 0 throughout for a target of 0", () => {
    expect(rateFunnelLimits(0, 5000, 1000)).toEqual({
      n: 5000,
      low95: 0,
      high95: 0,
      low998: 0,
      high998: 0,
    });
  });

  it("narrows as n grows and contains the target", () => {
    let previous = Number.POSITIVE_INFINITY;
    for (const n of [1000, 10_000, 100_000, 1_000_000]) {
      const limits = rateFunnelLimits(250, n, 1000);
      expect(width95(limits)).toBeLessThan(previous);
      expect(limits.low95).toBeLessThanOrEqual(250);
      expect(limits.high95).toBeGreaterThanOrEqual(250);
      previous = width95(limits);
    }
  });

  it("rejects n = 0 and a non-positive per", () => {
    expect(() => rateFunnelLimits(5, 0, 1000)).toThrow(RangeError);
    expect(() => rateFunnelLimits(5, 10, 0)).toThrow(RangeError);
  });
});

describe("funnelPosition", () => {
  const limits = shareFunnelLimits(0.1, 100); // [0.05, 0.16] and [0.02, 0.20]

  it("sorts values into the five bands, a value on a limit being inside", () => {
    expect(funnelPosition(0.21, limits)).toBe("above998");
    expect(funnelPosition(0.17, limits)).toBe("above95");
    expect(funnelPosition(0.2, limits)).toBe("above95");
    expect(funnelPosition(0.16, limits)).toBe("within");
    expect(funnelPosition(0.1, limits)).toBe("within");
    expect(funnelPosition(0.05, limits)).toBe("within");
    expect(funnelPosition(0.04, limits)).toBe("below95");
    expect(funnelPosition(0.02, limits)).toBe("below95");
    expect(funnelPosition(0.01, limits)).toBe("below998");
  });

  it("keeps a limit count computed another way on the limit: 0.1 + 0.06 = 0.16000000000000003", () => {
    expect(funnelPosition(0.1 + 0.06, limits)).toBe("within");
  });

  it("rejects NaN", () => {
    expect(() => funnelPosition(Number.NaN, limits)).toThrow(RangeError);
  });
});

describe("funnelCurve", () => {
  it("log-spaces n from nMin to nMax: 10, 100, …, 1e5 in 5 steps", () => {
    const curve = funnelCurve("share", 0.1, 10, 100_000, 5);
    expect(curve.map((point) => point.n)).toEqual([10, 100, 1000, 10_000, 100_000]);
    expect(curve[1]).toEqual(shareFunnelLimits(0.1, 100));
    for (let i = 1; i < curve.length; i++) {
      expect(width95(curve[i]!)).toBeLessThan(width95(curve[i - 1]!));
    }
  });

  it("rounds share denominators and drops repeats: 3^(i/9) for i = 0..9 gives 1, 2, 3", () => {
    // 1, 1.13, 1.28, 1.44 -> 1; 1.63, 1.84, 2.08, 2.35 -> 2; 2.65, 3 -> 3.
    expect(funnelCurve("share", 0.5, 1, 3, 10).map((point) => point.n)).toEqual([1, 2, 3]);
  });

  it("keeps real n for rates and ends exactly on nMax", () => {
    const curve = funnelCurve("rate", 5, 1000, 4000, 3, 1000);
    expect(curve.map((point) => point.n)).toEqual([1000, 2000, 4000]);
    expect(curve[0]).toEqual(rateFunnelLimits(5, 1000, 1000));
  });

  it("needs per for rates, at least two steps and 0 < nMin ≤ nMax", () => {
    expect(() => funnelCurve("rate", 5, 10, 100, 5)).toThrow(RangeError);
    expect(() => funnelCurve("share", 0.1, 10, 100, 1)).toThrow(RangeError);
    expect(() => funnelCurve("share", 0.1, 100, 10, 5)).toThrow(RangeError);
    expect(() => funnelCurve("share", 0.1, 0, 10, 5)).toThrow(RangeError);
  });
});
