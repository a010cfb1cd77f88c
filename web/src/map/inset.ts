import type { MunicipalityFeature, MunicipalityGeo } from "../api/types";

/** Bornholm and Christiansø lie far east; like most maps of Denmark we draw them in a box. */
const insetCodes = new Set(["400", "411"]);
const shift = { lon: -2.33, lat: 1.52 };
const frame = { west: 12.22, east: 13.0, south: 56.42, north: 56.92 };

export const insetFrameName = "inset-frame";

function shifted(feature: MunicipalityFeature): MunicipalityFeature {
  const move = (ring: number[][]) =>
    ring.map(([lon = 0, lat = 0]) => [lon + shift.lon, lat + shift.lat]);
  const geometry =
    feature.geometry.type === "Polygon"
      ? { type: "Polygon" as const, coordinates: feature.geometry.coordinates.map(move) }
      : {
          type: "MultiPolygon" as const,
          coordinates: feature.geometry.coordinates.map((polygon) => polygon.map(move)),
        };
  return { ...feature, geometry };
}

const frameFeature: MunicipalityFeature = {
  type: "Feature",
  properties: { lau_1: insetFrameName, label_dk: "" },
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [frame.west, frame.south],
        [frame.east, frame.south],
        [frame.east, frame.north],
        [frame.west, frame.north],
        [frame.west, frame.south],
      ],
    ],
  },
};

/** The collection with Bornholm and Christiansø moved into a framed box north of Zealand. */
export function withBornholmInset(geo: MunicipalityGeo): MunicipalityGeo {
  const features = geo.features.map((f) => (insetCodes.has(f.properties.lau_1) ? shifted(f) : f));
  // The frame comes first so that the islands are drawn on top of it.
  return { ...geo, features: [frameFeature, ...features] };
}

/** [[west, north], [east, south]] around the given municipalities, for zooming the map. */
export function boundsOf(geo: MunicipalityGeo, codes: ReadonlySet<string>): number[][] | null {
  let west = 180;
  let east = -180;
  let south = 90;
  let north = -90;
  for (const feature of geo.features) {
    if (!codes.has(feature.properties.lau_1)) continue;
    const polygons =
      feature.geometry.type === "Polygon"
        ? [feature.geometry.coordinates]
        : feature.geometry.coordinates;
    for (const [lon = 0, lat = 0] of polygons.flat(2)) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return west > east
    ? null
    : [
        [west, north],
        [east, south],
      ];
}
