import type { ChartOption } from "./echarts";
import { chartValue } from "./numbers";
import type { Row, ValueKind } from "./types";

/** One line of a trend: a unit's rows by period label. */
export type TrendLine = {
  name: string;
  rows: ReadonlyMap<string, Row>;
  /** The unit in focus is drawn solid with its 95 % band; comparisons dashed or dotted. */
  role: "main" | "region" | "country" | "body";
};

export type TrendLabels = {
  yAxis: string;
  band: string;
  period: (label: string) => string;
  /** Axis numbers in the page's language. */
  number: (value: number) => string;
  /** A row's figure for the tooltip: value and interval, or why there is none. */
  figure: (row: Row | undefined) => string;
  /** The word after a provisional figure in the tooltip. */
  provisional: string;
};

export const lineStyles: Record<
  TrendLine["role"],
  {
    colour: string;
    type: "solid" | "dashed" | "dotted";
    symbol: "circle" | "rect" | "triangle" | "diamond";
  }
> = {
  main: { colour: "#1f5fa8", type: "solid", symbol: "circle" },
  body: { colour: "#2a7a4b", type: "dashed", symbol: "diamond" },
  region: { colour: "#9c4f00", type: "dashed", symbol: "rect" },
  country: { colour: "#1a1a1a", type: "dotted", symbol: "triangle" },
};

export const bandColour = "rgba(31, 95, 168, 0.18)";

function valueAt(line: TrendLine, period: string, kind: ValueKind): number | null {
  const row = line.rows.get(period);
  return row && !row.suppressed && row.value !== null ? chartValue(row.value, kind) : null;
}

/**
 * A point of a line: a provisional one (its period not final yet) is drawn
 * hollow with a dashed rim, so a low last month is not read as a fall.
 */
function pointAt(line: TrendLine, period: string, kind: ValueKind) {
  const value = valueAt(line, period, kind);
  if (value === null || line.rows.get(period)?.complete !== false) return value;
  const colour = lineStyles[line.role].colour;
  return {
    value,
    itemStyle: {
      color: "#ffffff",
      borderColor: colour,
      borderWidth: 2,
      borderType: "dashed" as const,
      opacity: 0.85,
    },
  };
}

/** The 95 % band of the main line: its lower edge, and the width above it, stacked. */
function band(main: TrendLine, periods: readonly string[], kind: ValueKind, name: string) {
  const edges = periods.map((p) => {
    const row = main.rows.get(p);
    return row && !row.suppressed && row.ciLow !== null && row.ciHigh !== null
      ? [chartValue(row.ciLow, kind), chartValue(row.ciHigh, kind)]
      : null;
  });
  const common = {
    type: "line" as const,
    stack: "band",
    symbol: "none",
    silent: true,
    lineStyle: { opacity: 0 },
    tooltip: { show: false },
  };
  return [
    { ...common, name: `${name}-low`, data: edges.map((e) => e?.[0] ?? null) },
    {
      ...common,
      name,
      data: edges.map((e) => (e ? (e[1] ?? 0) - (e[0] ?? 0) : null)),
      areaStyle: { color: bandColour },
      itemStyle: { color: bandColour },
    },
  ];
}

/** Lines over the periods: the unit in focus with its band, and what it is compared with. */
export function trendOption(
  periods: readonly string[],
  lines: readonly TrendLine[],
  kind: ValueKind,
  labels: TrendLabels,
): ChartOption {
  const main = lines.find((l) => l.role === "main");
  const shown = lines.map((line) => {
    const style = lineStyles[line.role];
    return {
      type: "line" as const,
      name: line.name,
      data: periods.map((p) => pointAt(line, p, kind)),
      symbol: style.symbol,
      symbolSize: line.role === "main" ? 7 : 6,
      connectNulls: false,
      lineStyle: { color: style.colour, type: style.type, width: line.role === "main" ? 2.5 : 1.5 },
      itemStyle: { color: style.colour },
      z: line.role === "main" ? 3 : 2,
    };
  });
  return {
    animation: false,
    textStyle: { fontFamily: "IBM Plex Sans, Arial, sans-serif" },
    tooltip: {
      trigger: "axis",
      confine: true,
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const index = first?.dataIndex ?? 0;
        const period = periods[index] ?? "";
        const items = lines.map((l) => {
          const row = l.rows.get(period);
          const mark = row && !row.complete ? ` (${labels.provisional})` : "";
          return `${escapeHtml(l.name)}: ${escapeHtml(labels.figure(row) + mark)}`;
        });
        return [`<strong>${escapeHtml(labels.period(period))}</strong>`, ...items].join("<br>");
      },
    },
    grid: { left: 4, right: 12, top: 28, bottom: 8, containLabel: true },
    xAxis: {
      type: "category",
      data: periods.map(labels.period),
      boundaryGap: false,
      axisLabel: { hideOverlap: true, fontSize: 11 },
    },
    yAxis: {
      type: "value",
      name: labels.yAxis,
      scale: true,
      nameTextStyle: { align: "left" },
      axisLabel: { formatter: (value: number) => labels.number(value) },
    },
    series: [...(main ? band(main, periods, kind, labels.band) : []), ...shown],
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
