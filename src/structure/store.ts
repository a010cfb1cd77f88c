import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { OrganisationKind } from "../platform/db/schema.ts";

/** All SQL of the structure capability. Dates are "YYYY-MM-DD"; intervals are [validFrom, validTo). */

export const validOn = (date: string) =>
  sql<boolean>`valid_from <= ${date}::date and (valid_to is null or ${date}::date < valid_to)`;

export async function membershipsOfMunicipality(db: Database, code: string) {
  return db
    .selectFrom("bodyMembership")
    .select(["bodyId", "municipalityCode", "kind", "validFrom", "validTo"])
    .where("municipalityCode", "=", code)
    .execute();
}

export async function regionsValidOn(db: Database, date: string) {
  return db.selectFrom("region").selectAll().where(validOn(date)).orderBy("code").execute();
}

export async function committeesValidOn(db: Database, date: string) {
  return db.selectFrom("regionalCommittee").selectAll().where(validOn(date)).execute();
}

/** The structure versions loaded, oldest first: the dates on which the structure changed. */
export async function versions(db: Database) {
  return db
    .selectFrom("structureVersion")
    .select(["asOf", "loadedAt", "summary"])
    .orderBy("asOf")
    .execute();
}

/** The documented mapping of the change on a date: each municipality's old and new body. */
export async function successionsOn(db: Database, validFrom: string) {
  return db
    .selectFrom("bodySuccession")
    .selectAll()
    .where("validFrom", "=", validFrom)
    .orderBy("municipalityCode")
    .execute();
}

/** Every change date with a succession on or before `date`, oldest first. */
export async function successionDatesUpTo(db: Database, date: string) {
  const rows = await db
    .selectFrom("bodySuccession")
    .select("validFrom")
    .distinct()
    .where("validFrom", "<=", date)
    .orderBy("validFrom")
    .execute();
  return rows.map((r) => r.validFrom);
}

export async function findRegion(db: Database, code: string) {
  return db.selectFrom("region").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function listRegions(db: Database) {
  return db.selectFrom("region").selectAll().orderBy("code").execute();
}

export async function listMunicipalities(db: Database) {
  return db.selectFrom("municipality").selectAll().orderBy("code").execute();
}

export async function findMunicipality(db: Database, code: string) {
  return db.selectFrom("municipality").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function bodiesValidOn(db: Database, date: string) {
  return db.selectFrom("body").selectAll().where(validOn(date)).orderBy("id").execute();
}

export async function bodiesByIds(db: Database, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("body")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
}

/** Every succession from or to a body, whenever it was. */
export async function successionsOfBody(db: Database, id: string) {
  return db
    .selectFrom("bodySuccession")
    .selectAll()
    .where((eb) => eb.or([eb("fromBodyId", "=", id), eb("toBodyId", "=", id)]))
    .orderBy("municipalityCode")
    .execute();
}

export async function findBody(db: Database, id: string) {
  return db.selectFrom("body").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function membershipsValidOn(db: Database, date: string) {
  return db
    .selectFrom("bodyMembership")
    .select(["bodyId", "municipalityCode", "kind", "validFrom", "validTo"])
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
    .selectFrom("bodyHospital as ch")
    .innerJoin("hospital as h", "h.id", "ch.hospitalId")
    .select(["ch.bodyId", "h.id", "h.name", "h.sorCode", "h.acute", "h.regionCode"])
    .where(sql<boolean>`ch.valid_from <= ${date}::date`)
    .where(sql<boolean>`(ch.valid_to is null or ${date}::date < ch.valid_to)`)
    .orderBy("h.name")
    .execute();
}

export async function counts(db: Database) {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom("region").select(eb.fn.countAll<number>().as("n")).as("regions"),
      eb.selectFrom("municipality").select(eb.fn.countAll<number>().as("n")).as("municipalities"),
      eb.selectFrom("body").select(eb.fn.countAll<number>().as("n")).as("bodies"),
      eb.selectFrom("hospital").select(eb.fn.countAll<number>().as("n")).as("hospitals"),
      eb.selectFrom("bodyMembership").select(eb.fn.countAll<number>().as("n")).as("memberships"),
    ])
    .executeTakeFirstOrThrow();
  return row as Record<string, number>;
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
  bodyId?: string | null;
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
    | { kind: "body_secretariat"; bodyId: string }
    | { kind: "region"; regionCode: string }
    | { kind: "general_practice"; generalPracticeId: string },
) {
  let q = db.selectFrom("organisation").selectAll().where("kind", "=", key.kind);
  if (key.kind === "hospital") q = q.where("hospitalId", "=", key.hospitalId);
  if (key.kind === "municipality") q = q.where("municipalityCode", "=", key.municipalityCode);
  if (key.kind === "body_secretariat") q = q.where("bodyId", "=", key.bodyId);
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
      bodyId: o.bodyId ?? null,
      parentId: o.parentId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The organisations that receive handovers (municipalities and practices by
 * code and id), and every primary membership of their municipalities, whenever
 * valid: each handover is placed under the body of its own discharge date.
 */
export async function handoverParties(
  db: Database,
  municipalityCodes: string[],
  practiceIds: string[],
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
  const bodies =
    codes.length === 0
      ? []
      : await db
          .selectFrom("bodyMembership")
          .select(["municipalityCode", "bodyId", "validFrom", "validTo"])
          .where("municipalityCode", "in", codes)
          .where("kind", "=", "primary")
          .execute();
  return { municipalities, practices, bodies };
}

/** The secretariat organisations of these bodies. */
export function secretariatsOf(db: Database, bodyIds: string[]) {
  if (bodyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("organisation")
    .select(["id", "name", "bodyId", "validTo"])
    .where("kind", "=", "body_secretariat")
    .where("bodyId", "in", [...new Set(bodyIds)])
    .execute();
}

/** Every primary membership of these municipalities, whenever valid, with its body. */
export async function bodyPeriodsOfMunicipalities(db: Database, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom("bodyMembership as m")
    .innerJoin("body as b", "b.id", "m.bodyId")
    .select([
      "m.municipalityCode",
      "b.id",
      "b.kind",
      "b.name",
      "b.verified",
      "b.regionCode",
      "b.validTo as bodyValidTo",
      "m.validFrom",
      "m.validTo",
    ])
    .where("m.municipalityCode", "in", [...new Set(codes)])
    .where("m.kind", "=", "primary")
    .orderBy("m.validFrom")
    .execute();
}

/** Every body these hospitals have served, whenever, with the interval. */
export async function bodyPeriodsOfHospitals(db: Database, hospitalIds: string[]) {
  if (hospitalIds.length === 0) return [];
  return db
    .selectFrom("bodyHospital as l")
    .innerJoin("body as b", "b.id", "l.bodyId")
    .select([
      "l.hospitalId",
      "b.id",
      "b.kind",
      "b.name",
      "b.verified",
      "b.validTo as bodyValidTo",
      "l.validFrom",
      "l.validTo",
    ])
    .where("l.hospitalId", "in", [...new Set(hospitalIds)])
    .orderBy("l.validFrom")
    .orderBy("b.id")
    .execute();
}
