import { type Selectable, sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { MunicipalityTable } from "../platform/db/schema.ts";
import type { BodyKind, Membership } from "./model.ts";
import type { Succession } from "./succession.ts";

/**
 * The SQL that loads a structure file. Every dated row is an interval
 * [validFrom, validTo); a row opened by the same version that now withdraws it
 * is deleted instead of leaving an empty interval.
 */

export async function latestVersion(db: Database) {
  return db
    .selectFrom("structureVersion")
    .selectAll()
    .orderBy("asOf", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function versionOn(db: Database, asOf: string) {
  return db.selectFrom("structureVersion").selectAll().where("asOf", "=", asOf).executeTakeFirst();
}

export async function recordVersion(
  db: Database,
  v: { asOf: string; sourceSha256: string; summary: Record<string, number> },
) {
  await db
    .insertInto("structureVersion")
    .values({ asOf: v.asOf, sourceSha256: v.sourceSha256, summary: JSON.stringify(v.summary) })
    .onConflict((oc) =>
      oc.column("asOf").doUpdateSet({
        sourceSha256: v.sourceSha256,
        summary: JSON.stringify(v.summary),
        loadedAt: new Date(),
      }),
    )
    .execute();
}

export async function loadedMunicipalityCodes(db: Database): Promise<string[]> {
  const rows = await db.selectFrom("municipality").select("code").orderBy("code").execute();
  return rows.map((r) => r.code);
}

/** Ends, from asOf, every open row of `table` whose key is not among `keep`. */
async function closeOpenRowsNotIn(
  db: Database,
  table: "region" | "body",
  key: "code" | "id",
  keep: string[],
  asOf: string,
) {
  await sql`delete from ${sql.table(table)}
    where valid_to is null and valid_from >= ${asOf}::date
      and not (${sql.ref(key)} = any(${keep}::text[]))`.execute(db);
  await sql`update ${sql.table(table)} set valid_to = ${asOf}::date
    where valid_to is null and valid_from < ${asOf}::date
      and not (${sql.ref(key)} = any(${keep}::text[]))`.execute(db);
}

export type RegionRow = {
  code: string;
  name: string;
  codeVerified: boolean;
  seat: string | null;
  committee: string | null;
  committeeVerified: boolean;
};

/** Opens new regions from asOf, describes kept ones, ends those the file leaves out. */
export async function writeRegions(db: Database, regions: RegionRow[], asOf: string) {
  await db
    .insertInto("region")
    .values(
      regions.map((r) => ({
        code: r.code,
        name: r.name,
        codeVerified: r.codeVerified,
        seat: r.seat,
        validFrom: asOf,
      })),
    )
    .onConflict((oc) =>
      oc.column("code").doUpdateSet((eb) => ({
        name: eb.ref("excluded.name"),
        codeVerified: eb.ref("excluded.codeVerified"),
        seat: eb.ref("excluded.seat"),
        validTo: null,
      })),
    )
    .execute();
  for (const r of regions) await writeCommittee(db, r, asOf);
}

/** Closes regions (and their committees) that a file of date asOf no longer lists. */
export async function closeRegionsNotIn(db: Database, keep: string[], asOf: string) {
  await db
    .updateTable("regionalCommittee")
    .set({ validTo: asOf })
    .where("validTo", "is", null)
    .where("validFrom", "<", asOf)
    .$if(keep.length > 0, (q) => q.where("regionCode", "not in", keep))
    .execute();
  await closeOpenRowsNotIn(db, "region", "code", keep, asOf);
}

async function writeCommittee(db: Database, r: RegionRow, asOf: string) {
  const open = await db
    .selectFrom("regionalCommittee")
    .selectAll()
    .where("regionCode", "=", r.code)
    .where("validTo", "is", null)
    .executeTakeFirst();
  if (r.committee === null) {
    if (!open) return;
    if (open.validFrom >= asOf) {
      await db
        .deleteFrom("regionalCommittee")
        .where("regionCode", "=", r.code)
        .where("validFrom", "=", open.validFrom)
        .execute();
    } else {
      await db
        .updateTable("regionalCommittee")
        .set({ validTo: asOf })
        .where("regionCode", "=", r.code)
        .where("validFrom", "=", open.validFrom)
        .execute();
    }
    return;
  }
  if (open) {
    await db
      .updateTable("regionalCommittee")
      .set({ name: r.committee, verified: r.committeeVerified })
      .where("regionCode", "=", r.code)
      .where("validFrom", "=", open.validFrom)
      .execute();
    return;
  }
  await db
    .insertInto("regionalCommittee")
    .values({
      regionCode: r.code,
      name: r.committee,
      verified: r.committeeVerified,
      validFrom: asOf,
      validTo: null,
    })
    .execute();
}

export type MunicipalityRow = Selectable<MunicipalityTable>;

/** A municipality keeps its identity; its region here is the latest file's (dated answers use its body's). */
export async function upsertMunicipalities(db: Database, rows: MunicipalityRow[]) {
  if (rows.length === 0) return;
  await db
    .insertInto("municipality")
    .values(rows)
    .onConflict((oc) =>
      oc.column("code").doUpdateSet((eb) => ({
        name: eb.ref("excluded.name"),
        regionCode: eb.ref("excluded.regionCode"),
        // A later file that does not give a figure keeps the one known.
        population: sql`coalesce(excluded.population, municipality.population)`,
        populationYear: sql`coalesce(excluded.population_year, municipality.population_year)`,
        population65plus: sql`coalesce(excluded.population65plus, municipality.population65plus)`,
      })),
    )
    .execute();
}

export type BodyRow = {
  id: string;
  kind: BodyKind;
  name: string;
  regionCode: string;
  aliases: string[];
  verified: boolean;
  verification: Record<string, boolean>;
  sources: string[];
  notes: string | null;
};

/** Inserts new bodies from asOf; updates the description of existing ones and reopens them. */
export async function upsertBodies(db: Database, rows: BodyRow[], asOf: string) {
  if (rows.length === 0) return;
  await db
    .insertInto("body")
    .values(
      rows.map((r) => ({
        ...r,
        verification: JSON.stringify(r.verification),
        sources: JSON.stringify(r.sources),
        validFrom: asOf,
        validTo: null,
      })),
    )
    .onConflict((oc) =>
      oc.column("id").doUpdateSet((eb) => ({
        kind: eb.ref("excluded.kind"),
        name: eb.ref("excluded.name"),
        regionCode: eb.ref("excluded.regionCode"),
        aliases: eb.ref("excluded.aliases"),
        verified: eb.ref("excluded.verified"),
        verification: eb.ref("excluded.verification"),
        sources: eb.ref("excluded.sources"),
        notes: eb.ref("excluded.notes"),
        validTo: null,
      })),
    )
    .execute();
}

/** Bodies absent from a newer structure end where it begins. */
export async function closeBodiesNotIn(db: Database, keepIds: string[], asOf: string) {
  await closeOpenRowsNotIn(db, "body", "id", keepIds, asOf);
}

export async function upsertHospitals(
  db: Database,
  rows: { id: string; name: string; regionCode: string; sorCode: string | null }[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto("hospital")
    .values(rows)
    .onConflict((oc) =>
      oc.column("id").doUpdateSet((eb) => ({
        name: eb.ref("excluded.name"),
        regionCode: eb.ref("excluded.regionCode"),
        sorCode: sql`coalesce(excluded.sor_code, hospital.sor_code)`,
      })),
    )
    .execute();
}

export async function replaceBodyHospitals(
  db: Database,
  wanted: { bodyId: string; hospitalId: string }[],
  asOf: string,
) {
  const open = await db
    .selectFrom("bodyHospital")
    .selectAll()
    .where("validTo", "is", null)
    .execute();
  const key = (l: { bodyId: string; hospitalId: string }) => `${l.bodyId}|${l.hospitalId}`;
  const wantedKeys = new Set(wanted.map(key));
  const openKeys = new Set(open.map(key));
  for (const link of open.filter((l) => !wantedKeys.has(key(l)))) {
    if (link.validFrom >= asOf) {
      await db
        .deleteFrom("bodyHospital")
        .where("bodyId", "=", link.bodyId)
        .where("hospitalId", "=", link.hospitalId)
        .where("validFrom", "=", link.validFrom)
        .execute();
    } else {
      await db
        .updateTable("bodyHospital")
        .set({ validTo: asOf })
        .where("bodyId", "=", link.bodyId)
        .where("hospitalId", "=", link.hospitalId)
        .where("validFrom", "=", link.validFrom)
        .execute();
    }
  }
  const added = wanted.filter((l) => !openKeys.has(key(l)));
  if (added.length > 0) {
    await db
      .insertInto("bodyHospital")
      .values(added.map((l) => ({ ...l, validFrom: asOf, validTo: null })))
      .execute();
  }
}

export async function openMemberships(db: Database): Promise<(Membership & { id: number })[]> {
  return db.selectFrom("bodyMembership").selectAll().where("validTo", "is", null).execute();
}

export async function closeMembership(db: Database, id: number, validTo: string) {
  await db.updateTable("bodyMembership").set({ validTo }).where("id", "=", id).execute();
}

export async function deleteMembership(db: Database, id: number) {
  await db.deleteFrom("bodyMembership").where("id", "=", id).execute();
}

export async function insertMemberships(db: Database, rows: Membership[]) {
  if (rows.length === 0) return;
  await db.insertInto("bodyMembership").values(rows).execute();
}

/** Records the change's mapping; loading the same file again rewrites the same rows. */
export async function writeSuccessions(db: Database, rows: Succession[], asOf: string) {
  await db.deleteFrom("bodySuccession").where("validFrom", "=", asOf).execute();
  if (rows.length > 0) await db.insertInto("bodySuccession").values(rows).execute();
}

/**
 * One organisation per region, municipality, acute hospital and body secretariat.
 * An ended body's secretariat ends with it; a reopened one lasts again.
 */
export async function ensureStructureOrganisations(db: Database) {
  await sql`
    insert into organisation (kind, name, region_code, valid_to)
      select 'region', name, code, valid_to from region
      on conflict (region_code) where kind = 'region'
      do update set name = excluded.name, valid_to = excluded.valid_to;
    insert into organisation (kind, name, municipality_code, region_code)
      select 'municipality', name || ' Kommune', code, region_code from municipality
      on conflict (municipality_code) where kind = 'municipality'
      do update set name = excluded.name, region_code = excluded.region_code;
    insert into organisation (kind, name, hospital_id, region_code, sor_code)
      select 'hospital', name, id, region_code, sor_code from hospital
      on conflict (hospital_id) where kind = 'hospital'
      do update set name = excluded.name, region_code = excluded.region_code;
    insert into organisation (kind, name, body_id, region_code, valid_to)
      select 'body_secretariat', name || ' (sekretariat)', id, region_code, valid_to from body
      on conflict (body_id) where kind = 'body_secretariat'
      do update set name = excluded.name, region_code = excluded.region_code,
        valid_to = excluded.valid_to;
  `.execute(db);
}
