import { describe, expect, it } from "vitest";
import { followHistory } from "./municipality-trend";
import type { Row } from "./types";

const row = (code: string, period: string, periodStart: string, value: number): Row => ({
  unit: "body",
  code,
  name: code,
  period,
  periodStart,
  ageBand: null,
  sector: null,
  complete: true,
  group: null,
  numerator: 10,
  denominator: 100,
  value,
  ciLow: null,
  ciHigh: null,
  suppressed: false,
});

describe("a municipality's body over time", () => {
  it("takes each period from the body that held the municipality on its first day", () => {
    const spans = [
      { code: "klynge-naestved", validFrom: "2022-07-01", validTo: "2027-01-01" },
      { code: "midt-og-vestsjaelland", validFrom: "2027-01-01", validTo: null },
    ];
    const rows = [
      row("klynge-naestved", "2026-Q4", "2026-10-01", 1),
      row("klynge-naestved", "2027-Q1", "2027-01-01", 2),
      row("midt-og-vestsjaelland", "2026-Q4", "2026-10-01", 3),
      row("midt-og-vestsjaelland", "2027-Q1", "2027-01-01", 4),
    ];
    const line = followHistory(rows, spans);
    // Q4 2026 is the cluster's (value 1); Q1 2027 starts on the council's first day (value 4).
    expect([...line.entries()].map(([period, r]) => [period, r.value])).toEqual([
      ["2026-Q4", 1],
      ["2027-Q1", 4],
    ]);
  });
});
