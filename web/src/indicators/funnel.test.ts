import { describe, expect, it } from "vitest";
import { funnelOption, outliers, pointClass, valueRange } from "./funnel";
import type { FunnelAnswer, FunnelPoint } from "./types";

const point = (
  code: string,
  value: number | null,
  position: FunnelPoint["position"],
): FunnelPoint => ({
  code,
  name: `Kommune ${code}`,
  denominator: value === null ? null : 1000,
  value,
  suppressed: value === null,
  position,
});

const funnel: FunnelAnswer = {
  indicator: "acute-readmission-30d",
  computedAt: "2026-10-01T08:00:00.000Z",
  period: "2026-Q3",
  complete: true,
  national: 0.1,
  points: [
    point("101", 0.25, "above998"),
    point("147", 0.14, "above95"),
    point("151", 0.1, "within"),
    point("153", 0.02, "below998"),
    point("155", null, null),
  ],
  curve: [
    { n: 100, low95: 0.04, high95: 0.16, low998: 0.01, high998: 0.2 },
    { n: 2000, low95: 0.087, high95: 0.113, low998: 0.08, high998: 0.12 },
  ],
};

const labels = {
  xAxis: "Nævner",
  yAxis: "procent",
  number: (value: number) => String(value),
  national: "Landsværdi",
  limit95: "95 %",
  limit998: "99,8 %",
  classes: { within: "inden for", outside95: "uden for 95", outside998: "uden for 99,8" },
  tooltip: (p: FunnelPoint) => p.name,
};

describe("the funnel plot", () => {
  it("sorts points into three classes by their position", () => {
    expect(pointClass("above998")).toBe("outside998");
    expect(pointClass("below95")).toBe("outside95");
    expect(pointClass("within")).toBe("within");
    expect(pointClass(null)).toBeNull();
  });

  it("names the units outside 99.8 %, highest first, and never a suppressed one", () => {
    expect(outliers(funnel.points).map((p) => p.code)).toEqual(["101", "153"]);
  });

  it("draws the outside-99.8 % points as triangles, the one below pointing down", () => {
    const option = funnelOption({ funnel, kind: "share", labels, highlight: null });
    const series = option.series as { name: string; symbol?: string; data: unknown[] }[];
    const outside = series.find((s) => s.name === "uden for 99,8");
    expect(outside?.symbol).toBe("triangle");
    const data = outside?.data as { name: string; value: number[]; symbolRotate: number }[];
    // Shares are drawn in per cent: 0.25 → 25, 0.02 → 2.
    expect(data.map((d) => [d.name, d.value[1], d.symbolRotate])).toEqual([
      ["101", 25, 0],
      ["153", 2, 180],
    ]);
    expect(series.find((s) => s.name === "inden for")?.symbol).toBe("circle");
    expect(series.find((s) => s.name === "uden for 95")?.symbol).toBe("rect");
  });

  it("draws the national value across the curve's span", () => {
    const option = funnelOption({ funnel, kind: "share", labels, highlight: null });
    const series = option.series as { name: string; data: unknown[] }[];
    // 0.1 as per cent is 10, from n = 100 to n = 2000.
    expect(series.find((s) => s.name === "Landsværdi")?.data).toEqual([
      [100, 10],
      [2000, 10],
    ]);
  });

  it("draws the units outside a highlighted region faint", () => {
    const option = funnelOption({ funnel, kind: "share", labels, highlight: new Set(["101"]) });
    const series = option.series as {
      name: string;
      data: { name: string; itemStyle: { opacity: number } }[];
    }[];
    const outside = series.find((s) => s.name === "uden for 99,8")?.data ?? [];
    expect(outside.map((d) => d.itemStyle.opacity)).toEqual([1, 0.25]);
  });

  it("stops a limit at zero rather than below", () => {
    const low = {
      ...funnel,
      curve: [{ n: 10, low95: -0.01, high95: 0.3, low998: -0.05, high998: 0.4 }],
    };
    const option = funnelOption({ funnel: low, kind: "share", labels, highlight: null });
    const series = option.series as { name: string; data: unknown[] }[];
    // Both 99.8 % lines share a name: the lower (-5 %) is drawn at 0, the upper at 40 %.
    expect(series.filter((s) => s.name === "99,8 %").map((s) => s.data)).toEqual([
      [[10, 0]],
      [[10, 40]],
    ]);
  });

  it("spans the value axis over the points and the limits at the smallest unit's size", () => {
    // In per cent: points 25, 14, 10, 2; national 10; the smallest size is 1000, whose
    // nearest computed limits at or above are those of n = 2000: 8 and 12. From 2 to 25,
    // with 5 % of the 23 as margin: 2 - 1.15 = 0.85 and 25 + 1.15 = 26.15.
    const range = valueRange({ funnel, kind: "share", labels, highlight: null });
    expect(range?.min).toBeCloseTo(0.85, 10);
    expect(range?.max).toBeCloseTo(26.15, 10);
  });
});
