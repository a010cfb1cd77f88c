import type { CitizenFacts } from "../access/model.ts";
import type { Database } from "../platform/db/database.ts";

/** All SQL of the citizens capability. Personal data arrives here already sealed. */

export type SealedCitizen = {
  cprHash: string;
  cprEncrypted: string;
  nameEncrypted: string;
  birthDate: string;
  sex: "female" | "male";
  homeMunicipalityCode: string | null;
  listedPracticeId: string | null;
  synthetic: boolean;
};

export async function upsertCitizen(db: Database, c: SealedCitizen) {
  return db
    .insertInto("citizen")
    .values({ ...c, deceasedAt: null })
    .onConflict((oc) =>
      oc.column("cprHash").doUpdateSet({
        nameEncrypted: c.nameEncrypted,
        homeMunicipalityCode: c.homeMunicipalityCode,
        listedPracticeId: c.listedPracticeId,
      }),
    )
    .returning("id")
    .executeTakeFirstOrThrow();
}

export function findCitizen(db: Database, id: string) {
  return db.selectFrom("citizen").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findCitizenIdByHash(db: Database, cprHash: string) {
  return db.selectFrom("citizen").select("id").where("cprHash", "=", cprHash).executeTakeFirst();
}

export async function factsOf(db: Database, citizenId: string): Promise<CitizenFacts | null> {
  const citizen = await db
    .selectFrom("citizen")
    .select(["id", "homeMunicipalityCode", "listedPracticeId"])
    .where("id", "=", citizenId)
    .executeTakeFirst();
  if (!citizen) return null;
  const [stays, consents] = await Promise.all([
    db
      .selectFrom("hospitalStay")
      .select(["hospitalId", "admittedAt", "dischargedAt"])
      .where("citizenId", "=", citizenId)
      .execute(),
    db
      .selectFrom("relativeConsent")
      .select(["relativeUserId", "grantedAt", "expiresAt", "revokedAt"])
      .where("citizenId", "=", citizenId)
      .execute(),
  ]);
  return {
    citizenId: citizen.id,
    homeMunicipalityCode: citizen.homeMunicipalityCode,
    listedPracticeId: citizen.listedPracticeId,
    stays,
    consents,
  };
}

export async function insertStay(
  db: Database,
  stay: { citizenId: string; hospitalId: string; admittedAt: Date; dischargedAt: Date | null },
) {
  await db
    .insertInto("hospitalStay")
    .values({ ...stay, departmentOrganisationId: null })
    .execute();
}

export async function grantConsent(
  db: Database,
  consent: { citizenId: string; relativeUserId: string; expiresAt: Date | null },
) {
  return db
    .insertInto("relativeConsent")
    .values({ ...consent, revokedAt: null })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export function placeNames(
  db: Database,
  municipalityCode: string | null,
  practiceId: string | null,
) {
  return Promise.all([
    municipalityCode
      ? db
          .selectFrom("municipality")
          .select(["code", "name"])
          .where("code", "=", municipalityCode)
          .executeTakeFirst()
      : undefined,
    practiceId
      ? db
          .selectFrom("generalPractice")
          .select(["id", "name", "providerNumber"])
          .where("id", "=", practiceId)
          .executeTakeFirst()
      : undefined,
  ]);
}
