import { type Selectable, sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { IndicatorAdmissionTable } from "../platform/db/schema-indicators.ts";
import type { StayInput } from "./episodes.ts";

/** The SQL behind the admissions' facts: what a citizen's stays were, and what they count as. */

export type CitizenFacts = {
  id: string;
  birthDate: string;
  sex: "female" | "male";
  deceasedAt: Date | null;
};

export type ResidencePeriod = {
  citizenId: string;
  municipalityCode: string | null;
  practiceId: string | null;
  validFrom: string | null;
  validTo: string | null;
};

export type AdmissionRow = Omit<Selectable<IndicatorAdmissionTable>, "charge"> & { charge: number };

/**
 * Claims up to `limit` citizens whose stays or residence changed; another
 * process running the same maintenance skips them. The claim is undone if the
 * transaction fails, so nothing is lost.
 */
export async function claimDirtyCitizens(tx: Database, limit: number): Promise<string[]> {
  const rows = await sql<{ citizenId: string }>`
    delete from indicator_dirty_citizen where citizen_id in (
      select citizen_id from indicator_dirty_citizen
      order by citizen_id limit ${limit} for update skip locked)
    returning citizen_id`.execute(tx);
  return rows.rows.map((r) => r.citizenId);
}

export async function citizensFacts(db: Database, ids: string[]): Promise<CitizenFacts[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("citizen")
    .select(["id", "birthDate", "sex", "deceasedAt"])
    .where("id", "in", ids)
    .execute();
}

export async function staysOfCitizens(
  db: Database,
  ids: string[],
): Promise<(StayInput & { citizenId: string })[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("hospitalStay as s")
    .leftJoin("stayClinicalFact as f", "f.stayId", "s.id")
    .select((eb) => [
      "s.id as stayId",
      "s.citizenId",
      "s.hospitalId",
      "s.admittedAt",
      "s.endedAt",
      "s.status",
      "s.diedAt",
      "f.admissionKind",
      "f.primaryDiagnosis",
      "f.medicallyReadyAt",
      eb
        .exists(
          eb
            .selectFrom("stayNotification as n")
            .select(sql`1`.as("one"))
            .whereRef("n.stayId", "=", "s.id")
            .where("n.kind", "=", "admit-acute-ambulant"),
        )
        .as("beganAcuteAmbulant"),
    ])
    .where("s.citizenId", "in", ids)
    .execute();
  return rows.map((r) => ({
    citizenId: r.citizenId,
    stayId: r.stayId,
    hospitalId: r.hospitalId,
    admittedAt: r.admittedAt,
    endedAt: r.endedAt,
    cancelled: r.status === "cancelled",
    diedAt: r.diedAt,
    admissionKind: r.admissionKind,
    beganAcuteAmbulant: Boolean(r.beganAcuteAmbulant),
    diagnosis: r.primaryDiagnosis,
    medicallyReadyAt: r.medicallyReadyAt,
  }));
}

export async function residenceOfCitizens(db: Database, ids: string[]): Promise<ResidencePeriod[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("citizenResidence")
    .select(["citizenId", "municipalityCode", "practiceId", "validFrom", "validTo"])
    .where("citizenId", "in", ids)
    .execute();
}

export async function admissionsOfCitizens(db: Database, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("indicatorAdmission").selectAll().where("citizenId", "in", ids).execute();
}

export async function replaceAdmissions(tx: Database, citizenIds: string[], rows: AdmissionRow[]) {
  if (citizenIds.length === 0) return;
  await tx.deleteFrom("indicatorAdmission").where("citizenId", "in", citizenIds).execute();
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insertInto("indicatorAdmission")
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function markMonthsDirty(
  tx: Database,
  source: "admission" | "population" | "loop",
  months: Iterable<string>,
) {
  const values = [...new Set(months)].map((month) => ({ source, month }));
  if (values.length === 0) return;
  await tx
    .insertInto("indicatorDirtyMonth")
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Every citizen with a stay, for a full rebuild: the triggers mark only what changes. */
export async function markAllCitizensDirty(tx: Database) {
  await sql`
    insert into indicator_dirty_citizen (citizen_id)
      select distinct citizen_id from hospital_stay
      union select distinct citizen_id from indicator_admission
    on conflict do nothing`.execute(tx);
}

export async function dirtyCitizenCount(db: Database): Promise<number> {
  const row = await db
    .selectFrom("indicatorDirtyCitizen")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
