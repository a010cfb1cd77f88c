import { describe, expect, it } from "vitest";
import {
  binomialCdf,
  binomialUpperTail,
  firstTrue,
  inverseRegularizedGammaP,
  logGamma,
  poissonCdf,
  poissonUpperTail,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
} from "./special-functions.ts";

function expectRelative(actual: number, expected: number, tolerance = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe("logGamma", () => {
  it("matches factorials and Γ(½) = √π on both sides of the Stirling switch at 10", () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expectRelative(logGamma(0.5), 0.5723649429247001); // ln √π
    expectRelative(logGamma(5), 3.1780538303479458); // ln 24
    expectRelative(logGamma(9.5), 11.689333420797269); // ln(17!!·√π/2⁹) = ln 119292.46
    expectRelative(logGamma(10), 12.801827480081469); // ln 362880
    expectRelative(logGamma(0.1), 2.252712651734206); // ln 9.513507698668732
    expectRelative(logGamma(100), 359.1342053695754); // ln 99!
  });

  it("rejects x ≤ 0", () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe("regularized incomplete gamma", () => {
  it("P(1, x) = 1 − e^−x and P(½, x) = erf(√x)", () => {
    expectRelative(regularizedGammaP(1, 2), 1 - Math.exp(-2));
    expectRelative(regularizedGammaQ(1, 30), Math.exp(-30));
    expectRelative(regularizedGammaP(0.5, 1), 0.8427007929497149); // erf(1)
  });

  it("P(3, x) = 1 − e^−x(1 + x + x²/2) on both sides of the series/fraction switch at a + 1", () => {
    for (const x of [0.5, 3.9, 4.1, 12]) {
      const closed = 1 - Math.exp(-x) * (1 + x + (x * x) / 2);
      expectRelative(regularizedGammaP(3, x), closed);
      expectRelative(regularizedGammaQ(3, x), 1 - closed);
    }
  });

  it("at a = x = 1e6 is ½ + 1/(3√(2πa)) = 0.500132981 (the gamma's median lies below its mean)", () => {
    expectRelative(regularizedGammaP(1e6, 1e6), 0.5001329807608725, 1e-11);
  });

  it("is 0 and 1 at the ends", () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaP(2, Number.POSITIVE_INFINITY)).toBe(1);
  });
});

describe("inverseRegularizedGammaP", () => {
  it("inverts P(1, x): x = −ln(1 − p)", () => {
    for (const p of [1e-9, 0.025, 0.5, 0.975, 0.999999]) {
      expectRelative(inverseRegularizedGammaP(1, p), -Math.log1p(-p), 1e-12);
    }
  });

  it("inverts the closed form of P(3, x) and a small shape 0.05", () => {
    for (const p of [0.001, 0.5, 0.999]) {
      const x = inverseRegularizedGammaP(3, p);
      expectRelative(1 - Math.exp(-x) * (1 + x + (x * x) / 2), p, 1e-12);
      expectRelative(regularizedGammaP(0.05, inverseRegularizedGammaP(0.05, p)), p, 1e-12);
    }
  });

  it("gives 0 at p = 0 and Infinity at p = 1", () => {
    expect(inverseRegularizedGammaP(2, 0)).toBe(0);
    expect(inverseRegularizedGammaP(2, 1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("regularizedBeta", () => {
  it("I_x(1, 1) = x, I_x(a, 1) = xᵃ, I_x(1, b) = 1 − (1 − x)ᵇ", () => {
    expectRelative(regularizedBeta(0.3, 1, 1), 0.3);
    expectRelative(regularizedBeta(0.3, 4, 1), 0.3 ** 4);
    expectRelative(regularizedBeta(0.3, 1, 4), 1 - 0.7 ** 4);
  });

  it("I_½(a, a) = ½ by symmetry, also for a = 5e5", () => {
    expectRelative(regularizedBeta(0.5, 7, 7), 0.5);
    expectRelative(regularizedBeta(0.5, 5e5, 5e5), 0.5, 1e-10);
  });

  it("keeps relative accuracy deep in the tail: I_1e-5(10, 10) = C(19, 9)·1e-50·(1 − …) ≈ 9.237e-46", () => {
    // Σ_{j≥10} C(19, j)·1e-5^j·(1 − 1e-5)^(19−j) ≈ 92378·1e-50·(1 − 9·1e-5 + …).
    expectRelative(regularizedBeta(1e-5, 10, 10), 9.23704420771281e-46, 1e-11);
  });
});

describe("binomial and Poisson tails", () => {
  it("Bin(4, ½): P(R ≤ 2) = 11/16 and P(R ≥ 3) = 5/16", () => {
    expectRelative(binomialCdf(2, 4, 0.5), 11 / 16);
    expectRelative(binomialUpperTail(3, 4, 0.5), 5 / 16);
  });

  it("Bin(n, θ) at the edges of k and θ", () => {
    expect(binomialCdf(-1, 4, 0.5)).toBe(0);
    expect(binomialCdf(4, 4, 0.5)).toBe(1);
    expect(binomialUpperTail(0, 4, 0.5)).toBe(1);
    expect(binomialUpperTail(5, 4, 0.5)).toBe(0);
    expect(binomialCdf(0, 4, 0)).toBe(1);
    expect(binomialCdf(3, 4, 1)).toBe(0);
    expect(binomialUpperTail(4, 4, 1)).toBe(1);
  });

  it("Poisson(2): P(K ≤ 1) = 3e⁻² and P(K ≥ 2) = 1 − 3e⁻²; mean 0 is all at 0", () => {
    expectRelative(poissonCdf(1, 2), 3 * Math.exp(-2));
    expectRelative(poissonUpperTail(2, 2), 1 - 3 * Math.exp(-2));
    expect(poissonCdf(0, 0)).toBe(1);
    expect(poissonUpperTail(1, 0)).toBe(0);
    expect(poissonCdf(-1, 3)).toBe(0);
  });
});

describe("firstTrue", () => {
  it("finds where a predicate turns true from any guess", () => {
    for (const guess of [0, 36, 37, 38, 500, 1000]) {
      expect(firstTrue((k) => k >= 37, guess, 1000)).toBe(37);
    }
    expect(firstTrue((k) => k >= 0, 20, 1000)).toBe(0);
    expect(firstTrue(() => false, 20, 50)).toBe(50); // holds(max) is taken as true
    expect(firstTrue((k) => k >= 123_456, 3, Number.POSITIVE_INFINITY)).toBe(123_456);
  });

  it("costs a handful of evaluations from a close guess", () => {
    let calls = 0;
    const at = firstTrue(
      (k) => {
        calls++;
        return k >= 500_000;
      },
      499_998,
      1_000_000,
    );
    expect(at).toBe(500_000);
    expect(calls).toBeLessThanOrEqual(6);
  });
});
