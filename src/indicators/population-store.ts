import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import { type PeriodKind, periodStart, periodsBetween } from "./periods.ts";

/**
 * The residents (and each practice's listed patients) alive on each month's
 * first day, for many months in one pass over the citizens. Each citizen's
 * stretch at one address, within their life, is cut at the birthdays that
 * change their age band; each piece adds one resident from the first month
 * that begins inside it and takes them away from the first month that begins
 * after it. A running sum over the months gives the counts. Counting month by
 * month instead would read every citizen once per month.
 *
 * A birthday on 29 February counts on 1 March in other years, as `ageOn` does:
 * the band's first day is the day after (birth − 1 day + N years).
 */

const MONTH: PeriodKind = "month";

export async function rebuildPopulations(tx: Database, months: string[]) {
  if (months.length === 0) return;
  const sorted = [...new Set(months)].sort();
  const first = periodStart(MONTH, sorted[0] ?? "");
  const last = periodStart(MONTH, sorted[sorted.length - 1] ?? "");
  // The running sum needs every month between the first and the last; only the asked ones are kept.
  const grid = periodsBetween(MONTH, first, last);
  const firstDays = grid.map((m) => periodStart(MONTH, m));
  await tx.deleteFrom("indicatorPopulation").where("month", "in", sorted).execute();
  await sql`
    with months as (
      select * from unnest(${grid}::text[], ${firstDays}::date[]) as m(month, first_day)
    ), stretch as (
      select c.sex, coalesce(r.municipality_code, '') as municipality, coalesce(r.practice_id::text, '') as practice,
        c.birth_date,
        greatest(coalesce(r.valid_from, c.birth_date), c.birth_date) as s,
        least(coalesce(r.valid_to, 'infinity'::date),
          coalesce((c.deceased_at at time zone 'Europe/Copenhagen')::date + 1, 'infinity'::date)) as e
      from citizen c join citizen_residence r on r.citizen_id = c.id
    ), piece as (
      select st.sex, st.municipality, st.practice, b.band,
        greatest(st.s, (st.birth_date - 1 + make_interval(years => b.lo))::date + 1) as s,
        case when b.hi is null then st.e
          else least(st.e, (st.birth_date - 1 + make_interval(years => b.hi))::date + 1) end as e
      from stretch st
      cross join (values ('0-17', 0, 18), ('18-64', 18, 65), ('65-79', 65, 80), ('80+', 80, null))
        as b(band, lo, hi)
    ), edge as (
      -- The first month that begins on or after a day.
      select sex, municipality, practice, band,
        case when extract(day from s) = 1 then s else (date_trunc('month', s::timestamp) + interval '1 month')::date end as from_month,
        case when e = 'infinity'::date then null
          when extract(day from e) = 1 then e else (date_trunc('month', e::timestamp) + interval '1 month')::date end as to_month
      from piece where s < e
    ), delta as (
      select attribution, key, band, sex, greatest(at, ${first}::date) as at, sum(d) as d
      from edge
      cross join lateral (values
        ('residence', municipality, from_month, 1), ('residence', municipality, to_month, -1),
        ('practice', practice, from_month, 1), ('practice', practice, to_month, -1)
      ) as v(attribution, key, at, d)
      where at is not null and at <= ${last}::date
      group by 1, 2, 3, 4, 5
    ), grid as (
      select distinct g.attribution, g.key, g.band, g.sex, m.month, m.first_day
      from delta g cross join months m
    ), counted as (
      select grid.month, grid.attribution, grid.key, grid.band, grid.sex,
        sum(coalesce(delta.d, 0)) over (
          partition by grid.attribution, grid.key, grid.band, grid.sex
          order by grid.first_day rows unbounded preceding) as persons
      from grid left join delta on delta.attribution = grid.attribution and delta.key = grid.key
        and delta.band = grid.band and delta.sex = grid.sex and delta.at = grid.first_day
    )
    insert into indicator_population (month, attribution, key, age_band, sex, persons)
    select month, attribution, key, band, sex, persons from counted
    where persons > 0 and month in (select unnest(${sorted}::text[]))`.execute(tx);
}
