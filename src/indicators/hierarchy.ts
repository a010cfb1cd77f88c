import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { BodyKind } from "../platform/db/schema.ts";
import type { Attribution } from "./definitions.ts";

/**
 * Which units a cell's key belongs to on a day: a municipality (residence), a
 * practice or a hospital, up through the body (cluster or council), the region
 * and the country, with the structure valid on that day. A period is always
 * placed with the structure of its first day, so 2026 belongs to the clusters
 * and 2027 to the councils, while a municipality's own series runs on.
 */

export type UnitLevel = "municipality" | "body" | "region" | "country" | "practice" | "hospital";
export type UnitRef = { unit: UnitLevel; code: string; name: string; bodyKind?: BodyKind };
/** Per key: its units, the leaf first and the country last. */
export type Hierarchy = { chains: Map<string, UnitRef[]>; country: UnitRef };

export const COUNTRY: UnitRef = { unit: "country", code: "DK", name: "Danmark" };

type Places = {
  municipalities: Map<string, { name: string; up: UnitRef[] }>;
  hospitals: { id: string; name: string; up: UnitRef[] }[];
  practices: { id: string; name: string; municipalityCode: string }[];
};

type Placed = {
  bodyId: string | null;
  bodyName: string | null;
  bodyKind: BodyKind | null;
  regionCode: string | null;
};

/** The structure's validity on a date, for a table alias (intervals are [valid_from, valid_to)). */
function validOn(alias: string, date: string) {
  const from = sql.ref(`${alias}.valid_from`);
  const to = sql.ref(`${alias}.valid_to`);
  return sql`${from} <= ${date}::date and (${to} is null or ${date}::date < ${to})`;
}

function municipalitiesOn(db: Database, date: string) {
  return sql<Placed & { code: string; name: string }>`
    select m.code, m.name, b.id as body_id, b.name as body_name, b.kind as body_kind,
      coalesce(b.region_code, m.region_code) as region_code
    from municipality m
    left join body_membership bm on bm.municipality_code = m.code and bm.kind = 'primary'
      and ${validOn("bm", date)}
    left join body b on b.id = bm.body_id`.execute(db);
}

/** A hospital in several bodies on a date is placed under the first (by id). */
function hospitalsOn(db: Database, date: string) {
  return sql<Placed & { id: string; name: string }>`
    select distinct on (h.id) h.id, h.name, b.id as body_id, b.name as body_name,
      b.kind as body_kind, coalesce(b.region_code, h.region_code) as region_code
    from hospital h
    left join body_hospital bh on bh.hospital_id = h.id and ${validOn("bh", date)}
    left join body b on b.id = bh.body_id
    order by h.id, b.id`.execute(db);
}

async function placesOn(db: Database, date: string, attribution: Attribution): Promise<Places> {
  const none = Promise.resolve({ rows: [] });
  const [municipalities, regions, hospitals, practices] = await Promise.all([
    municipalitiesOn(db, date),
    sql<{ code: string; name: string }>`
      select code, name from region r where ${validOn("r", date)}`.execute(db),
    attribution === "hospital" ? hospitalsOn(db, date) : none,
    attribution === "practice"
      ? sql<{ id: string; name: string; municipalityCode: string }>`
          select id::text, name, municipality_code from general_practice`.execute(db)
      : none,
  ]);
  const regionName = new Map(regions.rows.map((r) => [r.code, r.name]));
  const upFrom = (r: Placed): UnitRef[] => [
    ...(r.bodyId
      ? [
          {
            unit: "body" as const,
            code: r.bodyId,
            name: r.bodyName ?? r.bodyId,
            ...(r.bodyKind ? { bodyKind: r.bodyKind } : {}),
          },
        ]
      : []),
    ...(r.regionCode && regionName.has(r.regionCode)
      ? [{ unit: "region" as const, code: r.regionCode, name: regionName.get(r.regionCode) ?? "" }]
      : []),
    COUNTRY,
  ];
  return {
    municipalities: new Map(
      municipalities.rows.map((m) => [m.code, { name: m.name, up: upFrom(m) }]),
    ),
    hospitals: hospitals.rows.map((h) => ({ id: h.id, name: h.name, up: upFrom(h) })),
    practices: practices.rows,
  };
}

export async function hierarchyOn(
  db: Database,
  date: string,
  attribution: Attribution,
): Promise<Hierarchy> {
  const places = await placesOn(db, date, attribution);
  const chains = new Map<string, UnitRef[]>();
  const municipalityChain = (code: string): UnitRef[] | null => {
    const m = places.municipalities.get(code);
    return m ? [{ unit: "municipality", code, name: m.name }, ...m.up] : null;
  };
  if (attribution === "residence")
    for (const code of places.municipalities.keys()) {
      const chain = municipalityChain(code);
      if (chain) chains.set(code, chain);
    }
  if (attribution === "practice")
    for (const p of places.practices)
      chains.set(p.id, [
        { unit: "practice", code: p.id, name: p.name },
        ...(municipalityChain(p.municipalityCode) ?? [COUNTRY]),
      ]);
  if (attribution === "hospital")
    for (const h of places.hospitals)
      chains.set(h.id, [{ unit: "hospital", code: h.id, name: h.name }, ...h.up]);
  return { chains, country: COUNTRY };
}

/** The chain of a key, or the country alone for a key the structure does not place (no residence known). */
export function chainOf(h: Hierarchy, key: string): UnitRef[] {
  return h.chains.get(key) ?? [h.country];
}
