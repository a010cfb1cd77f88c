import type { MunicipalityGeo } from "../api/types";
import { boundsOf } from "./inset";

/** Where a map looks: the centre (longitude, latitude) and how far it is zoomed in. */
export type MapView = { center: [number, number]; zoom: number };

/** A view that shows the given municipalities, with their neighbours around them. */
export function focusView(geo: MunicipalityGeo, codes: ReadonlySet<string>): MapView | null {
  const all = boundsOf(geo, new Set(geo.features.map((f) => f.properties.lau_1)));
  const box = boundsOf(geo, codes);
  if (!all || !box) return null;
  const width = (b: number[][]) => (b[1]?.[0] ?? 0) - (b[0]?.[0] ?? 0);
  const height = (b: number[][]) => (b[0]?.[1] ?? 0) - (b[1]?.[1] ?? 0);
  const fit = Math.min(width(all) / width(box), height(all) / height(box));
  return {
    center: [
      ((box[0]?.[0] ?? 0) + (box[1]?.[0] ?? 0)) / 2,
      ((box[0]?.[1] ?? 0) + (box[1]?.[1] ?? 0)) / 2,
    ],
    // Leave room around the body, and never zoom further than a few municipalities.
    zoom: Math.min(Math.max(fit * 0.5, 1), 4.5),
  };
}
