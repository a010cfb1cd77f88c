import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { CapacitySource, PracticeFact } from "./capacity-model.ts";

/**
 * GP capacity's SQL. A practice is an organisation of kind
 * `general_practice`; its municipality and provider number are its
 * `general_practice` row's (the register's own link).
 */

function practices(db: Database) {
  return db
    .selectFrom("organisation as o")
    .innerJoin("generalPractice as gp", "gp.id", "o.generalPracticeId")
    .where("o.kind", "=", "general_practice");
}

/** The practices these provider numbers name: organisation id and municipality. */
export async function practicesByProvider(db: Database, providerNumbers: string[]) {
  if (providerNumbers.length === 0) return [];
  return practices(db)
    .where("gp.providerNumber", "in", providerNumbers)
    .select(["o.id as organisationId", "gp.providerNumber", "gp.municipalityCode"])
    .execute();
}

/** Every synthetic practice, with whether it has any capacity fact yet. */
export async function syntheticPractices(db: Database) {
  return practices(db)
    .where("o.synthetic", "=", true)
    .select(({ exists, selectFrom }) => [
      "o.id as organisationId",
      "gp.providerNumber",
      "gp.municipalityCode",
      exists(
        selectFrom("gpCapacityFact as f")
          .select("f.asOf")
          .whereRef("f.organisationId", "=", "o.id"),
      ).as("hasFacts"),
    ])
    .orderBy("gp.providerNumber")
    .execute();
}

/** Each practice's newest fact on or before `date`, for the practices in these municipalities. */
export async function newestFactsOn(
  db: Database,
  municipalityCodes: string[],
  date: string,
): Promise<PracticeFact[]> {
  if (municipalityCodes.length === 0) return [];
  const rows = await practices(db)
    .innerJoin("gpCapacityFact as f", "f.organisationId", "o.id")
    .where("gp.municipalityCode", "in", municipalityCodes)
    .where("f.asOf", "<=", date)
    .distinctOn("f.organisationId")
    .select([
      "f.organisationId",
      "gp.municipalityCode",
      sql<string>`to_char(f.as_of, 'YYYY-MM-DD')`.as("asOf"),
      "f.doctors",
      "f.listedPatients",
      "f.closedToNew",
      "f.source",
    ])
    .orderBy("f.organisationId")
    .orderBy("f.asOf", "desc")
    .execute();
  return rows;
}

export type NewFact = {
  organisationId: string;
  asOf: string;
  doctors: number;
  listedPatients: number;
  closedToNew: boolean;
  source: CapacitySource;
};

/** Writes facts; a practice's fact of the same date is replaced. */
export async function upsertFacts(
  tx: Database,
  facts: NewFact[],
  at: Date,
  by: string | null,
): Promise<void> {
  for (let i = 0; i < facts.length; i += 500) {
    const chunk = facts.slice(i, i + 500);
    await tx
      .insertInto("gpCapacityFact")
      .values(
        chunk.map((f) => ({
          organisationId: f.organisationId,
          asOf: f.asOf,
          doctors: f.doctors,
          listedPatients: f.listedPatients,
          closedToNew: f.closedToNew,
          source: f.source,
          recordedAt: at,
          recordedBy: by,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["organisationId", "asOf"]).doUpdateSet((eb) => ({
          doctors: eb.ref("excluded.doctors"),
          listedPatients: eb.ref("excluded.listedPatients"),
          closedToNew: eb.ref("excluded.closedToNew"),
          source: eb.ref("excluded.source"),
          recordedAt: eb.ref("excluded.recordedAt"),
          recordedBy: eb.ref("excluded.recordedBy"),
        })),
      )
      .execute();
  }
}

/** The body's own threshold, or undefined: the default holds. */
export async function ruleOf(db: Database, bodyId: string) {
  return db
    .selectFrom("gpCapacityRule as r")
    .leftJoin("appUser as u", "u.id", "r.setBy")
    .where("r.bodyId", "=", bodyId)
    .select(["r.maxPatientsPerDoctor", "r.setAt", "u.displayName as setByName"])
    .executeTakeFirst();
}

/** The body's threshold, as set now by `by`. */
export async function setRule(
  tx: Database,
  rule: { bodyId: string; maxPatientsPerDoctor: number; at: Date; by: string },
): Promise<void> {
  const row = {
    bodyId: rule.bodyId,
    maxPatientsPerDoctor: rule.maxPatientsPerDoctor,
    setAt: rule.at,
    setBy: rule.by,
  };
  await tx
    .insertInto("gpCapacityRule")
    .values(row)
    .onConflict((oc) =>
      oc.column("bodyId").doUpdateSet({
        maxPatientsPerDoctor: row.maxPatientsPerDoctor,
        setAt: row.setAt,
        setBy: row.setBy,
      }),
    )
    .execute();
}
