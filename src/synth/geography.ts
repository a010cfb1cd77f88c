import { readFile } from "node:fs/promises";
import path from "node:path";
import { hospitalIdFromName, type StructureFile, structureFileSchema } from "../structure/model.ts";

/**
 * The part of real Denmark the generator needs: municipalities with their
 * population, body and neighbours, and the acute hospitals by body and
 * region. Read from the reference structure file and the municipality map.
 */

export type SynthMunicipality = {
  code: string;
  name: string;
  regionCode: string;
  bodyId: string;
  population: number;
  /** True when the reference file had no population and the fallback was used. */
  populationFallback: boolean;
  /** Municipalities sharing a land border; for an island, the nearest one by distance. */
  neighbours: string[];
};

export type SynthHospital = { id: string; name: string; regionCode: string; bodyIds: string[] };

export type Geography = {
  municipalities: SynthMunicipality[];
  hospitals: SynthHospital[];
  bodies: { id: string; name: string; regionCode: string; municipalityCodes: string[] }[];
};

type Position = [number, number];
type Feature = { properties: { lau_1: string }; geometry: { coordinates: unknown } };

function* positions(coordinates: unknown): Generator<Position> {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === "number") {
    yield coordinates as Position;
    return;
  }
  for (const inner of coordinates) yield* positions(inner);
}

/**
 * Land neighbours among the `eligible` municipalities: two touch when their
 * borders share a point (to ~100 m).
 */
export function neighboursFromMap(
  features: Feature[],
  eligible: ReadonlySet<string>,
): Map<string, string[]> {
  const owners = new Map<string, Set<string>>();
  const centroids = new Map<string, Position>();
  for (const f of features) {
    const code = f.properties.lau_1;
    if (!eligible.has(code)) continue;
    let x = 0;
    let y = 0;
    let n = 0;
    for (const [lon, lat] of positions(f.geometry.coordinates)) {
      const key = `${lon.toFixed(3)},${lat.toFixed(3)}`;
      const set = owners.get(key) ?? new Set<string>();
      set.add(code);
      owners.set(key, set);
      x += lon;
      y += lat;
      n++;
    }
    centroids.set(code, [x / n, y / n]);
  }
  const touching = new Map<string, Set<string>>();
  for (const codes of owners.values()) {
    for (const a of codes) {
      const set = touching.get(a) ?? new Set<string>();
      for (const b of codes) if (b !== a) set.add(b);
      touching.set(a, set);
    }
  }
  const result = new Map<string, string[]>();
  for (const [code, centre] of centroids) {
    const land = [...(touching.get(code) ?? [])].sort();
    result.set(code, land.length > 0 ? land : [nearest(code, centre, centroids)]);
  }
  return result;
}

function nearest(code: string, centre: Position, centroids: Map<string, Position>): string {
  // Longitude degrees are shorter at Danish latitudes (cos 56° ≈ 0.56).
  const distance = ([lon, lat]: Position) => Math.hypot((lon - centre[0]) * 0.56, lat - centre[1]);
  let best = "";
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [other, point] of centroids) {
    if (other === code) continue;
    const d = distance(point);
    if (d < bestDistance) {
      best = other;
      bestDistance = d;
    }
  }
  return best;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function buildGeography(structure: StructureFile, features: Feature[]): Geography {
  const bodyOf = new Map<string, string>();
  for (const c of structure.bodies) for (const m of c.municipalityCodes) bodyOf.set(m, c.id);
  const neighbours = neighboursFromMap(features, new Set(bodyOf.keys()));
  const municipalities = structure.municipalities
    // Christiansø (411) is administered by the state and has no body.
    .filter((m) => bodyOf.has(m.code))
    .map((m) => {
      const peers = structure.municipalities
        .filter((o) => o.regionCode === m.regionCode && o.population !== null)
        .map((o) => o.population as number);
      return {
        code: m.code,
        name: m.name,
        regionCode: m.regionCode,
        bodyId: bodyOf.get(m.code) as string,
        population: m.population ?? Math.round(median(peers)),
        populationFallback: m.population === null,
        neighbours: neighbours.get(m.code) ?? [],
      };
    });
  const hospitals = new Map<string, SynthHospital>();
  for (const c of structure.bodies) {
    for (const h of c.acuteHospitals) {
      const id = hospitalIdFromName(h.name);
      const known = hospitals.get(id) ?? {
        id,
        name: h.name,
        regionCode: c.regionCode,
        bodyIds: [],
      };
      known.bodyIds.push(c.id);
      hospitals.set(id, known);
    }
  }
  return {
    municipalities,
    hospitals: [...hospitals.values()],
    bodies: structure.bodies.map((c) => ({
      id: c.id,
      name: c.name,
      regionCode: c.regionCode,
      municipalityCodes: c.municipalityCodes,
    })),
  };
}

export async function loadGeography(dataDir: string): Promise<Geography> {
  const [structureText, mapText] = await Promise.all([
    readFile(path.join(dataDir, "denmark-health-structure.json"), "utf8"),
    readFile(path.join(dataDir, "denmark-municipalities.geojson"), "utf8"),
  ]);
  const structure = structureFileSchema.parse(JSON.parse(structureText));
  const map = JSON.parse(mapText) as { features: Feature[] };
  return buildGeography(structure, map.features);
}
