import type { Insertable } from "kysely";
import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { MunicipalityTable, OrganisationKind } from "../platform/db/schema.ts";
import type { Membership } from "./model.ts";

/** All SQL of the structure capability. Dates are "YYYY-MM-DD"; intervals are [validFrom, validTo). */

const validOn = (date: string) =>
  sql<boolean>`valid_from <= ${date}::date and (valid_to is null or ${date}::date < valid_to)`;

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

export async function upsertRegions(
  db: Database,
  regions: { code: string; name: string; committeeName: string; committeeVerified: boolean }[],
) {
  if (regions.length === 0) return;
  await db
    .insertInto("region")
    .values(regions)
    .onConflict((oc) =>
      oc.column("code").doUpdateSet((eb) => ({
        name: eb.ref("excluded.name"),
        committeeName: eb.ref("excluded.committeeName"),
        committeeVerified: eb.ref("excluded.committeeVerified"),
      })),
    )
    .execute();
}

export type MunicipalityRow = Insertable<MunicipalityTable>;

export async function upsertMunicipalities(db: Database, rows: MunicipalityRow[]) {
  if (rows.length === 0) return;
  await db
    .insertInto("municipality")
    .values(rows)
    .onConflict((oc) =>
      oc.column("code").doUpdateSet((eb) => ({
        name: eb.ref("excluded.name"),
        regionCode: eb.ref("excluded.regionCode"),
        population: eb.ref("excluded.population"),
        populationYear: eb.ref("excluded.populationYear"),
        population65plus: eb.ref("excluded.population65plus"),
      })),
    )
    .execute();
}

export type ClusterRow = {
  id: string;
  name: string;
  regionCode: string;
  aliases: string[];
  verified: boolean;
  verification: Record<string, boolean>;
  sources: string[];
  notes: string | null;
};

/** Inserts new clusters from asOf; updates the description of existing ones and reopens them. */
export async function upsertClusters(db: Database, rows: ClusterRow[], asOf: string) {
  if (rows.length === 0) return;
  await db
    .insertInto("cluster")
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

/** Clusters absent from a newer structure end where it begins. */
export async function closeClustersNotIn(db: Database, keepIds: string[], asOf: string) {
  await db
    .updateTable("cluster")
    .set({ validTo: asOf })
    .where("validTo", "is", null)
    .where("validFrom", "<", asOf)
    .$if(keepIds.length > 0, (q) => q.where("id", "not in", keepIds))
    .execute();
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

export async function openClusterHospitals(db: Database) {
  return db.selectFrom("clusterHospital").selectAll().where("validTo", "is", null).execute();
}

export async function replaceClusterHospitals(
  db: Database,
  wanted: { clusterId: string; hospitalId: string }[],
  asOf: string,
) {
  const open = await openClusterHospitals(db);
  const key = (l: { clusterId: string; hospitalId: string }) => `${l.clusterId}|${l.hospitalId}`;
  const wantedKeys = new Set(wanted.map(key));
  const openKeys = new Set(open.map(key));
  for (const link of open.filter((l) => !wantedKeys.has(key(l)))) {
    // A link opened by this same version is withdrawn; an older one ends where this begins.
    if (link.validFrom >= asOf) {
      await db
        .deleteFrom("clusterHospital")
        .where("clusterId", "=", link.clusterId)
        .where("hospitalId", "=", link.hospitalId)
        .where("validFrom", "=", link.validFrom)
        .execute();
    } else {
      await db
        .updateTable("clusterHospital")
        .set({ validTo: asOf })
        .where("clusterId", "=", link.clusterId)
        .where("hospitalId", "=", link.hospitalId)
        .where("validFrom", "=", link.validFrom)
        .execute();
    }
  }
  const added = wanted.filter((l) => !openKeys.has(key(l)));
  if (added.length > 0) {
    await db
      .insertInto("clusterHospital")
      .values(added.map((l) => ({ ...l, validFrom: asOf, validTo: null })))
      .execute();
  }
}

export async function openMemberships(db: Database): Promise<(Membership & { id: number })[]> {
  return db.selectFrom("clusterMembership").selectAll().where("validTo", "is", null).execute();
}

export async function closeMembership(db: Database, id: number, validTo: string) {
  await db.updateTable("clusterMembership").set({ validTo }).where("id", "=", id).execute();
}

export async function deleteMembership(db: Database, id: number) {
  await db.deleteFrom("clusterMembership").where("id", "=", id).execute();
}

export async function insertMemberships(db: Database, rows: Membership[]) {
  if (rows.length === 0) return;
  await db.insertInto("clusterMembership").values(rows).execute();
}

export async function membershipsOfMunicipality(db: Database, code: string) {
  return db
    .selectFrom("clusterMembership")
    .select(["clusterId", "municipalityCode", "kind", "validFrom", "validTo"])
    .where("municipalityCode", "=", code)
    .execute();
}

export async function listRegions(db: Database) {
  return db.selectFrom("region").selectAll().orderBy("code").execute();
}

export async function findRegion(db: Database, code: string) {
  return db.selectFrom("region").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function listMunicipalities(db: Database) {
  return db.selectFrom("municipality").selectAll().orderBy("code").execute();
}

export async function findMunicipality(db: Database, code: string) {
  return db.selectFrom("municipality").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function clustersValidOn(db: Database, date: string) {
  return db.selectFrom("cluster").selectAll().where(validOn(date)).orderBy("id").execute();
}

export async function findCluster(db: Database, id: string) {
  return db.selectFrom("cluster").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function membershipsValidOn(db: Database, date: string) {
  return db
    .selectFrom("clusterMembership")
    .select(["clusterId", "municipalityCode", "kind", "validFrom", "validTo"])
    .where(validOn(date))
    .orderBy("municipalityCode")
    .execute();
}

export async function listHospitals(db: Database) {
  return db
    .selectFrom("hospital")
    .select(["id", "name", "sorCode", "acute", "regionCode"])
    .orderBy("name")
    .execute();
}

export async function hospitalsValidOn(db: Database, date: string) {
  return db
    .selectFrom("clusterHospital as ch")
    .innerJoin("hospital as h", "h.id", "ch.hospitalId")
    .select(["ch.clusterId", "h.id", "h.name", "h.sorCode", "h.acute", "h.regionCode"])
    .where(sql<boolean>`ch.valid_from <= ${date}::date`)
    .where(sql<boolean>`(ch.valid_to is null or ${date}::date < ch.valid_to)`)
    .orderBy("h.name")
    .execute();
}

export async function clustersOfHospital(db: Database, hospitalId: string, date: string) {
  const rows = await db
    .selectFrom("clusterHospital")
    .select("clusterId")
    .where("hospitalId", "=", hospitalId)
    .where(sql<boolean>`valid_from <= ${date}::date`)
    .where(sql<boolean>`(valid_to is null or ${date}::date < valid_to)`)
    .orderBy("clusterId")
    .execute();
  return rows.map((r) => r.clusterId);
}

export async function counts(db: Database) {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom("region").select(eb.fn.countAll<number>().as("n")).as("regions"),
      eb.selectFrom("municipality").select(eb.fn.countAll<number>().as("n")).as("municipalities"),
      eb.selectFrom("cluster").select(eb.fn.countAll<number>().as("n")).as("clusters"),
      eb.selectFrom("hospital").select(eb.fn.countAll<number>().as("n")).as("hospitals"),
      eb.selectFrom("clusterMembership").select(eb.fn.countAll<number>().as("n")).as("memberships"),
    ])
    .executeTakeFirstOrThrow();
  return row as Record<string, number>;
}

/** One organisation per region, municipality, acute hospital and cluster secretariat. */
export async function ensureStructureOrganisations(db: Database) {
  await sql`
    insert into organisation (kind, name, region_code)
      select 'region', name, code from region
      on conflict (region_code) where kind = 'region' do update set name = excluded.name;
    insert into organisation (kind, name, municipality_code, region_code)
      select 'municipality', name || ' Kommune', code, region_code from municipality
      on conflict (municipality_code) where kind = 'municipality'
      do update set name = excluded.name, region_code = excluded.region_code;
    insert into organisation (kind, name, hospital_id, region_code, sor_code)
      select 'hospital', name, id, region_code, sor_code from hospital
      on conflict (hospital_id) where kind = 'hospital'
      do update set name = excluded.name, region_code = excluded.region_code;
    insert into organisation (kind, name, cluster_id, region_code)
      select 'cluster_secretariat', name || ' (sekretariat)', id, region_code from cluster
      on conflict (cluster_id) where kind = 'cluster_secretariat'
      do update set name = excluded.name, region_code = excluded.region_code;
  `.execute(db);
}

export async function upsertGeneralPractice(
  db: Database,
  p: { providerNumber: string; name: string; municipalityCode: string; sorCode: string | null },
) {
  return db
    .insertInto("generalPractice")
    .values(p)
    .onConflict((oc) =>
      oc
        .column("providerNumber")
        .doUpdateSet({ name: p.name, municipalityCode: p.municipalityCode }),
    )
    .returning("id")
    .executeTakeFirstOrThrow();
}

export type NewOrganisation = {
  kind: OrganisationKind;
  name: string;
  sorCode?: string | null;
  regionCode?: string | null;
  municipalityCode?: string | null;
  hospitalId?: string | null;
  generalPracticeId?: string | null;
  clusterId?: string | null;
  parentId?: string | null;
};

export function findOrganisationBy(db: Database, kind: OrganisationKind, name: string) {
  return db
    .selectFrom("organisation")
    .selectAll()
    .where("kind", "=", kind)
    .where("name", "=", name)
    .executeTakeFirst();
}

export function structuralOrganisation(
  db: Database,
  key:
    | { kind: "hospital"; hospitalId: string }
    | { kind: "municipality"; municipalityCode: string }
    | { kind: "cluster_secretariat"; clusterId: string }
    | { kind: "region"; regionCode: string }
    | { kind: "general_practice"; generalPracticeId: string },
) {
  let q = db.selectFrom("organisation").selectAll().where("kind", "=", key.kind);
  if (key.kind === "hospital") q = q.where("hospitalId", "=", key.hospitalId);
  if (key.kind === "municipality") q = q.where("municipalityCode", "=", key.municipalityCode);
  if (key.kind === "cluster_secretariat") q = q.where("clusterId", "=", key.clusterId);
  if (key.kind === "region") q = q.where("regionCode", "=", key.regionCode);
  if (key.kind === "general_practice") q = q.where("generalPracticeId", "=", key.generalPracticeId);
  return q.executeTakeFirst();
}

export async function insertOrganisation(db: Database, o: NewOrganisation) {
  return db
    .insertInto("organisation")
    .values({
      kind: o.kind,
      name: o.name,
      sorCode: o.sorCode ?? null,
      regionCode: o.regionCode ?? null,
      municipalityCode: o.municipalityCode ?? null,
      hospitalId: o.hospitalId ?? null,
      generalPracticeId: o.generalPracticeId ?? null,
      clusterId: o.clusterId ?? null,
      parentId: o.parentId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The bodies that receive handovers: municipalities and practices, with their clusters on a date. */
export async function handoverParties(
  db: Database,
  municipalityCodes: string[],
  practiceIds: string[],
  date: string,
) {
  const municipalities =
    municipalityCodes.length === 0
      ? []
      : await db
          .selectFrom("organisation")
          .select(["id", "name", "municipalityCode"])
          .where("kind", "=", "municipality")
          .where("municipalityCode", "in", municipalityCodes)
          .execute();
  const practices =
    practiceIds.length === 0
      ? []
      : await db
          .selectFrom("organisation as o")
          .innerJoin("generalPractice as p", "p.id", "o.generalPracticeId")
          .select(["o.id", "o.name", "o.generalPracticeId", "p.municipalityCode"])
          .where("o.kind", "=", "general_practice")
          .where("o.generalPracticeId", "in", practiceIds)
          .execute();
  const codes = [...new Set([...municipalityCodes, ...practices.map((p) => p.municipalityCode)])];
  const clusters =
    codes.length === 0
      ? []
      : await db
          .selectFrom("clusterMembership")
          .select(["municipalityCode", "clusterId"])
          .where("municipalityCode", "in", codes)
          .where("kind", "=", "primary")
          .where(validOn(date))
          .execute();
  return { municipalities, practices, clusters };
}
