import type { ChartOption } from "./echarts";
import { chartValue } from "./numbers";
import type { FunnelAnswer, FunnelPoint, FunnelPosition, ValueKind } from "./types";

/** How a point stands against the limits: inside 95 %, outside 95 %, outside 99.8 %. */
export type PointClass = "within" | "outside95" | "outside998";

export function pointClass(position: FunnelPosition | null): PointClass | null {
  if (position === "above998" || position === "below998") return "outside998";
  if (position === "above95" || position === "below95") return "outside95";
  return position === "within" ? "within" : null;
}

/** The points outside 99.8 %, highest first: the list under the chart names them. */
export function outliers(points: readonly FunnelPoint[]): FunnelPoint[] {
  return points
    .filter((p) => !p.suppressed && pointClass(p.position) === "outside998")
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
}

/**
 * Each class differs in shape and size as well as colour (WCAG 1.4.1): a circle
 * inside the limits, a square outside 95 %, a large triangle outside 99.8 %
 * (pointing up above, down below the national value).
 */
export const pointStyle: Record<
  PointClass,
  { symbol: "circle" | "rect" | "triangle"; size: number; colour: string }
> = {
  within: { symbol: "circle", size: 8, colour: "#1f5fa8" },
  outside95: { symbol: "rect", size: 9, colour: "#9c4f00" },
  outside998: { symbol: "triangle", size: 15, colour: "#b51d09" },
};

/** The limits' and the national value's lines, also drawn in the legend. */
export const limitStyles = {
  national: { colour: "#1a1a1a", type: "solid", width: 2 },
  limit95: { colour: "#6b6b6b", type: "dashed", width: 1.5 },
  limit998: { colour: "#1a1a1a", type: "dotted", width: 1.5 },
} as const;

export type FunnelLabels = {
  xAxis: string;
  yAxis: string;
  /** Axis numbers in the page's language ("1.000" in Danish). */
  number: (value: number) => string;
  national: string;
  limit95: string;
  limit998: string;
  classes: Record<PointClass, string>;
  /** A point's tooltip, already escaped HTML. */
  tooltip: (point: FunnelPoint) => string;
};

type Input = {
  funnel: FunnelAnswer;
  kind: ValueKind;
  labels: FunnelLabels;
  /** Units to single out (a region's); the others are drawn faint. Null: all alike. */
  highlight: ReadonlySet<string> | null;
};

function limitLine(
  name: string,
  points: [number, number][],
  style: {
    readonly colour: string;
    readonly type: "solid" | "dashed" | "dotted";
    readonly width: number;
  },
) {
  return {
    type: "line" as const,
    name,
    data: points,
    showSymbol: false,
    silent: true,
    lineStyle: { color: style.colour, type: style.type, width: style.width },
    itemStyle: { color: style.colour },
    tooltip: { show: false },
    z: 1,
  };
}

function pointSeries(input: Input, cls: PointClass) {
  const style = pointStyle[cls];
  const points = input.funnel.points.filter(
    (p) =>
      !p.suppressed &&
      p.value !== null &&
      (p.denominator ?? 0) > 0 &&
      pointClass(p.position) === cls,
  );
  return {
    type: "scatter" as const,
    name: input.labels.classes[cls],
    symbol: style.symbol,
    symbolSize: style.size,
    itemStyle: { color: style.colour, borderColor: "#ffffff", borderWidth: 1 },
    z: 3,
    data: points.map((p) => ({
      name: p.code,
      value: [p.denominator ?? 0, chartValue(p.value ?? 0, input.kind)],
      symbolRotate: p.position === "below998" ? 180 : 0,
      itemStyle: { opacity: !input.highlight || input.highlight.has(p.code) ? 1 : 0.25 },
      point: p,
    })),
    tooltip: {
      formatter: (params: { data?: unknown }) => {
        const data = params.data as { point?: FunnelPoint } | undefined;
        return data?.point ? input.labels.tooltip(data.point) : "";
      },
    },
  };
}

/**
 * A limit can fall below nothing (a small unit's lower 99.8 % limit) or, for a share,
 * above all; the chart stops it at what a value can be.
 */
function possible(value: number, kind: ValueKind): number {
  const floor = Math.max(0, value);
  return kind === "share" ? Math.min(floor, 1) : floor;
}

/** The limits at a size, from the nearest computed size at or above it. */
function limitsAt(curve: readonly FunnelAnswer["curve"][number][], n: number) {
  return curve.find((c) => c.n >= n) ?? curve[curve.length - 1];
}

/**
 * The value axis spans the points, the national value and the 99.8 % limits at the
 * smallest unit's size, with a margin: the limits of still smaller sizes, which no
 * unit has, would otherwise stretch it until the points sit on one line.
 */
export function valueRange(input: Input): { min: number; max: number } | null {
  const { funnel, kind } = input;
  const curve = [...funnel.curve].sort((a, b) => a.n - b.n);
  const shown = funnel.points.filter(
    (p) => !p.suppressed && p.value !== null && (p.denominator ?? 0) > 0,
  );
  if (shown.length === 0) return null;
  const smallest = Math.min(...shown.map((p) => p.denominator ?? 0));
  const edge = limitsAt(curve, smallest);
  const values = [
    ...shown.map((p) => p.value ?? 0),
    ...(funnel.national === null ? [] : [funnel.national]),
    ...(edge ? [possible(edge.low998, kind), possible(edge.high998, kind)] : []),
  ].map((v) => chartValue(v, kind));
  const low = Math.min(...values);
  const high = Math.max(...values);
  const margin = (high - low) * 0.05 || 1;
  return { min: Math.max(0, low - margin), max: high + margin };
}

/** The national value across the curve's span, and the 95 % and 99.8 % limits on both sides. */
function limitSeries(funnel: FunnelAnswer, kind: ValueKind, labels: FunnelLabels) {
  const curve = [...funnel.curve].sort((a, b) => a.n - b.n);
  const at = (pick: (c: (typeof curve)[number]) => number) =>
    curve.map((c) => [c.n, chartValue(possible(pick(c), kind), kind)] as [number, number]);
  const span = [curve[0]?.n ?? 1, curve[curve.length - 1]?.n ?? 1];
  const national = funnel.national === null ? null : chartValue(funnel.national, kind);
  const { limit95, limit998 } = limitStyles;
  return {
    span,
    series: [
      ...(national === null
        ? []
        : [
            limitLine(
              labels.national,
              span.map((n) => [n, national] as [number, number]),
              limitStyles.national,
            ),
          ]),
      limitLine(
        labels.limit95,
        at((c) => c.low95),
        limit95,
      ),
      limitLine(
        labels.limit95,
        at((c) => c.high95),
        limit95,
      ),
      limitLine(
        labels.limit998,
        at((c) => c.low998),
        limit998,
      ),
      limitLine(
        labels.limit998,
        at((c) => c.high998),
        limit998,
      ),
    ],
  };
}

/** The funnel plot: points by size and value, the national value, and its 95 % and 99.8 % limits. */
export function funnelOption(input: Input): ChartOption {
  const { labels } = input;
  const limits = limitSeries(input.funnel, input.kind, labels);
  const span = limits.span;
  const axisLabel = { formatter: (value: number) => labels.number(value), hideOverlap: true };
  const range = valueRange(input);
  return {
    animation: false,
    textStyle: { fontFamily: "IBM Plex Sans, Arial, sans-serif" },
    tooltip: { trigger: "item", confine: true },
    grid: { left: 8, right: 20, top: 32, bottom: 32, containLabel: true },
    // Danish municipalities range from under 2,000 residents to over 650,000: on a
    // logarithmic size axis the small ones do not all crowd into the left edge.
    xAxis: {
      type: "log",
      name: labels.xAxis,
      nameLocation: "middle",
      nameGap: 28,
      min: span[0],
      max: span[1],
      // The ends are the curve's, not round numbers; the powers of ten between say the scale.
      axisLabel: { ...axisLabel, showMinLabel: false, showMaxLabel: false },
    },
    yAxis: {
      type: "value",
      name: labels.yAxis,
      nameLocation: "end",
      ...(range ? { min: range.min, max: range.max } : { scale: true }),
      axisLabel,
    },
    series: [
      ...limits.series,
      pointSeries(input, "within"),
      pointSeries(input, "outside95"),
      pointSeries(input, "outside998"),
    ],
  };
}
