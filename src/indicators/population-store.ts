import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import { type PeriodKind, periodStart, periodsBetween } from "./periods.ts";

/**
 * The residents (and each practice's listed patients) alive on each month's
 * first day, for many months in one pass over the citizens.
 *
 * Everything is counted in month numbers (year × 12 + month − 1). The first
 * month whose first day falls on or after a date d is
 * `monthOnOrAfter(d)` = d's month, or the next one when d is not the 1st. So a
 * citizen is counted on month m's first day when m is on or after
 * monthOnOrAfter(birth and moving in) and before monthOnOrAfter(moving out and
 * the day after death); and their age on it is ⌊(m − monthOnOrAfter(birth)) / 12⌋
 * (a birthday on 29 February counts on 1 March in other years, as `ageOn`
 * does). An age band [lo, hi) is therefore the months from
 * monthOnOrAfter(birth) + 12·lo to monthOnOrAfter(birth) + 12·hi.
 *
 * Citizens with the same stretch in month numbers are counted together first;
 * each band of a stretch adds its count from its first month and takes it away
 * after its last, and a running sum over the months gives the residents.
 * Counting month by month instead would read every citizen once per month.
 */

const MONTH: PeriodKind = "month";

function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

const onOrAfter = (d: string) =>
  sql.raw(`(date_part('year', ${d})::int * 12 + date_part('month', ${d})::int - 1
    + (date_part('day', ${d}) > 1)::int)`);

const NEVER = 1_000_000;

export async function rebuildPopulations(tx: Database, months: string[]) {
  if (months.length === 0) return;
  const sorted = [...new Set(months)].sort();
  // The running sum needs every month between the first and the last; only the asked ones are kept.
  const grid = periodsBetween(
    MONTH,
    periodStart(MONTH, sorted[0] ?? ""),
    periodStart(MONTH, sorted[sorted.length - 1] ?? ""),
  );
  const numbers = grid.map(monthNumber);
  const first = numbers[0] ?? 0;
  const last = numbers[numbers.length - 1] ?? 0;
  await tx.deleteFrom("indicatorPopulation").where("month", "in", sorted).execute();
  await sql`
    with months as (
      select * from unnest(${grid}::text[], ${numbers}::int[]) as m(month, n)
    ), stretch as materialized (
      select c.sex, r.municipality_code, r.practice_id, ${onOrAfter("c.birth_date")} as born,
        greatest(${onOrAfter("r.valid_from")}, ${onOrAfter("c.birth_date")}) as f,
        least(coalesce(${onOrAfter("r.valid_to")}, ${NEVER}),
          coalesce(${onOrAfter("((c.deceased_at at time zone 'Europe/Copenhagen')::date + 1)")}, ${NEVER})) as t
      from citizen c join citizen_residence r on r.citizen_id = c.id
    ), shape as (
      select 'residence' as attribution, coalesce(municipality_code, '') as key, sex, born, f, t,
          count(*) as n
        from stretch where f < t and f <= ${last} and t > ${first} group by 2, 3, 4, 5, 6
      union all
      select 'practice', coalesce(practice_id::text, ''), sex, born, f, t, count(*)
        from stretch where f < t and f <= ${last} and t > ${first} group by 2, 3, 4, 5, 6
    ), piece as (
      select s.attribution, s.key, s.sex, b.band, s.n,
        greatest(s.f, s.born + 12 * b.lo, ${first}) as f, least(s.t, s.born + 12 * b.hi) as t
      from shape s
      cross join (values ('0-17', 0, 18), ('18-64', 18, 65), ('65-79', 65, 80), ('80+', 80, ${NEVER}))
        as b(band, lo, hi)
    ), delta as (
      select attribution, key, band, sex, at, sum(d) as d
      from piece cross join lateral (values (f, n), (t, -n)) as v(at, d)
      where f < t and at <= ${last}
      group by 1, 2, 3, 4, 5
    ), grid as (
      select distinct g.attribution, g.key, g.band, g.sex, m.month, m.n
      from delta g cross join months m
    ), counted as (
      select grid.month, grid.attribution, grid.key, grid.band, grid.sex,
        sum(coalesce(delta.d, 0)) over (
          partition by grid.attribution, grid.key, grid.band, grid.sex
          order by grid.n rows unbounded preceding) as persons
      from grid left join delta on delta.attribution = grid.attribution and delta.key = grid.key
        and delta.band = grid.band and delta.sex = grid.sex and delta.at = grid.n
    )
    insert into indicator_population (month, attribution, key, age_band, sex, persons)
    select month, attribution, key, band, sex, persons from counted
    where persons > 0 and month in (select unnest(${sorted}::text[]))`.execute(tx);
}
