import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import {
  bare,
  codeList,
  dayRates,
  EXCLUSION_LIST,
  type IndicatorParameters,
  PREVENTABLE_LIST,
} from "./parameters.ts";

/**
 * Every citizen's admissions at once, in one statement: the full refresh's
 * path. Running the per-citizen rules (admission-facts.ts) for a nation's
 * citizens would move every stay through the process in batches; here the
 * database joins stays into hospital stays with window functions instead.
 * It applies the same rules as episodes.ts and readmission.ts, and the test
 * beside it holds the two paths to the same rows on every fixture.
 *
 * - Stays (not cancelled) in admission order, ties by id; a stay's end is its
 *   discharge, else its death, never before it began; open when neither.
 * - A stay begins a new hospital stay when it starts more than 4 hours after
 *   the latest end so far (an open stay never ends). The latest end over all
 *   earlier stays equals the current hospital stay's, since each hospital
 *   stay ends before the next begins.
 * - An admission lasts at least 12 hours (an open one, by `now`); its first
 *   stay gives acute, diagnosis and hospital; its last stay is the one ending
 *   last (open first, ties to the later admitted).
 * - Ages and months on Danish dates; 30 days are 720 hours, as in the rules.
 */

/** ageBandOf(ageOn(birth, date)): a birthday on 29 February counts on 1 March in other years. */
function bandOf(date: ReturnType<typeof sql.ref>) {
  const age = sql`(extract(year from ${date}) - extract(year from i.birth_date)
    - case when to_char(${date}, 'MMDD') < to_char(i.birth_date, 'MMDD') then 1 else 0 end)`;
  return sql`case when ${date} is null then null when ${age} < 18 then '0-17'
    when ${age} < 65 then '18-64' when ${age} < 80 then '65-79' else '80+' end`;
}

function codeTables(parameters: IndicatorParameters) {
  const preventable = codeList(parameters, PREVENTABLE_LIST).groups.flatMap((g, order) =>
    g.codes.map((c) => ({ order, key: g.key, prefix: bare(c) })),
  );
  const exclusions = codeList(parameters, EXCLUSION_LIST).groups.flatMap((g, order) =>
    g.codes.map((c) => ({ order, key: g.key, appliesTo: g.appliesTo ?? "both", prefix: bare(c) })),
  );
  return { preventable, exclusions };
}

export async function rebuildAllAdmissions(
  tx: Database,
  parameters: IndicatorParameters,
  now: Date,
): Promise<number> {
  // Returns the number of citizens with admissions.
  const { preventable, exclusions } = codeTables(parameters);
  const rates = dayRates(parameters);
  await tx.deleteFrom("indicatorDirtyCitizen").execute();
  await tx.deleteFrom("indicatorAdmission").execute();
  await sql`
    with prevent as (
      select * from unnest(${preventable.map((p) => p.order)}::int[],
        ${preventable.map((p) => p.key)}::text[], ${preventable.map((p) => p.prefix)}::text[])
        as t(ord, grp, prefix)
    ), excl as (
      select * from unnest(${exclusions.map((e) => e.order)}::int[],
        ${exclusions.map((e) => e.key)}::text[], ${exclusions.map((e) => e.appliesTo)}::text[],
        ${exclusions.map((e) => e.prefix)}::text[]) as t(ord, rule, applies_to, prefix)
    ), stay as (
      select s.id, s.citizen_id, s.hospital_id, s.admitted_at, s.died_at,
        case when coalesce(s.ended_at, s.died_at) is null then 'infinity'::timestamptz
          else greatest(coalesce(s.ended_at, s.died_at), s.admitted_at) end as end_at,
        case when f.admission_kind is null then exists (
            select 1 from stay_notification n
            where n.stay_id = s.id and n.kind = 'admit-acute-ambulant')
          else f.admission_kind = 'acute' end as acute,
        f.primary_diagnosis as diagnosis, f.medically_ready_at as ready_at
      from hospital_stay s left join stay_clinical_fact f on f.stay_id = s.id
      where s.status <> 'cancelled'
    ), ordered as (
      select *, max(end_at) over (partition by citizen_id order by admitted_at, id
          rows between unbounded preceding and 1 preceding) as ended_before
      from stay
    ), numbered as (
      select *, sum(case when ended_before is null
          or admitted_at > ended_before + interval '4 hours' then 1 else 0 end)
        over (partition by citizen_id order by admitted_at, id) as episode
      from ordered
    ), episode as (
      select citizen_id, episode, min(admitted_at) as started_at, max(end_at) as end_at,
        bool_or(died_at is not null) as died_during,
        (array_agg(id order by admitted_at, id))[1] as first_stay_id,
        (array_agg(hospital_id order by admitted_at, id))[1] as first_hospital_id,
        (array_agg(acute order by admitted_at, id))[1] as acute,
        (array_agg(diagnosis order by admitted_at, id))[1] as diagnosis,
        (array_agg(id order by end_at desc, admitted_at desc, id desc))[1] as last_stay_id,
        (array_agg(hospital_id order by end_at desc, admitted_at desc, id desc))[1] as last_hospital_id,
        (array_agg(ready_at order by end_at desc, admitted_at desc, id desc))[1] as last_ready_at,
        max(ready_at) as latest_ready_at
      from numbered group by citizen_id, episode
    ), admission as (
      select e.*, case when e.end_at = 'infinity' then null else e.end_at end as ended_at,
        coalesce(e.last_ready_at, e.latest_ready_at) as ready_at,
        regexp_replace(upper(e.diagnosis), '\\.', '') as bare_diagnosis
      from episode e
      where least(e.end_at, ${now}::timestamptz) - e.started_at >= interval '12 hours'
    ), diagnosis_class as (
      -- Each distinct diagnosis is classified once (a few thousand), not each admission.
      select d.bare_diagnosis,
        (select p.grp from prevent p where d.bare_diagnosis like p.prefix || '%'
          order by p.ord limit 1) as preventable_group,
        coalesce((select array_agg(x.rule order by x.ord) from (select distinct ord, rule from excl
          where applies_to <> 'readmission' and d.bare_diagnosis like prefix || '%') x), '{}')
          as excluded_as_index,
        exists (select 1 from excl x
          where x.applies_to <> 'index' and d.bare_diagnosis like x.prefix || '%')
          as readmission_excluded
      from (select distinct bare_diagnosis from admission where bare_diagnosis is not null) d
    ), dated as (
      select a.*, c.sex, c.birth_date,
        (a.started_at at time zone 'Europe/Copenhagen')::date as start_date,
        (a.ended_at at time zone 'Europe/Copenhagen')::date as end_date,
        case when a.ready_at is null or a.ended_at is null or a.died_during then 0
          else greatest(0, ceil(extract(epoch from a.ended_at - a.ready_at) / 86400))::int
        end as days,
        k.preventable_group,
        coalesce(k.excluded_as_index, '{}') as excluded_as_index,
        coalesce(k.readmission_excluded, false) as readmission_excluded
      from admission a join citizen c on c.id = a.citizen_id
      left join diagnosis_class k on k.bare_diagnosis = a.bare_diagnosis
    ), following as (
      -- Hospital stays never overlap, so the first acute one after an admission's start is the first after its end.
      select d.*, d.ended_at is not null and not d.died_during as is_candidate_index,
        min(case when d.acute and not d.readmission_excluded then d.started_at end) over (
          partition by d.citizen_id order by d.started_at
          rows between 1 following and unbounded following) as next_acute
      from dated d
    ), indexed as (
      select f.*, case when f.next_acute <= f.ended_at + interval '720 hours'
        then f.next_acute end as readmitted_at
      from following f
    )
    insert into indicator_admission (citizen_id, seq, first_stay_id, last_stay_id,
      first_hospital_id, last_hospital_id, started_at, ended_at, start_month, end_month, acute,
      diagnosis, preventable_group, died_during, days_after_ready, charge, is_index,
      index_excluded_by, readmission_excluded, readmitted_at, sex, age_band_at_start,
      age_band_at_end, residence_at_start, residence_at_end, practice_at_start, practice_at_end)
    select i.citizen_id,
      (row_number() over (partition by i.citizen_id order by i.started_at) - 1)::int,
      i.first_stay_id, i.last_stay_id, i.first_hospital_id, i.last_hospital_id,
      i.started_at, i.ended_at, to_char(i.start_date, 'YYYY-MM'), to_char(i.end_date, 'YYYY-MM'),
      i.acute, i.diagnosis, i.preventable_group, i.died_during, i.days,
      -- medicallyReadyCharge: the regional rate every day, the state's low rate the first two, its high one after.
      i.days * ${rates.regionalPerDay}::numeric + least(i.days, 2) * ${rates.statePerDayFirstTwo}::numeric
        + greatest(i.days - 2, 0) * ${rates.statePerDayFromThird}::numeric,
      i.is_candidate_index and cardinality(i.excluded_as_index) = 0,
      case when i.is_candidate_index then i.excluded_as_index else '{}' end,
      i.readmission_excluded,
      case when i.is_candidate_index then i.readmitted_at end,
      i.sex, ${bandOf(sql.ref("i.start_date"))}, ${bandOf(sql.ref("i.end_date"))},
      rs.municipality_code, re.municipality_code, rs.practice_id, re.practice_id
    from indexed i
    left join lateral (select r.municipality_code, r.practice_id from citizen_residence r
      where r.citizen_id = i.citizen_id and (r.valid_from is null or r.valid_from <= i.start_date)
        and (r.valid_to is null or r.valid_to > i.start_date) limit 1) rs on true
    left join lateral (select r.municipality_code, r.practice_id from citizen_residence r
      where r.citizen_id = i.citizen_id and (r.valid_from is null or r.valid_from <= i.end_date)
        and (r.valid_to is null or r.valid_to > i.end_date) limit 1) re on true`.execute(tx);
  const counted = await sql<{ n: string }>`
    select count(distinct citizen_id) as n from indicator_admission`.execute(tx);
  return Number(counted.rows[0]?.n ?? 0);
}
