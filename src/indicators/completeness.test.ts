import { describe, expect, it } from "vitest";
import {
  isComplete,
  lastCompleteMonth,
  lastCompletePeriod,
  monthComplete,
  settledAt,
} from "./completeness.ts";
import { periodEnd } from "./periods.ts";

const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);
const minuteBefore = (d: Date) => new Date(d.getTime() - MINUTE);

describe("whether a period's figures are final", () => {
  it("a month is final the instant it ends in Danish time, with nothing to settle", () => {
    // March 2026 ends at 1 April 00:00 Danish summer time, 31 March 22:00 UTC.
    const end = at("2026-03-31T22:00:00Z");
    expect(settledAt(periodEnd("month", "2026-03"), 0)).toEqual(end);
    expect(isComplete("2026-04-01", 0, end)).toBe(true);
    expect(isComplete("2026-04-01", 0, minuteBefore(end))).toBe(false);
  });

  it("waits exactly 30 days of 24 hours after the end for a 30-day indicator", () => {
    const settled = at("2026-04-30T22:00:00Z"); // 31 March 22:00 UTC + 30 × 24 h
    expect(monthComplete("2026-03", 30, settled)).toBe(true);
    expect(monthComplete("2026-03", 30, minuteBefore(settled))).toBe(false);
    expect(monthComplete("2026-03", 30, at("2026-03-31T22:00:00Z"))).toBe(false);
  });

  it("reads winter months at +1: January ends at 31 January 23:00 UTC", () => {
    expect(monthComplete("2026-01", 0, at("2026-01-31T23:00:00Z"))).toBe(true);
    expect(monthComplete("2026-01", 0, at("2026-01-31T22:59:00Z"))).toBe(false);
    // A quarter ends with its last month.
    expect(isComplete(periodEnd("quarter", "2026-Q1"), 0, at("2026-03-31T21:59:00Z"))).toBe(false);
    expect(isComplete(periodEnd("quarter", "2026-Q1"), 0, at("2026-03-31T22:00:00Z"))).toBe(true);
  });

  it("names the last final month, agreeing with the rule at its boundaries", () => {
    const settled = at("2026-04-30T22:00:00Z");
    expect(lastCompleteMonth(30, settled)).toBe("2026-03");
    expect(lastCompleteMonth(30, minuteBefore(settled))).toBe("2026-02");
    expect(lastCompleteMonth(0, at("2026-08-10T12:00:00Z"))).toBe("2026-07");
    expect(lastCompleteMonth(0, at("2027-01-01T00:00:00Z"))).toBe("2026-12");
    expect(lastCompleteMonth(0, at("2026-12-31T22:59:00Z"))).toBe("2026-11");
    for (const now of [settled, minuteBefore(settled), at("2026-06-15T08:00:00Z")])
      for (const days of [0, 1, 7, 30]) {
        const last = lastCompleteMonth(days, now);
        expect(monthComplete(last, days, now)).toBe(true);
        const [y = 0, m = 1] = last.split("-").map(Number);
        const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
        expect(monthComplete(next, days, now)).toBe(false);
      }
  });

  it("names the last final period of each kind, for the funnel plot's default", () => {
    const now = at("2026-05-10T12:00:00Z");
    expect(lastCompletePeriod("month", 0, now)).toBe("2026-04");
    // April's 30 days have not all passed: March is the last final month.
    expect(lastCompletePeriod("month", 30, now)).toBe("2026-03");
    expect(lastCompletePeriod("quarter", 0, now)).toBe("2026-Q1");
    expect(lastCompletePeriod("quarter", 30, at("2026-04-20T12:00:00Z"))).toBe("2025-Q4");
    expect(lastCompletePeriod("quarter", 30, at("2026-04-30T22:00:00Z"))).toBe("2026-Q1");
    expect(lastCompletePeriod("year", 30, at("2027-01-20T12:00:00Z"))).toBe("2025");
    expect(lastCompletePeriod("year", 0, at("2027-01-01T00:00:00+01:00"))).toBe("2026");
    for (const kind of ["month", "quarter", "year"] as const)
      for (const days of [0, 1, 7, 14, 30]) {
        const last = lastCompletePeriod(kind, days, now);
        expect(isComplete(periodEnd(kind, last), days, now)).toBe(true);
      }
  });
});
