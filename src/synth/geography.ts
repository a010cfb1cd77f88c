import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { hospitalIdFromName, type StructureFile, structureFileSchema } from "../structure/model.ts";
import { danishOffsetHours } from "./danish-time.ts";

/**
 * The part of real Denmark the generator needs: municipalities with their
 * population, body and neighbours, and the acute hospitals by body and
 * region. Read from the reference structure files and the municipality map.
 *
 * The structure is dated: each municipality and hospital has a body and a
 * region per structure file, from the Danish midnight of the file's date on
 * (the clusters from 2022, the councils from 2027), and a stay is placed by
 * the structure of its own time (`placeOf`, `hospitalPlaceOf`). Population
 * and neighbours are the first file's: municipalities keep their identity.
 */

/** A body and region from `from` (an instant: Danish midnight of a structure's date) on. */
export type Place = { from: number; bodyId: string; regionCode: string };
export type HospitalPlace = { from: number; bodyIds: string[]; regionCode: string };

export type SynthMunicipality = {
  code: string;
  name: string;
  /** The region and body in the first structure file (the 2022 clusters). */
  regionCode: string;
  bodyId: string;
  /** Its body and region over time, oldest first. */
  places: Place[];
  population: number;
  /** True when the reference file had no population and the fallback was used. */
  populationFallback: boolean;
  /** Municipalities sharing a land border; for an island, the nearest one by distance. */
  neighbours: string[];
};

export type SynthHospital = {
  id: string;
  name: string;
  /** The region and bodies in the first structure file. */
  regionCode: string;
  bodyIds: string[];
  /** The bodies it serves and its region over time, oldest first. */
  places: HospitalPlace[];
};

export type Geography = {
  municipalities: SynthMunicipality[];
  hospitals: SynthHospital[];
  /** Every body of every structure file (a scope may name a cluster or a council). */
  bodies: { id: string; name: string; regionCode: string; municipalityCodes: string[] }[];
};

/** The instant of Danish midnight at the start of `date` ("YYYY-MM-DD"). */
export function danishMidnight(date: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  return utcMidnight - danishOffsetHours(utcMidnight) * 3_600_000;
}

/** The entry in force at `at`: the last that began by then (the first, before any began). */
function inForce<T extends { from: number }>(places: readonly T[], at: number): T {
  let found = places[0] as T;
  for (const p of places) if (p.from <= at) found = p;
  return found;
}

/** A municipality's body and region at the instant `at`. */
export const placeOf = (m: SynthMunicipality, at: number): Place => inForce(m.places, at);

/** A hospital's bodies and region at the instant `at`. */
export const hospitalPlaceOf = (h: SynthHospital, at: number): HospitalPlace =>
  inForce(h.places, at);

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

/**
 * The geography of one or more structure files, oldest first: the first gives
 * the municipalities (with population) and the hospitals; each gives a place
 * from its date on.
 */
export function buildGeography(
  structures: StructureFile | StructureFile[],
  features: Feature[],
): Geography {
  const files = Array.isArray(structures) ? structures : [structures];
  const [structure] = files;
  if (!structure) throw new Error("no structure file");
  const bodyOf = new Map<string, string>();
  for (const c of structure.bodies) for (const m of c.municipalityCodes) bodyOf.set(m, c.id);
  const placesOf = placesByMunicipality(files);
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
        places: placesOf.get(m.code) ?? [],
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
        places: [],
      };
      known.bodyIds.push(c.id);
      hospitals.set(id, known);
    }
  }
  for (const file of files) {
    const from = danishMidnight(file.asOf);
    for (const c of file.bodies) {
      for (const h of c.acuteHospitals) {
        const hospital = hospitals.get(hospitalIdFromName(h.name));
        if (!hospital) continue;
        const place = hospital.places.find((p) => p.from === from);
        if (place) place.bodyIds.push(c.id);
        else hospital.places.push({ from, bodyIds: [c.id], regionCode: c.regionCode });
      }
    }
  }
  return {
    municipalities,
    hospitals: [...hospitals.values()],
    bodies: files.flatMap((f) =>
      f.bodies.map((c) => ({
        id: c.id,
        name: c.name,
        regionCode: c.regionCode,
        municipalityCodes: c.municipalityCodes,
      })),
    ),
  };
}

function placesByMunicipality(files: StructureFile[]): Map<string, Place[]> {
  const places = new Map<string, Place[]>();
  for (const file of files) {
    const from = danishMidnight(file.asOf);
    for (const c of file.bodies)
      for (const code of c.municipalityCodes)
        places.set(code, [
          ...(places.get(code) ?? []),
          { from, bodyId: c.id, regionCode: c.regionCode },
        ]);
  }
  return places;
}

/** The structure files in a data directory, oldest first: denmark-health-structure*.json. */
async function structureFiles(dataDir: string): Promise<StructureFile[]> {
  const names = (await readdir(dataDir)).filter((n) =>
    /^denmark-health-structure(-[0-9]{4})?\.json$/.test(n),
  );
  const files = await Promise.all(
    names.map(async (n) =>
      structureFileSchema.parse(JSON.parse(await readFile(path.join(dataDir, n), "utf8"))),
    ),
  );
  return files.sort((a, b) => a.asOf.localeCompare(b.asOf));
}

export async function loadGeography(dataDir: string): Promise<Geography> {
  const [structures, mapText] = await Promise.all([
    structureFiles(dataDir),
    readFile(path.join(dataDir, "denmark-municipalities.geojson"), "utf8"),
  ]);
  const map = JSON.parse(mapText) as { features: Feature[] };
  return buildGeography(structures, map.features);
}
