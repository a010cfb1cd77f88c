import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";

/**
 * The monthly cells: counts per unit key (municipality, practice or hospital),
 * age band and sex, rebuilt from `indicator_admission` for the months asked.
 * Each function replaces everything it owns for those months, so running it
 * twice gives the same cells.
 */

export type MonthBounds = { month: string; firstDay: string; start: Date; end: Date };

/** Each admission counts once per attribution: by where the citizen lived, their practice, and the hospital. */
const KEYS = sql`cross join lateral (values
  ('residence', coalesce(residence_at_start, ''), coalesce(residence_at_end, '')),
  ('practice', coalesce(practice_at_start::text, ''), coalesce(practice_at_end::text, '')),
  ('hospital', first_hospital_id, last_hospital_id)) as k(attribution, start_key, end_key)`;

/**
 * Admissions, preventable admissions (65+), readmission indexes and days after
 * "medically ready" of the given months, all in one pass per kind: a full
 * refresh asks for every month at once, the upkeep for the few that changed.
 */
export async function rebuildAdmissionCells(tx: Database, months: string[]) {
  if (months.length === 0) return;
  await tx
    .deleteFrom("indicatorCell")
    .where("month", "in", months)
    .where("indicator", "in", [
      "admissions",
      "preventable-admissions-65",
      "acute-readmission-30d",
      "medically-ready-days",
    ])
    .execute();
  const wanted = sql`(select unnest(${months}::text[]))`;
  await sql`
    insert into indicator_cell (indicator, attribution, month, key, age_band, sex, grp, numerator)
    select 'admissions', k.attribution, start_month, k.start_key, age_band_at_start, sex, '', count(*)
      from indicator_admission ${KEYS} where start_month in ${wanted}
      group by 2, 3, 4, 5, 6
    union all
    select 'preventable-admissions-65', k.attribution, start_month, k.start_key, age_band_at_start,
        sex, preventable_group, count(*)
      from indicator_admission ${KEYS}
      where start_month in ${wanted} and acute and preventable_group is not null
        and age_band_at_start in ('65-79', '80+')
      group by 2, 3, 4, 5, 6, 7`.execute(tx);
  await sql`
    insert into indicator_cell (indicator, attribution, month, key, age_band, sex, numerator, denominator)
    select 'acute-readmission-30d', k.attribution, end_month, k.end_key, age_band_at_end, sex,
        count(readmitted_at), count(*)
      from indicator_admission ${KEYS} where end_month in ${wanted} and is_index
      group by 2, 3, 4, 5, 6`.execute(tx);
  await sql`
    insert into indicator_cell (indicator, attribution, month, key, age_band, sex, numerator, amount)
    select 'medically-ready-days', k.attribution, end_month, k.end_key, age_band_at_start, sex,
        sum(days_after_ready), sum(charge)
      from indicator_admission ${KEYS}
      where end_month in ${wanted} and not died_during and age_band_at_start in ('65-79', '80+')
      group by 2, 3, 4, 5, 6`.execute(tx);
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
