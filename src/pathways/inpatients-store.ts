import { sql } from "kysely";
import { sealedFacts, unsealedFacts } from "../citizens/store.ts";
import type { Database } from "../platform/db/database.ts";

/**
 * A hospital's current inpatients (issue 21, part 3): the stays admitted or
 * on leave at a hospital, or at one department of it (with the hospital's
 * stays whose department no message named, so none is lost between wards),
 * each with the citizen's access facts and sealed name, and when the
 * citizen was medically ready for discharge where that is known.
 */
export type InpatientFilter = {
  hospitalId: string;
  /** A department's own list; null for the hospital's whole list. */
  departmentId: string | null;
  /** Only those medically ready for discharge: the expected discharges. */
  readyOnly: boolean;
};

function selected(db: Database, f: InpatientFilter) {
  let q = db
    .selectFrom("hospitalStay as s")
    .leftJoin("stayClinicalFact as cf", "cf.stayId", "s.id")
    .where("s.hospitalId", "=", f.hospitalId)
    .where("s.status", "in", [sql.lit<"admitted">("admitted"), sql.lit<"on-leave">("on-leave")]);
  if (f.departmentId) {
    const id = f.departmentId;
    q = q.where((eb) =>
      eb.or([
        eb("s.departmentOrganisationId", "=", id),
        eb("s.departmentOrganisationId", "is", null),
      ]),
    );
  }
  if (f.readyOnly) q = q.where("cf.medicallyReadyAt", "is not", null);
  return q;
}

export async function inpatientCount(db: Database, f: InpatientFilter): Promise<number> {
  const row = await selected(db, f)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page: the medically ready first (longest ready first), then the latest admitted. */
export async function inpatients(
  db: Database,
  f: InpatientFilter,
  page: { limit: number; offset: number },
) {
  const rows = await selected(db, f)
    .innerJoin("citizen as c", "c.id", "s.citizenId")
    .leftJoin("organisation as d", "d.id", "s.departmentOrganisationId")
    .select([
      "s.id as stayId",
      "s.citizenId",
      "s.hospitalId",
      "s.status",
      "s.admittedAt",
      "d.name as departmentName",
      "cf.medicallyReadyAt",
    ])
    .select(sealedFacts("c").as("citizenFacts"))
    .orderBy(sql`cf.medically_ready_at asc nulls last`)
    .orderBy("s.admittedAt", "desc")
    .orderBy("s.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({ ...r, citizen: unsealedFacts(r.citizenId, r.citizenFacts) }));
}
