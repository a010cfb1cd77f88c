import { describe, expect, it } from "vitest";
import {
  comparisonOf,
  type EffectRow,
  effectOf,
  estimateOf,
  pool,
  verdictOf,
  windowsOf,
} from "./initiative-effect.ts";
import {
  type ContentContext,
  checkInitiative,
  type InitiativeInput,
  statusRefusal,
} from "./initiative-model.ts";

const ctx: ContentContext = {
  indicators: new Map([
    [
      "acute-readmission-30d",
      {
        id: "acute-readmission-30d",
        valueKind: "share",
        higherIsBetter: false,
        ageBands: ["65+"],
        attributions: ["residence"],
      },
    ],
    [
      "confirm-time",
      {
        id: "confirm-time",
        valueKind: "hours",
        higherIsBetter: false,
        ageBands: [],
        attributions: ["residence"],
      },
    ],
  ]),
  municipalityCodes: new Set(["370", "330", "340"]),
};

const good: InitiativeInput = {
  title: "Færre genindlæggelser blandt 65+",
  goal: "Opfølgende besøg efter udskrivelse.",
  public: true,
  indicatorId: "acute-readmission-30d",
  ageBand: "65+",
  baseline: "14.5",
  target: 12,
  municipalityCodes: ["370", "330"],
  practices: ["Lægerne i Næstved"],
  budget: [{ party: "Region Sjælland", amount: "250000.50", currency: "DKK" }],
  start: "2026-03-01",
  end: "2027-02-28",
  milestones: [{ title: "Første besøg", due: "2026-04-01", done: true }],
};

const fields = (input: InitiativeInput) => {
  const r = checkInitiative(input, ctx);
  return "problems" in r ? r.problems.map((p) => p.field).sort() : [];
};

describe("an initiative's content", () => {
  it("keeps money as whole øre and values as hundredths", () => {
    const r = checkInitiative(good, ctx);
    if (!("content" in r)) throw new Error("refused");
    expect(r.content.budget).toEqual([
      { party: "Region Sjælland", amountOre: 25_000_050, currency: "DKK" },
    ]);
    expect(r.content.baselineHundredths).toBe(1450);
    expect(r.content.targetHundredths).toBe(1200);
  });

  it("refuses bad money, each naming its field", () => {
    const bad = {
      ...good,
      budget: [
        { party: "Region", amount: "-1", currency: "DKK" },
        { party: "Næstved", amount: 10, currency: "EUR" },
        { party: "Slagelse", amount: "10.005", currency: "kr." },
      ],
    };
    expect(fields(bad)).toEqual(["budget.0.amount", "budget.1.currency", "budget.2.amount"]);
  });

  it("refuses an end before the start and no target indicator, naming the fields", () => {
    expect(fields({ ...good, end: "2026-02-28" })).toEqual(["end"]);
    expect(fields({ ...good, indicatorId: null })).toEqual(["indicatorId"]);
    expect(fields({ ...good, indicatorId: "confirm-time", ageBand: null })).toEqual([
      "indicatorId",
    ]);
    expect(fields({ ...good, municipalityCodes: ["999"] })).toEqual(["municipalityCodes.0"]);
  });

  it("finishes only with an evaluation, one step at a time, by an editor", () => {
    const kept = { outcome: "kept" as const, text: "Det virker." };
    expect(statusRefusal("running", "finished", "coordinator", null)?.field).toBe("evaluation");
    expect(statusRefusal("running", "finished", "coordinator", kept)).toBeNull();
    expect(statusRefusal("planned", "finished", "coordinator", kept)?.problem).toBe("notNext");
    expect(statusRefusal("planned", "running", "citizen_representative", null)?.problem).toBe(
      "roleMayNotStep",
    );
  });
});

describe("the effect", () => {
  it("compares the months since the start with as many months before", () => {
    // Every month up to today's final (an indicator final at once would still wait for today's month to end).
    expect(windowsOf("2026-03-15", "2026-12-31", "2026-08-10", "2026-08")).toEqual({
      before: ["2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02"],
      after: ["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"],
      notFinal: [],
    });
    expect(windowsOf("2026-11-01", "2027-01-31", "2028-01-01", "2027-11").before).toEqual([
      "2026-08",
      "2026-09",
      "2026-10",
    ]);
    expect(windowsOf("2026-09-01", "2027-01-31", "2026-08-10", "2026-07")).toEqual({
      before: [],
      after: [],
      notFinal: [],
    });
    // Ten years in: five years on each side, the engine's limit.
    const long = windowsOf("2020-01-01", "2030-12-31", "2030-06-01", "2030-04");
    expect([long.before.length, long.after.at(-1), long.before[0]]).toEqual([
      60,
      "2024-12",
      "2015-01",
    ]);
  });

  it("ends the after-window with the last final month and keeps the before-window as long", () => {
    // On 10 August a 30-day indicator is final up to June: July and August are left out.
    expect(windowsOf("2026-03-15", "2026-12-31", "2026-08-10", "2026-06")).toEqual({
      before: ["2025-11", "2025-12", "2026-01", "2026-02"],
      after: ["2026-03", "2026-04", "2026-05", "2026-06"],
      notFinal: ["2026-07", "2026-08"],
    });
    // A finished initiative whose last month is final leaves nothing out.
    expect(windowsOf("2026-01-01", "2026-03-31", "2026-08-10", "2026-06").notFinal).toEqual([]);
    // Started this month: nothing final after the start yet, and no before either.
    expect(windowsOf("2026-08-01", "2026-12-31", "2026-08-10", "2026-06")).toEqual({
      before: [],
      after: [],
      notFinal: ["2026-08"],
    });
  });

  it("pools the units' rows and skips suppressed ones without adding them back", () => {
    const rows: EffectRow[] = [
      { code: "370", period: "2026-01", numerator: 10, denominator: 50, suppressed: false },
      { code: "330", period: "2026-01", numerator: 30, denominator: 50, suppressed: false },
      { code: "330", period: "2026-02", numerator: null, denominator: null, suppressed: true },
      { code: "340", period: "2026-01", numerator: 99, denominator: 100, suppressed: false },
    ];
    const p = pool(rows, new Set(["370", "330"]), ["2026-01", "2026-02"], "share");
    expect(p).toMatchObject({ numerator: 40, denominator: 100, value: 40, rows: 2, skipped: 1 });
    // Wilson 40/100: 30.94% to 49.80%.
    expect(p.low).toBeCloseTo(30.94, 2);
    expect(p.high).toBeCloseTo(49.8, 2);
  });

  it("gives a rate per 1000 the exact Poisson interval", () => {
    // Garwood 95% for 10 events: 4.795 to 18.390; per 1000 of 1000 they are the same numbers.
    const e = estimateOf(10, 1000, "per-1000");
    expect(e.value).toBe(10);
    expect(e.low).toBeCloseTo(4.7954, 3);
    expect(e.high).toBeCloseTo(18.3904, 3);
  });

  const share = (k: number, n: number) =>
    pool(
      [{ code: "x", period: "m", numerator: k, denominator: n, suppressed: false }],
      new Set(["x"]),
      ["m"],
      "share",
    );

  it("calls a clear fall against a steady comparison improved (lower is better)", () => {
    // 40/100 [30.9, 49.8] to 20/100 [13.3, 28.9]: apart; comparison 40/100 to 38/100 overlaps.
    const v = verdictOf(
      { before: share(40, 100), after: share(20, 100) },
      { before: share(40, 100), after: share(38, 100) },
      false,
    );
    expect(v).toBe("improved");
    expect(
      verdictOf(
        { before: share(20, 100), after: share(40, 100) },
        { before: share(40, 100), after: share(38, 100) },
        false,
      ),
    ).toBe("worsened");
  });

  it("says too few to tell when a denominator is small, intervals overlap, or all moved alike", () => {
    // 8/20 to 1/20 is a big fall, but 20 index admissions are too few.
    expect(
      verdictOf(
        { before: share(8, 20), after: share(1, 20) },
        { before: share(40, 100), after: share(38, 100) },
        false,
      ),
    ).toBe("too-few-to-tell");
    // 40/100 [30.9, 49.8] and 35/100 [26.4, 44.7] overlap.
    expect(
      verdictOf(
        { before: share(40, 100), after: share(35, 100) },
        { before: share(40, 100), after: share(38, 100) },
        false,
      ),
    ).toBe("too-few-to-tell");
    expect(
      verdictOf(
        { before: share(40, 100), after: share(20, 100) },
        { before: share(40, 100), after: share(20, 100) },
        false,
      ),
    ).toBe("too-few-to-tell");
  });

  it("takes the region's municipalities when the body has too few others", () => {
    expect(comparisonOf(["370"], ["370", "330", "340"], ["1", "2"])).toEqual({
      codes: ["330", "340"],
      basis: "body",
    });
    expect(comparisonOf(["370", "330"], ["370", "330", "340"], ["370", "340", "350"])).toEqual({
      codes: ["340", "350"],
      basis: "region",
    });
  });

  it("puts it together from the engine's rows", () => {
    const rows: EffectRow[] = [
      { code: "370", period: "2025-12", numerator: 40, denominator: 100, suppressed: false },
      { code: "370", period: "2026-01", numerator: 20, denominator: 100, suppressed: false },
      { code: "340", period: "2025-12", numerator: 40, denominator: 100, suppressed: false },
      { code: "340", period: "2026-01", numerator: 38, denominator: 100, suppressed: false },
      { code: "340", period: "2026-01", numerator: null, denominator: null, suppressed: true },
    ];
    const e = effectOf({
      rows,
      windows: { before: ["2025-12"], after: ["2026-01"], notFinal: [] },
      participants: ["370"],
      comparison: ["340"],
      basis: "body",
      kind: "share",
      higherIsBetter: false,
    });
    expect(e.verdict).toBe("improved");
    expect(e.comparison.after).toMatchObject({ numerator: 38, denominator: 100, skipped: 1 });
  });
});
