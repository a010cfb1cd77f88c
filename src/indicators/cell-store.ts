import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";

/**
 * The monthly cells: counts per unit key (municipality, practice or hospital),
 * age band and sex, rebuilt one month at a time from `indicator_admission`
 * and the citizens. Each function replaces everything it owns for the month,
 * so running it twice gives the same cells.
 */

export type MonthBounds = { month: string; firstDay: string; start: Date; end: Date };

const ATTRIBUTIONS = [
  { attribution: "residence", start: "residence_at_start", end: "residence_at_end" },
  { attribution: "practice", start: "practice_at_start::text", end: "practice_at_end::text" },
  { attribution: "hospital", start: "first_hospital_id", end: "last_hospital_id" },
] as const;

/** Admissions, preventable admissions (65+), readmission indexes and days after "medically ready" of one month. */
export async function rebuildAdmissionCells(tx: Database, m: MonthBounds) {
  await tx
    .deleteFrom("indicatorCell")
    .where("month", "=", m.month)
    .where("indicator", "in", [
      "admissions",
      "preventable-admissions-65",
      "acute-readmission-30d",
      "medically-ready-days",
    ])
    .execute();
  for (const a of ATTRIBUTIONS) {
    const startKey = sql.raw(`coalesce(${a.start}, '')`);
    const endKey = sql.raw(`coalesce(${a.end}, '')`);
    await sql`
      insert into indicator_cell (indicator, attribution, month, key, age_band, sex, grp, numerator)
      select 'admissions', ${a.attribution}, ${m.month}, ${startKey}, age_band_at_start, sex, '', count(*)
        from indicator_admission where start_month = ${m.month}
        group by 4, 5, 6
      union all
      select 'preventable-admissions-65', ${a.attribution}, ${m.month}, ${startKey}, age_band_at_start,
          sex, preventable_group, count(*)
        from indicator_admission
        where start_month = ${m.month} and acute and preventable_group is not null
          and age_band_at_start in ('65-79', '80+')
        group by 4, 5, 6, 7`.execute(tx);
    await sql`
      insert into indicator_cell (indicator, attribution, month, key, age_band, sex, numerator, denominator)
      select 'acute-readmission-30d', ${a.attribution}, ${m.month}, ${endKey}, age_band_at_end, sex,
          count(readmitted_at), count(*)
        from indicator_admission where end_month = ${m.month} and is_index
        group by 4, 5, 6`.execute(tx);
    await sql`
      insert into indicator_cell (indicator, attribution, month, key, age_band, sex, numerator, amount)
      select 'medically-ready-days', ${a.attribution}, ${m.month}, ${endKey}, age_band_at_start, sex,
          sum(days_after_ready), sum(charge)
        from indicator_admission
        where end_month = ${m.month} and not died_during and age_band_at_start in ('65-79', '80+')
        group by 4, 5, 6`.execute(tx);
  }
}

/** The months for which any stay, admission or citizen exists: what a full rebuild covers. */
export async function dataMonths(db: Database): Promise<{ first: string; last: string } | null> {
  const row = await sql<{ first: Date | null; last: Date | null }>`
    select min(admitted_at) as first, max(coalesce(ended_at, admitted_at)) as last
    from hospital_stay`.execute(db);
  const r = row.rows[0];
  if (!r?.first || !r.last) return null;
  return { first: r.first.toISOString(), last: r.last.toISOString() };
}
