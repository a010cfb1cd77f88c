import type { MunicipalityGeo } from "../api/types";
import { insetFrameName } from "../map/inset";
import { mapName } from "../map/map-option";
import type { ChartOption } from "./echarts";

/** Light to dark: a higher value is darker; the funnel, not the colour, says what is unusual. */
export const classColours = ["#deebf7", "#9ecae1", "#5b9bd0", "#2b6cb0", "#0b3c7a"] as const;
/** Suppressed (fewer than 5): grey with hatching, so it is not read as a low value. */
export const suppressedColour = "#b8b8b8";
/** No figure at all (no residents, no unit): pale grey without hatching. */
export const missingColour = "#ececec";

const hatch = {
  symbol: "rect",
  dashArrayX: [1, 0],
  dashArrayY: [2, 3],
  rotation: -Math.PI / 4,
  color: "rgba(255, 255, 255, 0.9)",
};

/** The hatching as CSS, for the legend's swatch. */
export const suppressedHatchCss = `repeating-linear-gradient(-45deg, ${suppressedColour} 0 3px, #ffffff 3px 5px)`;

export type ColourClass = { from: number; to: number; colour: string };

/**
 * Up to five classes with about as many units in each (quantiles), each named by the
 * lowest and highest value in it. Equal counts keep one extreme unit from turning the
 * rest of the country one colour.
 */
export function colourClasses(
  values: readonly number[],
  count = classColours.length,
): ColourClass[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const thresholds = [
    ...new Set(
      Array.from(
        { length: count - 1 },
        (_, i) => sorted[Math.floor(((i + 1) * sorted.length) / count)] ?? 0,
      ),
    ),
  ].filter((t) => t > (sorted[0] ?? 0));
  const members: number[][] = Array.from({ length: thresholds.length + 1 }, () => []);
  for (const value of sorted) members[thresholds.filter((t) => value >= t).length]?.push(value);
  const used = members.filter((m) => m.length > 0);
  // With fewer classes than colours, take them spread over the scale, dark for the highest.
  const step = used.length > 1 ? (classColours.length - 1) / (used.length - 1) : 0;
  return used.map((m, i) => ({
    from: m[0] ?? 0,
    to: m[m.length - 1] ?? 0,
    colour: classColours[Math.round(i * step)] ?? classColours[0],
  }));
}

export function colourOf(value: number, classes: readonly ColourClass[]): string {
  return (
    (classes.find((c) => value <= c.to) ?? classes[classes.length - 1])?.colour ?? missingColour
  );
}

/** One municipality's figure: its unit's value (the municipality's own, or its body's). */
export type AreaFigure = { value: number | null; suppressed: boolean };

export type ChoroplethInput = {
  geo: MunicipalityGeo;
  /** By municipality code; a municipality without a figure is drawn as missing. */
  figures: ReadonlyMap<string, AreaFigure>;
  classes: readonly ColourClass[];
  /** The tooltip's HTML for a municipality (already escaped). */
  tooltip: (code: string) => string;
};

function areaItem(code: string, figure: AreaFigure | undefined, classes: readonly ColourClass[]) {
  const colour =
    figure?.suppressed === true
      ? suppressedColour
      : figure?.value != null
        ? colourOf(figure.value, classes)
        : missingColour;
  return {
    name: code,
    cursor: "pointer",
    itemStyle: {
      areaColor: colour,
      borderColor: "#ffffff",
      borderWidth: 0.6,
      ...(figure?.suppressed ? { decal: hatch } : {}),
    },
    emphasis: {
      label: { show: false },
      itemStyle: { areaColor: colour, borderColor: "#1a1a1a", borderWidth: 1.5 },
    },
    select: { disabled: true },
  };
}

/** Denmark's municipalities coloured by their figures, Bornholm in its box. */
export function choroplethOption({ geo, figures, classes, tooltip }: ChoroplethInput): ChartOption {
  const codes = geo.features.map((f) => f.properties.lau_1);
  return {
    animation: false,
    textStyle: { fontFamily: "IBM Plex Sans, Arial, sans-serif" },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params) => {
        const name = Array.isArray(params) ? params[0]?.name : params.name;
        return name && name !== insetFrameName ? tooltip(name) : "";
      },
    },
    series: [
      {
        type: "map",
        map: mapName,
        nameProperty: "lau_1",
        aspectScale: Math.cos((56 * Math.PI) / 180),
        left: 4,
        right: 4,
        top: 4,
        bottom: 4,
        label: { show: false },
        selectedMode: false,
        data: [
          {
            name: insetFrameName,
            silent: true,
            itemStyle: { areaColor: "transparent", borderColor: "#6b6b6b", borderWidth: 1 },
            emphasis: { disabled: true },
          },
          ...codes.map((code) => areaItem(code, figures.get(code), classes)),
        ],
      },
    ],
  };
}
