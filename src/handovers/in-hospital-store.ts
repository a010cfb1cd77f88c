import { sealedFacts } from "../citizens/store.ts";
import type { Database } from "../platform/db/database.ts";
import { literal, type Page, withCitizen } from "./worklist-sql.ts";

/**
 * A receiver's citizens in hospital now, the discharges to come: the list,
 * and its count, which a worklist page carries beside its own
 * (worklist-store.ts).
 */

export type StaysFilter = { municipalityCode?: string; practiceId?: string };

/** The stay carries its citizen's receivers (migration 0011), so this reads only theirs. */
export function currentStays(db: Database, f: StaysFilter) {
  const q = db
    .selectFrom("hospitalStay as s")
    .where("s.status", "in", literal(["admitted", "on-leave"] as const));
  if (f.municipalityCode) return q.where("s.citizenMunicipalityCode", "=", f.municipalityCode);
  if (f.practiceId) return q.where("s.citizenPracticeId", "=", f.practiceId);
  return null;
}

/** How many of the receiver's citizens are in hospital now. */
export async function currentStaysCount(db: Database, f: StaysFilter): Promise<number> {
  const q = currentStays(db, f);
  if (!q) return 0;
  const row = await q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The receiver's citizens in hospital now (admitted or on leave): a
 * municipality's residents, or a practice's listed patients. They are the
 * discharges to come, so the worklist shows them before any handover exists.

 * One page, latest admitted first.
 */
export async function currentStaysOf(db: Database, f: StaysFilter, page: Page) {
  const q = currentStays(db, f);
  if (!q) return [];
  const stays = q
    .innerJoin("hospital as hp", "hp.id", "s.hospitalId")
    .leftJoin("organisation as d", "d.id", "s.departmentOrganisationId")
    .select([
      "s.id as stayId",
      "s.citizenId",
      "s.status",
      "s.admittedAt",
      "hp.name as hospitalName",
      "d.name as departmentName",
    ])
    .orderBy("s.admittedAt", "desc")
    .orderBy("s.id", "desc")
    .limit(page.limit)
    .offset(page.offset);
  const rows = await db
    .selectFrom(stays.as("p"))
    .innerJoin("citizen as c", "c.id", "p.citizenId")
    .selectAll("p")
    .select(sealedFacts("c").as("citizenFacts"))
    .orderBy("p.admittedAt", "desc")
    .orderBy("p.stayId", "desc")
    .execute();
  return withCitizen(rows);
}
