import { formatShortDate } from "../format";
import type { StructureText } from "../structure/text";
import type { BodyName, MapArea } from "./areas";
import type { MapDataItem, MapOption } from "./echarts";
import { insetFrameName } from "./inset";
import type { MapView } from "./view";

export const mapName = "denmark-municipalities";

const border = "#ffffff";
const hoverBorder = "#1a1a1a";
/** Hatching for municipalities that are only partly in the body in focus. */
const partialDecal = {
  symbol: "rect",
  dashArrayX: [1, 0],
  dashArrayY: [3, 3],
  rotation: -Math.PI / 4,
  color: "rgba(255, 255, 255, 0.75)",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A body's name, marked when unverified; "ingen" when there is none. */
function named(body: BodyName | null, t: StructureText): string {
  if (!body) return t("map.noBody");
  return body.verified ? body.name : `${body.name} (${t("verification.unverified")})`;
}

export function tooltipHtml(area: MapArea, t: StructureText): string {
  const lines = [`<strong>${escapeHtml(area.name)}</strong>`];
  const { change } = area;
  if (area.code === "411" && !area.bodyName) lines.push(escapeHtml(t("map.noMunicipality")));
  else if (change) {
    // Around a change the municipality's two bodies, each with the days it holds it.
    const until = formatShortDate(change.lastDayBefore);
    const from = formatShortDate(change.changeDate);
    lines.push(escapeHtml(t("map.until", { date: until, name: named(change.before, t) })));
    lines.push(escapeHtml(t("map.from", { date: from, name: named(change.after, t) })));
  } else if (!area.bodyName) lines.push(escapeHtml(t("map.noBody")));
  else {
    const label = area.bodyKind === "sundhedsraad" ? "map.council" : "map.cluster";
    const name = named(
      { name: area.bodyName, kind: area.bodyKind ?? "sundhedsklynge", verified: area.bodyVerified },
      t,
    );
    lines.push(escapeHtml(t(label, { name })));
  }
  for (const name of area.partialBodyNames) lines.push(escapeHtml(t("map.partial", { name })));
  return lines.join("<br>");
}

function dataItem(area: MapArea): MapDataItem {
  const clickable = area.bodyId !== null;
  return {
    name: area.code,
    cursor: clickable ? "pointer" : "default",
    itemStyle: {
      areaColor: area.colour,
      borderColor: border,
      borderWidth: 0.6,
      ...(area.style === "partial" ? { decal: partialDecal } : {}),
    },
    emphasis: {
      label: { show: false },
      itemStyle: { areaColor: area.colour, borderColor: hoverBorder, borderWidth: 1.5 },
    },
    select: { disabled: true },
  };
}

const frameItem: MapDataItem = {
  name: insetFrameName,
  silent: true,
  itemStyle: { areaColor: "transparent", borderColor: "#6b6b6b", borderWidth: 1 },
  emphasis: { disabled: true },
};

export type MapOptionInput = {
  areas: readonly MapArea[];
  t: StructureText;
  /** Where to look; the whole country otherwise. */
  view?: MapView | null;
};

export function mapOption({ areas, t, view }: MapOptionInput): MapOption {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  return {
    animation: false,
    textStyle: { fontFamily: "IBM Plex Sans, Arial, sans-serif" },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params) => {
        const name = Array.isArray(params) ? params[0]?.name : params.name;
        const area = name ? byCode.get(name) : undefined;
        return area ? tooltipHtml(area, t) : "";
      },
    },
    series: [
      {
        type: "map",
        map: mapName,
        nameProperty: "lau_1",
        // Longitude degrees are shorter than latitude degrees at 56° N.
        aspectScale: Math.cos((56 * Math.PI) / 180),
        // A zoomed view fills the whole box; otherwise the map is clipped to the country's shape.
        ...(view ? { center: view.center, zoom: view.zoom, preserveAspect: "cover" as const } : {}),
        left: 4,
        right: 4,
        top: 4,
        bottom: 4,
        label: { show: false },
        selectedMode: false,
        data: [frameItem, ...areas.map(dataItem)],
      },
    ],
  };
}
