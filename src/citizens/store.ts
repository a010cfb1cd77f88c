import { sql } from "kysely";
import type { CitizenFacts } from "../access/model.ts";
import {
  type FollowUpFactsJson,
  followUpFactsFrom,
  followUpRelationFacts,
} from "../follow-ups/relation-facts.ts";
import {
  type HandoverFactsJson,
  handoverFactsFrom,
  handoverRelationFacts,
} from "../handovers/relation-facts.ts";
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

/**
 * Registers the citizens hospital notifications name, or updates the name and
 * home municipality they state; the GP listing comes from elsewhere and is
 * kept. Rows go in hash order so that concurrent batches lock in one order.
 */
export async function upsertCitizensFromMessages(
  db: Database,
  citizens: (Omit<SealedCitizen, "listedPracticeId" | "synthetic" | "homeMunicipalityCode"> & {
    homeMunicipalityCode: string;
  })[],
) {
  const sorted = [...new Map(citizens.map((c) => [c.cprHash, c])).values()].sort((a, b) =>
    a.cprHash.localeCompare(b.cprHash),
  );
  if (sorted.length === 0) return [];
  return db
    .insertInto("citizen")
    .values(
      sorted.map((c) => ({ ...c, listedPracticeId: null, synthetic: false, deceasedAt: null })),
    )
    .onConflict((oc) =>
      oc.column("cprHash").doUpdateSet((eb) => ({
        nameEncrypted: eb.ref("excluded.nameEncrypted"),
        homeMunicipalityCode: eb.ref("excluded.homeMunicipalityCode"),
      })),
    )
    .returning(["id", "cprHash"])
    .execute();
}

/** Citizens of a population file (synthetic data): all facts at once, sorted to avoid deadlocks. */
export async function upsertPopulation(
  db: Database,
  citizens: (SealedCitizen & { addressEncrypted: string | null })[],
) {
  const sorted = [...new Map(citizens.map((c) => [c.cprHash, c])).values()].sort((a, b) =>
    a.cprHash.localeCompare(b.cprHash),
  );
  if (sorted.length === 0) return [];
  return db
    .insertInto("citizen")
    .values(sorted.map((c) => ({ ...c, deceasedAt: null })))
    .onConflict((oc) =>
      oc.column("cprHash").doUpdateSet((eb) => ({
        nameEncrypted: eb.ref("excluded.nameEncrypted"),
        addressEncrypted: eb.ref("excluded.addressEncrypted"),
        homeMunicipalityCode: eb.ref("excluded.homeMunicipalityCode"),
        listedPracticeId: eb.ref("excluded.listedPracticeId"),
        synthetic: eb.ref("excluded.synthetic"),
      })),
    )
    .returning(["id", "cprHash"])
    .execute();
}

export async function insertHomeCare(
  db: Database,
  grants: { citizenId: string; municipalityCode: string; grantedOn: string; synthetic: boolean }[],
) {
  if (grants.length === 0) return 0;
  const rows = await db
    .insertInto("homeCareGrant")
    .values(grants.map((g) => ({ ...g, service: "personal-care" as const, endedOn: null })))
    .onConflict((oc) => oc.columns(["citizenId", "service", "grantedOn"]).doNothing())
    .returning("id")
    .execute();
  return rows.length;
}

export async function practiceIdsByProviderNumber(db: Database) {
  const rows = await db.selectFrom("generalPractice").select(["id", "providerNumber"]).execute();
  return new Map(rows.map((r) => [r.providerNumber, r.id]));
}

export async function setDeceased(db: Database, deaths: { citizenId: string; at: Date | null }[]) {
  if (deaths.length === 0) return;
  await sql`
    update citizen c set deceased_at = v."at"
    from jsonb_to_recordset(${JSON.stringify(deaths)}::jsonb) as v("citizenId" uuid, "at" timestamptz)
    where c.id = v."citizenId" and c.deceased_at is distinct from v."at"`.execute(db);
}

export function findCitizen(db: Database, id: string) {
  return db.selectFrom("citizen").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findCitizenIdByHash(db: Database, cprHash: string) {
  return db.selectFrom("citizen").select("id").where("cprHash", "=", cprHash).executeTakeFirst();
}

/** A citizen's access facts with the name still sealed: opened only where the rules allow. */
export type SealedFacts = { facts: CitizenFacts; nameEncrypted: string };

/**
 * `sealedFacts` as it arrives: [home municipality, listed practice, sealed
 * name, stays as [hospital, admitted, discharged or ended], consents as
 * [relative, granted, expires, revoked], handovers (see relation-facts.ts),
 * medical follow-up items (src/follow-ups/relation-facts.ts)].
 */
type SealedFactsJson = [
  string | null,
  string | null,
  string,
  [string, string, string | null][],
  [string, string, string | null, string | null][],
  HandoverFactsJson,
  FollowUpFactsJson,
];

/**
 * The one SQL expression for a citizen's access facts and sealed name, over a
 * `citizen` row aliased `alias`, as a single JSON value. A list query that
 * names citizens selects it beside its own rows (see the handovers' worklist
 * store), so that the names need no second round trip and the facts are read
 * the same way everywhere. A transfer ends a stay without a discharge:
 * ended_at holds when the hospital's part ended.
 */
export function sealedFacts(alias: string) {
  const c = sql.id(alias);
  return sql<SealedFactsJson>`json_build_array(${c}.home_municipality_code,
    ${c}.listed_practice_id, ${c}.name_encrypted,
    coalesce((select json_agg(json_build_array(s.hospital_id, s.admitted_at,
        coalesce(s.ended_at, s.discharged_at)))
      from hospital_stay s where s.citizen_id = ${c}.id and s.status <> 'cancelled'), '[]'),
    coalesce((select json_agg(json_build_array(r.relative_user_id, r.granted_at, r.expires_at,
        r.revoked_at))
      from relative_consent r where r.citizen_id = ${c}.id), '[]'),
    ${handoverRelationFacts(alias)}, ${followUpRelationFacts(alias)})`;
}

const dateOrNull = (s: string | null) => (s === null ? null : new Date(s));

/** What `sealedFacts` selected for the citizen `citizenId`, as the access rules take it. */
export function unsealedFacts(citizenId: string, json: SealedFactsJson): SealedFacts {
  const [
    homeMunicipalityCode,
    listedPracticeId,
    nameEncrypted,
    stays,
    consents,
    handovers,
    followUps,
  ] = json;
  return {
    facts: {
      citizenId,
      homeMunicipalityCode,
      listedPracticeId,
      stays: stays.map(([hospitalId, admittedAt, dischargedAt]) => ({
        hospitalId,
        admittedAt: new Date(admittedAt),
        dischargedAt: dateOrNull(dischargedAt),
      })),
      consents: consents.map(([relativeUserId, grantedAt, expiresAt, revokedAt]) => ({
        relativeUserId,
        grantedAt: new Date(grantedAt),
        expiresAt: dateOrNull(expiresAt),
        revokedAt: dateOrNull(revokedAt),
      })),
      handovers: handoverFactsFrom(handovers),
      followUps: followUpFactsFrom(followUps ?? []),
    },
    nameEncrypted,
  };
}

/** The facts of one citizen, as the access rules take them; null for no such citizen. */
export async function factsOf(db: Database, citizenId: string): Promise<CitizenFacts | null> {
  const [one] = await factsOfMany(db, [citizenId]);
  return one?.facts ?? null;
}

/** The facts of many citizens at once, with their sealed names, in one round trip. */
export async function factsOfMany(db: Database, citizenIds: string[]): Promise<SealedFacts[]> {
  if (citizenIds.length === 0) return [];
  const { rows } = await sql<{ id: string; facts: SealedFactsJson }>`
    select c.id, ${sealedFacts("c")} as facts
    from citizen c where c.id = any(${citizenIds}::uuid[])`.execute(db);
  return rows.map((r) => unsealedFacts(r.id, r.facts));
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
          .select(["id", "name", "providerNumber", "municipalityCode"])
          .where("id", "=", practiceId)
          .executeTakeFirst()
      : undefined,
  ]);
}

export function consentsOf(db: Database, citizenId: string) {
  return db
    .selectFrom("relativeConsent as c")
    .innerJoin("appUser as u", "u.id", "c.relativeUserId")
    .select([
      "c.id",
      "u.username as relativeUsername",
      "u.displayName as relativeName",
      "c.grantedAt",
      "c.expiresAt",
      "c.revokedAt",
    ])
    .where("c.citizenId", "=", citizenId)
    .orderBy("c.grantedAt", "desc")
    .execute();
}

export async function revokeConsent(db: Database, citizenId: string, consentId: string, now: Date) {
  const r = await db
    .updateTable("relativeConsent")
    .set({ revokedAt: now })
    .where("id", "=", consentId)
    .where("citizenId", "=", citizenId)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function relativeUserByUsername(db: Database, username: string) {
  return db
    .selectFrom("appUser")
    .select(["id", "kind"])
    .where("username", "=", username)
    .where("disabledAt", "is", null)
    .executeTakeFirst();
}

/** Citizens who have given this relative a consent that is active now. */
export function consentingCitizens(db: Database, relativeUserId: string, now: Date) {
  return db
    .selectFrom("relativeConsent")
    .select("citizenId")
    .distinct()
    .where("relativeUserId", "=", relativeUserId)
    .where("grantedAt", "<=", now)
    .where((eb) => eb.or([eb("revokedAt", "is", null), eb("revokedAt", ">", now)]))
    .where((eb) => eb.or([eb("expiresAt", "is", null), eb("expiresAt", ">", now)]))
    .execute();
}

/** Where a citizen lives and who their GP is: who receives their handovers (none after death). */
export function receiversOf(db: Database, citizenIds: string[]) {
  if (citizenIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("citizen")
    .select(["id", "homeMunicipalityCode", "listedPracticeId", "deceasedAt"])
    .where("id", "in", citizenIds)
    .execute();
}
