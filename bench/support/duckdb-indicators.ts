/**
 * The indicators as an analyst would compute them in DuckDB from
 * the exported Parquet files: the national building blocks written as SQL
 * from the definitions (issue 20), not translated from src/indicators' code.
 *
 * - A hospital stay (sygehusophold) joins a citizen's non-cancelled stays
 *   that overlap or lie at most 4 hours apart: a window function carries the
 *   latest end so far, and a stay more than 4 hours after it begins a new one.
 *   A stay without an end (open) joins everything after it.
 * - An admission is a hospital stay of at least 12 hours (an open one, by
 *   `now`); acute, diagnosis and first hospital are its first stay's; the
 *   stay it ends with is the one ending last.
 * - An index ends with the citizen alive and is not excluded; it is
 *   readmitted when the citizen's next acute, not excluded admission starts
 *   more than 0 and at most 30 days after its end (an ASOF join).
 * - Days after "medically ready" per started day, from the last stay's time
 *   (else the latest of its stays'), for admissions that ended alive.
 * - Months, ages and residence on Danish dates; the population on each
 *   month's first day.
 * - The loop from the handovers and their decisions (a decision followed by
 *   an undo counts as never made), per receiving sector.
 *
 * The cells are the product's grain: per indicator, attribution (residence,
 * practice, hospital), month, unit key, age band, sex and group.
 */

import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { DECLINE_REASONS } from "../../src/handovers/model.ts";
import {
  codeList,
  EXCLUSION_LIST,
  type IndicatorParameters,
  PREVENTABLE_LIST,
} from "../../src/indicators/parameters.ts";

const HOUR = 3_600_000;
const OPEN = 9_000_000_000_000_000; // an open stay's end, later than any instant
// Open ends of a residence period, as dates: written with OR ... IS NULL, an outer join
// becomes a nested loop in DuckDB (1.5), hours at the national scale.
const EVER = "date '0001-01-01'";
const NEVER = "date '9999-12-31'";
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

function parameterTables(p: IndicatorParameters): string[] {
  const preventable = codeList(p, PREVENTABLE_LIST).groups.flatMap((g, order) =>
    g.codes.map((c) => `(${order}, ${quote(g.key)}, ${quote(c)})`),
  );
  const exclusions = codeList(p, EXCLUSION_LIST).groups.flatMap((g) =>
    g.codes.map((c) => `(${quote(g.key)}, ${quote(g.appliesTo ?? "both")}, ${quote(c)})`),
  );
  return [
    `create or replace table preventable_code as
       select grp_order, grp, replace(upper(code), '.', '') as prefix
       from (values ${preventable.join(", ")}) t(grp_order, grp, code)`,
    `create or replace table exclusion_code as
       select rule, applies_to, replace(upper(code), '.', '') as prefix
       from (values ${exclusions.join(", ")}) t(rule, applies_to, code)`,
  ];
}

const MACROS = [
  `create or replace macro age_on(born, d) as
     year(d) - year(born) - case when month(d) * 100 + day(d) < month(born) * 100 + day(born) then 1 else 0 end`,
  `create or replace macro band(age) as
     case when age < 18 then '0-17' when age < 65 then '18-64' when age < 80 then '65-79' else '80+' end`,
  `create or replace macro danish_date(t) as cast(timezone('Europe/Copenhagen', t) as date)`,
  `create or replace macro month_of(d) as strftime(d, '%Y-%m')`,
];

function stayTables(dir: string): string[] {
  const file = (name: string) => quote(path.join(dir, `${name}.parquet`));
  return [
    `create or replace table citizen as select * from read_parquet(${file("citizens")})`,
    `create or replace table residence as select * from read_parquet(${file("residence")})`,
    `create or replace table stay as
       select id, citizen_id, hospital_id, admitted_at,
         epoch_ms(admitted_at) as start_ms,
         case when coalesce(ended_at, died_at) is null then null
              else greatest(epoch_ms(coalesce(ended_at, died_at)), epoch_ms(admitted_at)) end as end_ms,
         died_at is not null as died,
         case when admission_kind is null then began_acute_ambulant
              else admission_kind = 'acute' end as acute,
         primary_diagnosis as diagnosis,
         epoch_ms(medically_ready_at) as ready_ms
       from read_parquet(${file("stays")}) where status <> 'cancelled'`,
    `create or replace table episode as
       with carried as (
         select *, max(coalesce(end_ms, ${OPEN})) over (
             partition by citizen_id order by start_ms, id
             rows between unbounded preceding and 1 preceding) as ended_so_far
         from stay
       ), numbered as (
         select *, sum(case when ended_so_far is null or start_ms - ended_so_far > ${4 * HOUR}
                            then 1 else 0 end) over (
             partition by citizen_id order by start_ms, id rows unbounded preceding) as ep
         from carried
       )
       select citizen_id, ep,
         min(start_ms) as start_ms,
         max(coalesce(end_ms, ${OPEN})) as end_raw,
         first(hospital_id order by start_ms, id) as first_hospital_id,
         first(acute order by start_ms, id) as acute,
         first(diagnosis order by start_ms, id) as diagnosis,
         last(hospital_id order by coalesce(end_ms, ${OPEN}), start_ms, id) as last_hospital_id,
         coalesce(last(ready_ms order by coalesce(end_ms, ${OPEN}), start_ms, id), max(ready_ms)) as ready_ms,
         bool_or(died) as died_during
       from numbered group by citizen_id, ep`,
    `create or replace table diagnosis_class as
       with d as (select distinct diagnosis, replace(upper(diagnosis), '.', '') as bare
                  from episode where diagnosis is not null)
       select diagnosis,
         (select arg_min(grp, grp_order) from preventable_code p
           where starts_with(d.bare, p.prefix)) as preventable_group,
         exists (select 1 from exclusion_code e where e.applies_to in ('index', 'both')
                 and starts_with(d.bare, e.prefix)) as index_excluded,
         exists (select 1 from exclusion_code e where e.applies_to in ('readmission', 'both')
                 and starts_with(d.bare, e.prefix)) as readmission_excluded
       from d`,
  ];
}

function admissionTables(nowMs: number, rates: IndicatorParameters["dayRates"]): string[] {
  const at = (ms: string) => `epoch_ms(${ms})::timestamptz`;
  return [
    `create or replace table admission as
       with a as (
         select e.*, case when end_raw = ${OPEN} then null else end_raw end as end_ms
         from episode e
         where case when end_raw = ${OPEN} then ${nowMs} else end_raw end - start_ms >= ${12 * HOUR}
       ), dated as (
         select a.*, c.sex, c.birth_date,
           danish_date(${at("a.start_ms")}) as start_date,
           case when a.end_ms is null then null else danish_date(${at("a.end_ms")}) end as end_date,
           case when a.ready_ms is null or a.end_ms is null or a.died_during or a.end_ms <= a.ready_ms
                then 0 else (a.end_ms - a.ready_ms + 86399999) // 86400000 end as days
         from a join citizen c on c.id = a.citizen_id
       )
       select d.*, month_of(start_date) as start_month, month_of(end_date) as end_month,
         band(age_on(birth_date, start_date)) as band_at_start,
         case when end_date is null then null else band(age_on(birth_date, end_date)) end as band_at_end,
         days * ${rates.regionalPerDay} + least(days, 2) * ${rates.statePerDayFirstTwo}
           + (days - least(days, 2)) * ${rates.statePerDayFromThird} as charge,
         k.preventable_group,
         coalesce(k.index_excluded, false) as index_excluded,
         coalesce(k.readmission_excluded, false) as readmission_excluded,
         rs.municipality_code as residence_at_start, rs.practice_id as practice_at_start,
         re.municipality_code as residence_at_end, re.practice_id as practice_at_end
       from dated d
       left join diagnosis_class k on k.diagnosis = d.diagnosis
       left join residence rs on rs.citizen_id = d.citizen_id
         and d.start_date >= coalesce(rs.valid_from, ${EVER}) and d.start_date < coalesce(rs.valid_to, ${NEVER})
       left join residence re on re.citizen_id = d.citizen_id
         and d.end_date >= coalesce(re.valid_from, ${EVER}) and d.end_date < coalesce(re.valid_to, ${NEVER})`,
    `create or replace table readmission as
       select a.*,
         a.end_ms is not null and not a.died_during and not a.index_excluded as is_index,
         c.start_ms is not null and c.start_ms - a.end_ms <= ${30 * 24 * HOUR} as readmitted
       from admission a asof left join (
         select citizen_id, start_ms from admission where acute and not readmission_excluded
       ) c on a.citizen_id = c.citizen_id and a.end_ms < c.start_ms`,
  ];
}

const CELLS = `
  create or replace table duck_cell as
  with keyed as (
    select r.*, t.attribution,
      case t.attribution when 'residence' then coalesce(residence_at_start, '')
        when 'practice' then coalesce(practice_at_start, '') else first_hospital_id end as start_key,
      case t.attribution when 'residence' then coalesce(residence_at_end, '')
        when 'practice' then coalesce(practice_at_end, '') else last_hospital_id end as end_key
    from readmission r cross join (values ('residence'), ('practice'), ('hospital')) t(attribution)
  )
  select 'admissions' as indicator, attribution, start_month as month, start_key as key,
    band_at_start as age_band, sex, '' as sector, '' as grp, count(*) as numerator,
    null::bigint as denominator, null::decimal(16, 2) as amount
  from keyed group by all
  union all
  select 'preventable-admissions-65', attribution, start_month, start_key, band_at_start, sex, '',
    preventable_group, count(*), null, null
  from keyed where acute and preventable_group is not null and band_at_start in ('65-79', '80+')
  group by all
  union all
  select 'acute-readmission-30d', attribution, end_month, end_key, band_at_end, sex, '', '',
    count(*) filter (where readmitted), count(*), null
  from keyed where is_index group by all
  union all
  select 'medically-ready-days', attribution, end_month, end_key, band_at_start, sex, '', '',
    sum(days), null, sum(charge)
  from keyed where end_month is not null and not died_during and band_at_start in ('65-79', '80+')
  group by all`;

/**
 * The loop, from the handovers and their decisions: a decision followed by an
 * undo counts as never made; what has not had its time by `now` (a deadline,
 * 24 hours, 30 days) is left out; residence on the discharge day.
 */
function loopStatements(dir: string, nowMs: number): string[] {
  const file = (name: string) => quote(path.join(dir, `${name}.parquet`));
  const now = `epoch_ms(${nowMs})::timestamptz`;
  const reasons = DECLINE_REASONS.map(quote).join(", ");
  return [
    `create or replace table loop_h as
       with decision as (
         select handover_id, kind, "at", reason from (
           select *, lead(kind) over (partition by handover_id order by id) as next_kind
           from read_parquet(${file("decisions")}))
         where kind in ('confirmed', 'declined') and coalesce(next_kind, '') <> 'undone'
       ), decided as (
         select handover_id, min("at") filter (where kind = 'confirmed') as confirmed_at,
           count(*) filter (where kind = 'declined') as declines
         from decision group by all
       ), unresolved as (
         select handover_id, min("at") as unresolved_at from read_parquet(${file("decisions")})
         where kind = 'unresolved' group by all
       ), h as (
         select h.*, danish_date(h.discharged_at) as day from read_parquet(${file("handovers")}) h
       )
       select h.*, month_of(h.day) as month, d.confirmed_at, coalesce(d.declines, 0) as declines,
         u.unresolved_at,
         coalesce(r.municipality_code, '') as residence_key, coalesce(r.practice_id, '') as practice_key
       from h left join decided d on d.handover_id = h.id
       left join unresolved u on u.handover_id = h.id
       left join residence r on r.citizen_id = h.citizen_id
         and h.day >= coalesce(r.valid_from, ${EVER}) and h.day < coalesce(r.valid_to, ${NEVER})`,
    `create or replace table loop_decline as
       select d.handover_id, case when split_part(d.reason, ':', 1) in (${reasons})
           then split_part(d.reason, ':', 1) else 'unspecified' end as grp
       from (select *, lead(kind) over (partition by handover_id order by id) as next_kind
             from read_parquet(${file("decisions")})) d
       where d.kind = 'declined' and coalesce(d.next_kind, '') <> 'undone'`,
    `insert into duck_cell
       with keyed as (
         select h.*, t.attribution,
           case t.attribution when 'residence' then residence_key when 'practice' then practice_key
             else discharging_hospital_id end as key,
           exists (select 1 from admission a where a.citizen_id = h.citizen_id and a.acute
             and not a.readmission_excluded and a.start_ms > epoch_ms(h.discharged_at)
             and a.start_ms <= epoch_ms(h.discharged_at) + ${30 * 24 * HOUR}) as readmitted
         from loop_h h cross join (values ('residence'), ('practice'), ('hospital')) t(attribution)
       )
       select 'loop-confirmed-by-deadline', attribution, month, key, '', '', sector, '',
         count(*) filter (where confirmed_at <= deadline_at), count(*), null
       from keyed where status <> 'closed' and (confirmed_at is not null or deadline_at <= ${now})
       group by all
       union all
       select 'loop-unconfirmed-24h', attribution, month, key, '', '', sector, '',
         count(*) filter (where confirmed_at is null or confirmed_at > discharged_at + interval 24 hours),
         count(distinct stay_id), null
       from keyed where status <> 'closed' and discharged_at + interval 24 hours <= ${now}
       group by all
       union all
       select 'loop-unresolved', attribution, month, key, '', '', sector, '',
         count(*) filter (where unresolved_at <= ${now}), count(*), null
       from keyed where status <> 'closed' group by all
       union all
       select 'loop-declines', attribution, month, key, '', '', sector, d.grp, count(*), null, null
       from keyed join loop_decline d on d.handover_id = keyed.id group by all
       union all
       select 'loop-declines', attribution, month, key, '', '', sector, '', sum(declines), count(*), null
       from keyed group by all
       union all
       select 'loop-readmission-by-confirmation', attribution, month, key, '', '', sector,
         case when confirmed_at <= deadline_at then 'confirmed-by-deadline'
           else 'not-confirmed-by-deadline' end,
         count(*) filter (where readmitted), count(*), null
       from keyed where status <> 'closed' and sector = 'municipality'
         and epoch_ms(discharged_at) + ${30 * 24 * HOUR} <= ${nowMs}
       group by all
       union all
       select 'loop-confirmation-time', attribution, month, key, '', '', sector, '', count(*), null, null
       from keyed where confirmed_at is not null and status <> 'closed' group by all
       union all
       select 'no-listed-gp', attribution, month, key, '', '', '', '',
         count(distinct stay_id) - count(distinct stay_id) filter (where sector = 'general-practice'),
         count(distinct stay_id), null
       from keyed group by all`,
  ];
}

function populationTable(dir: string, nowMs: number): string {
  const stays = quote(path.join(dir, "stays.parquet"));
  return `
  create or replace table duck_population as
  with bounds as (
    select date_trunc('month', danish_date(min(admitted_at))) as first_month,
      date_trunc('month', danish_date(epoch_ms(${nowMs})::timestamptz)) as last_month
    from read_parquet(${stays})
  ), months as (
    select month_of(m) as month, m::date as first_day,
      timezone('Europe/Copenhagen', m::timestamp) as starts_at
    from bounds, range(first_month, last_month + interval 1 month, interval 1 month) t(m)
  ), alive as (
    select m.month, c.sex, r.municipality_code, r.practice_id,
      band(age_on(c.birth_date, m.first_day)) as age_band
    from citizen c
    join residence r on r.citizen_id = c.id
    cross join months m
    where c.birth_date <= m.first_day
      and (c.deceased_at is null or c.deceased_at >= m.starts_at)
      and m.first_day >= coalesce(r.valid_from, ${EVER}) and m.first_day < coalesce(r.valid_to, ${NEVER})
  )
  select month, 'residence' as attribution, coalesce(municipality_code, '') as key, age_band, sex,
    count(*) as persons
  from alive group by all
  union all
  select month, 'practice', coalesce(practice_id, ''), age_band, sex, count(*)
  from alive group by all`;
}

export type DuckRun = {
  instance: DuckDBInstance;
  seconds: number;
  steps: { sql: string; seconds: number }[];
};

/** The whole computation in a new in-memory DuckDB, from the Parquet files to the cells; timed per statement. */
export async function computeInDuckdb(
  dir: string,
  parameters: IndicatorParameters,
  now: Date,
): Promise<DuckRun> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  const statements = [
    "set TimeZone = 'UTC'",
    ...MACROS,
    ...parameterTables(parameters),
    ...stayTables(dir),
    ...admissionTables(now.getTime(), parameters.dayRates),
    CELLS,
    ...loopStatements(dir, now.getTime()),
    populationTable(dir, now.getTime()),
  ];
  const steps: DuckRun["steps"] = [];
  const started = performance.now();
  for (const statement of statements) {
    const t = performance.now();
    await connection.run(statement);
    steps.push({ sql: statement, seconds: (performance.now() - t) / 1000 });
  }
  const seconds = (performance.now() - started) / 1000;
  connection.closeSync();
  return { instance, seconds, steps };
}

/** A short name for a statement: the table it creates. */
export function stepName(statement: string): string {
  return (
    /create or replace (?:table|macro) (\w+)/.exec(statement)?.[1] ?? statement.trim().slice(0, 20)
  );
}
