import { describe, expect, it } from "vitest";
import {
  completePeriods,
  dayBefore,
  formatPeriod,
  periodBefore,
  periodKindOf,
  periodStart,
  startOfPeriodHolding,
} from "./periods";

describe("period labels", () => {
  it("knows a label's kind", () => {
    expect(periodKindOf("2026-03")).toBe("month");
    expect(periodKindOf("2026-Q3")).toBe("quarter");
    expect(periodKindOf("2026")).toBe("year");
    expect(periodKindOf("2026-Q5")).toBeNull();
  });

  it("gives a period's first day", () => {
    // Q3 starts with month (3 - 1) * 3 + 1 = 7.
    expect(periodStart("2026-Q3")).toBe("2026-07-01");
    expect(periodStart("2027-Q1")).toBe("2027-01-01");
    expect(periodStart("2026-11")).toBe("2026-11-01");
    expect(periodStart("2027")).toBe("2027-01-01");
    expect(periodStart("nonsense")).toBeNull();
  });

  it("counts periods back across a year", () => {
    // February 2027 minus 3 months is November 2026.
    expect(periodBefore("month", "2027-02-01", 3)).toBe("2026-11");
    // Q1 2027 (starts January) minus 2 quarters is Q3 2026.
    expect(periodBefore("quarter", "2027-01-01", 2)).toBe("2026-Q3");
    expect(periodBefore("year", "2027-01-01", 11)).toBe("2016");
  });

  it("names periods in Danish and English", () => {
    expect(formatPeriod("2026-Q3", "da")).toBe("3. kvt. 2026");
    expect(formatPeriod("2026-Q3", "en")).toBe("Q3 2026");
    expect(formatPeriod("2026-03", "da")).toBe("marts 2026");
    expect(formatPeriod("2026-03", "en")).toBe("March 2026");
    expect(formatPeriod("2026", "da")).toBe("2026");
  });

  it("finds the period that holds a day, and the day before a date", () => {
    expect(startOfPeriodHolding("quarter", "2026-11-20")).toBe("2026-10-01");
    expect(startOfPeriodHolding("month", "2026-11-20")).toBe("2026-11-01");
    expect(startOfPeriodHolding("year", "2026-11-20")).toBe("2026-01-01");
    expect(dayBefore("2026-11-01")).toBe("2026-10-31");
    expect(dayBefore("2027-01-01")).toBe("2026-12-31");
    expect(dayBefore("2028-03-01")).toBe("2028-02-29");
  });

  it("gives the last complete periods before today", () => {
    // On 2026-11-20 Q4 is under way: the 12 complete quarters are Q4 2023 to Q3 2026.
    const quarters = completePeriods("quarter", "2026-11-20", 12);
    expect(quarters).toMatchObject({ from: "2023-10-01", to: "2026-07-01" });
    expect(quarters.labels).toHaveLength(12);
    expect([quarters.labels[0], quarters.labels[11]]).toEqual(["2023-Q4", "2026-Q3"]);
    // November is under way: 12 months back from October 2026 starts in November 2025.
    expect(completePeriods("month", "2026-11-20", 12)).toMatchObject({
      from: "2025-11-01",
      to: "2026-10-01",
    });
  });
});
