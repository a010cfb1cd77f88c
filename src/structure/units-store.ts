import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { OrganisationKind, OrganisationUnitType } from "../platform/db/schema.ts";

/** SQL for the register's SOR-coded units (departments, municipal units, practices). */

export type RegisteredUnit = {
  organisationId: string;
  kind: OrganisationKind;
  unitType: OrganisationUnitType | null;
  name: string;
  sorCode: string;
  gln: string | null;
  hospitalId: string | null;
  municipalityCode: string | null;
  generalPracticeId: string | null;
  parentId: string | null;
};

const UNIT_COLUMNS = [
  "id as organisationId",
  "kind",
  "unitType",
  "name",
  "sorCode",
  "gln",
  "hospitalId",
  "municipalityCode",
  "generalPracticeId",
  "parentId",
] as const;

/** Several units by SOR code in one round trip (the message ingest resolves three per message). */
export async function findUnitsBySor(
  db: Database,
  sorCodes: string[],
): Promise<Map<string, RegisteredUnit>> {
  if (sorCodes.length === 0) return new Map();
  const rows = await db
    .selectFrom("organisation")
    .select(UNIT_COLUMNS)
    .where("sorCode", "in", [...new Set(sorCodes)])
    .execute();
  return new Map(
    rows.flatMap((r) => (r.sorCode ? [[r.sorCode, { ...r, sorCode: r.sorCode }]] : [])),
  );
}

/** The unit a SOR code names, with the hospital, municipality or practice it belongs to. */
export async function findUnitBySor(
  db: Database,
  sorCode: string,
): Promise<RegisteredUnit | undefined> {
  const row = await db
    .selectFrom("organisation")
    .select(UNIT_COLUMNS)
    .where("sorCode", "=", sorCode)
    .executeTakeFirst();
  return row?.sorCode ? { ...row, sorCode: row.sorCode } : undefined;
}

export type UnitRow = {
  kind: "hospital_department" | "municipal_unit" | "general_practice";
  unitType: OrganisationUnitType;
  name: string;
  sorCode: string;
  gln: string | null;
  hospitalId: string | null;
  municipalityCode: string | null;
  generalPracticeId: string | null;
  regionCode: string | null;
  parentId: string | null;
};

export async function insertUnit(db: Database, u: UnitRow & { synthetic: boolean }) {
  return db
    .insertInto("organisation")
    .values({ ...u, bodyId: null })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** A practice's organisation row exists already (one per practice); the register adds its codes. */
export async function setPracticeCodes(
  db: Database,
  generalPracticeId: string,
  codes: { sorCode: string; gln: string | null; name: string; synthetic: boolean },
) {
  return db
    .updateTable("organisation")
    .set({ ...codes, unitType: "general_practice" })
    .where("kind", "=", "general_practice")
    .where("generalPracticeId", "=", generalPracticeId)
    .returning("id")
    .executeTakeFirst();
}

export async function updateUnitDetails(
  db: Database,
  sorCode: string,
  details: { name: string; gln: string | null; unitType: OrganisationUnitType },
) {
  await db.updateTable("organisation").set(details).where("sorCode", "=", sorCode).execute();
}

/** Where a unit hangs: the hospital's or municipality's own organisation row, and its region. */
export function parentOf(db: Database, key: { hospitalId: string } | { municipalityCode: string }) {
  let q = db.selectFrom("organisation").select(["id", "regionCode"]);
  q =
    "hospitalId" in key
      ? q.where("kind", "=", "hospital").where("hospitalId", "=", key.hospitalId)
      : q.where("kind", "=", "municipality").where("municipalityCode", "=", key.municipalityCode);
  return q.executeTakeFirst();
}

export type UnitFilter = {
  kind?: UnitRow["kind"];
  municipalityCode?: string;
  hospitalId?: string;
  search?: string;
  limit: number;
};

export function listUnits(db: Database, f: UnitFilter) {
  let q = db
    .selectFrom("organisation as o")
    .leftJoin("hospital as h", "h.id", "o.hospitalId")
    .leftJoin("municipality as m", "m.code", "o.municipalityCode")
    .leftJoin("generalPractice as p", "p.id", "o.generalPracticeId")
    .select([
      "o.id",
      "o.kind",
      "o.unitType",
      "o.name",
      "o.sorCode",
      "o.gln",
      "o.hospitalId",
      "h.name as hospitalName",
      "o.municipalityCode",
      "m.name as municipalityName",
      "p.providerNumber",
      "o.synthetic",
    ])
    .where("o.sorCode", "is not", null)
    .orderBy("o.name")
    .limit(f.limit);
  if (f.kind) q = q.where("o.kind", "=", f.kind);
  if (f.municipalityCode) q = q.where("o.municipalityCode", "=", f.municipalityCode);
  if (f.hospitalId) q = q.where("o.hospitalId", "=", f.hospitalId);
  if (f.search) {
    const like = `%${f.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb("o.name", "ilike", like), eb("o.sorCode", "like", like)]));
  }
  return q.execute();
}

/** A practice registered through a synthetic unit is itself synthetic. */
export async function markSyntheticPractices(db: Database) {
  await db
    .updateTable("generalPractice")
    .set({ synthetic: true })
    .where("synthetic", "=", false)
    .where((eb) =>
      eb(
        "id",
        "in",
        eb
          .selectFrom("organisation")
          .select("generalPracticeId")
          .where("kind", "=", "general_practice")
          .where("synthetic", "=", true)
          .where("generalPracticeId", "is not", null)
          .$narrowType<{ generalPracticeId: string }>(),
      ),
    )
    .execute();
}

/**
 * The organisations and all those above them (by parent), each with its parent
 * and SOR code: enough to say whether a unit lies under an organisation.
 */
export async function findLineage(
  db: Database,
  organisationIds: string[],
): Promise<Map<string, { parentId: string | null; sorCode: string | null }>> {
  if (organisationIds.length === 0) return new Map();
  const { rows } = await sql<{ id: string; parentId: string | null; sorCode: string | null }>`
    with recursive up (id, parent_id, sor_code, depth) as (
      select id, parent_id, sor_code, 0 from organisation
      where id = any(${[...new Set(organisationIds)]}::uuid[])
      union
      select o.id, o.parent_id, o.sor_code, up.depth + 1
      from organisation o join up on o.id = up.parent_id
      where up.depth < 32
    )
    select distinct id, parent_id as "parentId", sor_code as "sorCode" from up`.execute(db);
  return new Map(rows.map((r) => [r.id, { parentId: r.parentId, sorCode: r.sorCode }]));
}
