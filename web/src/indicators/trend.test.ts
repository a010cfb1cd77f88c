import { describe, expect, it } from "vitest";
import { type TrendLine, trendOption } from "./trend";
import type { Row } from "./types";

const row = (period: string, value: number, complete: boolean): Row => ({
  unit: "body",
  code: "b",
  name: "b",
  period,
  periodStart: `${period}-01`,
  ageBand: null,
  sector: null,
  group: null,
  numerator: 10,
  denominator: 100,
  value,
  ciLow: null,
  ciHigh: null,
  suppressed: false,
  complete,
});

const labels = {
  yAxis: "",
  band: "band",
  period: (p: string) => p,
  number: String,
  figure: (r: Row | undefined) => String(r?.value ?? "–"),
  provisional: "foreløbig",
};

describe("a trend's provisional periods", () => {
  const line: TrendLine = {
    name: "Klyngen",
    role: "main",
    rows: new Map([
      ["2026-05", row("2026-05", 0.2, true)],
      ["2026-06", row("2026-06", 0.1, false)],
    ]),
  };
  const option = trendOption(["2026-05", "2026-06"], [line], "share", labels);
  const series = (option.series as { name: string; data: unknown[] }[]).find(
    (s) => s.name === "Klyngen",
  );

  it("draws a final point plainly and a provisional one hollow with a dashed rim", () => {
    expect(series?.data[0]).toBe(20);
    expect(series?.data[1]).toMatchObject({
      value: 10,
      itemStyle: { color: "#ffffff", borderType: "dashed" },
    });
  });

  it("says so in the tooltip", () => {
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter([{ dataIndex: 1 }])).toContain("0.1 (foreløbig)");
    expect(tooltip.formatter([{ dataIndex: 0 }])).not.toContain("foreløbig");
  });
});
