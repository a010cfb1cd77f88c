import { describe, expect, it } from "vitest";
import {
  directlyStandardised,
  directlyStandardisedInterval,
  type StratumCounts,
} from "./standardise.ts";

function expectRelative(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// Standard: 6000 + 3000 + 1000 = 10000 persons, so weights 0.6, 0.3 and 0.1.
const standard = new Map([
  ["0-64", 6000],
  ["65-79", 3000],
  ["80+", 1000],
]);

// An old unit: 12/400 = 0.03, 30/500 = 0.06, 20/100 = 0.2; crude 62/1000 = 0.062.
const oldUnit = new Map<string, StratumCounts>([
  ["0-64", { events: 12, persons: 400 }],
  ["65-79", { events: 30, persons: 500 }],
  ["80+", { events: 20, persons: 100 }],
]);

describe("directlyStandardised", () => {
  it("weights the stratum rates by the standard: 0.6·0.03 + 0.3·0.06 + 0.1·0.2 = 0.056", () => {
    // Below the crude 0.062: the unit is older than the standard.
    expectRelative(directlyStandardised(oldUnit, standard)!, 0.056);
  });

  it("does the same with age × sex keys over four strata", () => {
    // Standard 1000/1000/500/500 -> weights 1/3, 1/3, 1/6, 1/6.
    // Rates 10/100 = 0.1, 5/100 = 0.05, 8/40 = 0.2, 6/20 = 0.3.
    // 0.1/3 + 0.05/3 + 0.2/6 + 0.3/6 = 0.05 + 0.0833333 = 0.1333333.
    const byAgeAndSex = new Map([
      ["65-79|female", 1000],
      ["65-79|male", 1000],
      ["80+|female", 500],
      ["80+|male", 500],
    ]);
    const unit = new Map<string, StratumCounts>([
      ["65-79|female", { events: 10, persons: 100 }],
      ["65-79|male", { events: 5, persons: 100 }],
      ["80+|female", { events: 8, persons: 40 }],
      ["80+|male", { events: 6, persons: 20 }],
    ]);
    expectRelative(directlyStandardised(unit, byAgeAndSex)!, 0.4 / 3);
  });

  it("counts a stratum where the unit has no persons as rate 0: 0.018 + 0.018 + 0.1·0 = 0.036", () => {
    const missing = new Map<string, StratumCounts>([
      ["0-64", { events: 12, persons: 400 }],
      ["65-79", { events: 30, persons: 500 }],
    ]);
    expectRelative(directlyStandardised(missing, standard)!, 0.036);
    const empty = new Map(missing).set("80+", { events: 0, persons: 0 });
    expectRelative(directlyStandardised(empty, standard)!, 0.036);
  });

  it("is 0 for a unit with persons and no events", () => {
    const none = new Map<string, StratumCounts>([["65-79", { events: 0, persons: 250 }]]);
    expect(directlyStandardised(none, standard)).toBe(0);
  });

  it("is null when the unit has no persons at all", () => {
    expect(directlyStandardised(new Map(), standard)).toBeNull();
    const zero = new Map<string, StratumCounts>([["80+", { events: 0, persons: 0 }]]);
    expect(directlyStandardised(zero, standard)).toBeNull();
  });

  it("rejects a unit stratum with persons the standard lacks, and an empty standard", () => {
    const typo = new Map<string, StratumCounts>([["65-79|F", { events: 1, persons: 10 }]]);
    expect(() => directlyStandardised(typo, standard)).toThrow(RangeError);
    expect(() => directlyStandardised(oldUnit, new Map([["0-64", 0]]))).toThrow(RangeError);
  });
});

describe("directlyStandardisedInterval (Fay–Feuer)", () => {
  it("with one stratum is the Garwood interval over n: [4.7954, 18.3904]/2000", () => {
    const one = new Map<string, StratumCounts>([["all", { events: 10, persons: 2000 }]]);
    const interval = directlyStandardisedInterval(one, new Map([["all", 5]]))!;
    expectRelative(interval.low, 4.795388696132434 / 2000);
    expectRelative(interval.high, 18.39035604201778 / 2000);
  });

  it("with no events is [0, −ln 0.025 · max w/n] = [0, 3.6889/2000]", () => {
    const none = new Map<string, StratumCounts>([["all", { events: 0, persons: 2000 }]]);
    const interval = directlyStandardisedInterval(none, new Map([["all", 5]]))!;
    expect(interval.low).toBe(0);
    expectRelative(interval.high, 3.6888794541139354 / 2000);
  });

  it("for three strata uses v = Σ(w/n)²·events and m = max w/n", () => {
    // w/n = 0.0015, 0.0006, 0.001; y = 0.056; m = 0.0015;
    // v = 2.25e-6·12 + 3.6e-7·30 + 1e-6·20 = 5.78e-5.
    // low  = v/(2y)·χ²(0.025; 2y²/v = 108.512) = 0.042099
    // high = (v + m²)/(2(y + m))·χ²(0.975; 2(y + m)²/(v + m²) = 110.117) = 0.073652
    const interval = directlyStandardisedInterval(oldUnit, standard)!;
    expectRelative(interval.low, 0.04209941637742084);
    expectRelative(interval.high, 0.07365188307584711);
    expect(interval.low).toBeLessThan(0.056);
    expect(interval.high).toBeGreaterThan(0.056);
  });

  it("is null when the unit has no persons", () => {
    expect(directlyStandardisedInterval(new Map(), standard)).toBeNull();
  });
});
