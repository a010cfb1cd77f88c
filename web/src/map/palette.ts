import type { BodySummary } from "../api/types";

/**
 * One hue family per region, six shades each; neighbouring regions differ in hue. A region's
 * bodies take the shades in the order of their ids, and each family's order is chosen so that
 * bodies that border each other differ clearly in lightness or hue, on the clusters' map (five
 * regions, at most five each) and on the councils' map (Region Østdanmark has six).
 */
const families: readonly (readonly string[])[] = [
  ["#1b5e9e", "#8dbde6", "#2a9d9b", "#cfe3f5", "#0f3d66", "#5e8fc4"], // blue / teal
  ["#9ccc65", "#c8e6c9", "#827717", "#1b5e20", "#558b2f", "#dce775"], // green / olive
  ["#d96c00", "#ffd699", "#9c4f00", "#f5a55a", "#6b3600", "#ffb74d"], // orange / brown
  ["#c9b3e0", "#4a2377", "#b0307a", "#a083c9", "#f0bcdc", "#6d1b4f"], // purple / magenta
  ["#c62828", "#f7b6b6", "#7f1d1d", "#e07a5f", "#f5d0c4", "#a04040"], // red / terracotta
];

export const noBodyColour = "#c8c8c8";
/** On a body's own map: its municipalities in one strong colour, the rest pale grey. */
export const focusColour = "#1f5fa8";
export const outsideColour = "#e4e4e4";
/** The hatching of partial members, as CSS for the legend (the map draws it with an ECharts decal). */
export const partialHatchCss = `repeating-linear-gradient(-45deg, ${focusColour} 0 3px, rgb(255 255 255 / 75%) 3px 6px)`;

/** A stable colour for every body: family by region (in code order), shade by body id. */
export function bodyColours(bodies: readonly BodySummary[]): Map<string, string> {
  const regionCodes = [...new Set(bodies.map((c) => c.regionCode))].sort();
  const colours = new Map<string, string>();
  regionCodes.forEach((regionCode, regionIndex) => {
    const family = families[regionIndex % families.length] ?? families[0]!;
    bodies
      .filter((c) => c.regionCode === regionCode)
      .map((c) => c.id)
      .sort()
      .forEach((id, index) => {
        colours.set(id, family[index % family.length] ?? noBodyColour);
      });
  });
  return colours;
}
