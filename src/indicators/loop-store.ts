import { sql } from "kysely";
import { DECLINE_REASONS } from "../handovers/model.ts";
import type { Database } from "../platform/db/database.ts";
import type { MonthBounds } from "./cell-store.ts";
import {
  COARSE_MINUTES,
  FINE_BUCKETS,
  FINE_MINUTES,
  FIRST_DAY_MINUTES,
  FORTNIGHT_MINUTES,
  OVERFLOW_BUCKET,
} from "./durations.ts";

/**
 * The loop's monthly cells, from Tovholder's own handovers discharged in the
 * month: confirmed by the deadline, unconfirmed after 24 hours, declines by
 * reason, time to confirmation (as bucket counts), handovers the whole ladder
 * chased without an answer (unresolved, counted even when confirmed later), readmission by whether the
 * municipal handover was confirmed in time, and discharges without a GP
 * handover. What has not yet had its time (a deadline, 24 hours, 30 days)
 * is left out until it has, judged at `now`. A decline's free-text note is
 * never read: only its reason code becomes a group.
 */

const LOOP_INDICATORS = [
  "loop-confirmed-by-deadline",
  "loop-unconfirmed-24h",
  "loop-unresolved",
  "loop-declines",
  "loop-confirmation-time",
  "loop-readmission-by-confirmation",
  "no-listed-gp",
];

/** Each handover counts once per attribution: the citizen's municipality, their practice, the discharging hospital. */
const KEYS = sql`cross join lateral (values
  ('residence', coalesce(h.municipality_code, '')),
  ('practice', coalesce(h.practice_id::text, '')),
  ('hospital', h.discharging_hospital_id)) as k(attribution, key)`;

/**
 * The decisions (confirmations and declines) that stand on the months'
 * handovers, and the moments the whole ladder had chased one without an
 * answer (`unresolved`), read in one pass over the history. A decision taken back by the
 * undo that follows it counts as never made; nothing can come between a
 * decision and its undo, so the undone one is the transition just before each
 * undo. Undos are rare: each is looked up by the history's index, while the
 * decisions are hashed against the months' handovers instead of being read
 * handover by handover.
 */
async function collectDecisions(tx: Database, from: Date, to: Date) {
  await sql`drop table if exists loop_decision`.execute(tx);
  await sql`
    create temporary table loop_decision on commit drop as
    select t.handover_id, t.id, t.kind, t.at, t.reason
    from handover_transition t
    join handover h on h.id = t.handover_id
    where t.kind in ('confirmed', 'declined', 'undone', 'unresolved')
      and h.discharged_at >= ${from} and h.discharged_at < ${to}`.execute(tx);
  await sql`
    delete from loop_decision d
    where d.kind = 'undone' or d.id in (
      select (select max(p.id) from handover_transition p
          where p.handover_id = u.handover_id and p.id < u.id)
        from loop_decision u where u.kind = 'undone')`.execute(tx);
  await sql`analyze loop_decision`.execute(tx);
}

/**
 * The months' handovers with their first standing confirmation, their standing
 * declines and the citizen's residence on the discharge day, read once into a
 * table of the transaction that every cell is then counted from.
 */
async function collectMonths(tx: Database, months: MonthBounds[]) {
  const from = new Date(Math.min(...months.map((m) => m.start.getTime())));
  const to = new Date(Math.max(...months.map((m) => m.end.getTime())));
  await collectDecisions(tx, from, to);
  await sql`drop table if exists loop_month`.execute(tx);
  await sql`
    create temporary table loop_month on commit drop as
    select * from (
      select h.id, h.stay_id, h.citizen_id, h.sector, h.status, h.discharged_at, h.deadline_at,
        h.discharging_hospital_id, r.municipality_code, r.practice_id,
        to_char(h.discharged_at at time zone 'Europe/Copenhagen', 'YYYY-MM') as month,
        d.confirmed_at, coalesce(d.declines, 0) as declines, d.unresolved_at
      from handover h
      left join (select handover_id,
            min(at) filter (where kind = 'confirmed') as confirmed_at,
            count(*) filter (where kind = 'declined') as declines,
            min(at) filter (where kind = 'unresolved') as unresolved_at
          from loop_decision group by handover_id) d on d.handover_id = h.id
      left join citizen_residence r on r.citizen_id = h.citizen_id
        and (r.valid_from is null
          or r.valid_from <= (h.discharged_at at time zone 'Europe/Copenhagen')::date)
        and (r.valid_to is null
          or r.valid_to > (h.discharged_at at time zone 'Europe/Copenhagen')::date)
      where h.discharged_at >= ${from} and h.discharged_at < ${to}) h
    where month in (select unnest(${months.map((m) => m.month)}::text[]))`.execute(tx);
  await sql`analyze loop_month`.execute(tx);
}

/** `durationBucket` in SQL, so that the buckets are counted where the handovers are. */
export const DURATION_BUCKET_SQL = sql`case
  when minutes < ${FIRST_DAY_MINUTES} then floor(greatest(minutes, 0) / ${FINE_MINUTES})
  when minutes < ${FORTNIGHT_MINUTES} then ${FINE_BUCKETS} + floor((minutes - ${FIRST_DAY_MINUTES}) / ${COARSE_MINUTES})
  else ${OVERFLOW_BUCKET} end::int`;

export async function rebuildLoopCells(tx: Database, months: MonthBounds[], now: Date) {
  if (months.length === 0) return;
  await tx
    .deleteFrom("indicatorCell")
    .where(
      "month",
      "in",
      months.map((m) => m.month),
    )
    .where("indicator", "in", LOOP_INDICATORS)
    .execute();
  const day = sql`interval '24 hours'`;
  await collectMonths(tx, months);
  await sql`
    with h as (select * from loop_month)
    insert into indicator_cell (indicator, attribution, month, key, age_band, sex, sector, grp, numerator, denominator)
    select 'loop-confirmed-by-deadline', k.attribution, h.month, k.key, '', '', h.sector, '',
        count(*) filter (where confirmed_at <= deadline_at), count(*)
      from h ${KEYS} where status <> 'closed' and (confirmed_at is not null or deadline_at <= ${now})
      group by 2, 3, 4, 7
    union all
    select 'loop-unconfirmed-24h', k.attribution, h.month, k.key, '', '', h.sector, '',
        count(*) filter (where confirmed_at is null or confirmed_at > discharged_at + ${day}),
        count(distinct stay_id)
      from h ${KEYS} where status <> 'closed' and discharged_at + ${day} <= ${now}
      group by 2, 3, 4, 7
    union all
    select 'loop-unresolved', k.attribution, h.month, k.key, '', '', h.sector, '',
        count(*) filter (where unresolved_at <= ${now}), count(*)
      from h ${KEYS} where status <> 'closed' group by 2, 3, 4, 7
    union all
    select 'loop-declines', k.attribution, h.month, k.key, '', '', h.sector,
        case when split_part(t.reason, ':', 1) in (${sql.join(DECLINE_REASONS.map((r) => sql`${r}`))})
          then split_part(t.reason, ':', 1) else 'unspecified' end,
        count(t.id), null
      from h join loop_decision t on t.handover_id = h.id and t.kind = 'declined' ${KEYS}
      group by 2, 3, 4, 7, 8
    union all
    select 'loop-declines', k.attribution, h.month, k.key, '', '', h.sector, '',
        sum(h.declines), count(*)
      from h ${KEYS} group by 2, 3, 4, 7
    union all
    select 'loop-readmission-by-confirmation', k.attribution, h.month, k.key, '', '', h.sector,
        case when confirmed_at <= deadline_at then 'confirmed-by-deadline'
             else 'not-confirmed-by-deadline' end,
        count(*) filter (where readmitted), count(*)
      from (select h.*, exists (
          select 1 from indicator_admission x
          where x.citizen_id = h.citizen_id and x.acute and not x.readmission_excluded
            and x.started_at > h.discharged_at
            and x.started_at <= h.discharged_at + interval '30 days') as readmitted
        from h where status <> 'closed' and sector = 'municipality'
          and discharged_at + interval '30 days' <= ${now}) h ${KEYS}
      group by 2, 3, 4, 7, 8
    union all
    select 'no-listed-gp', k.attribution, h.month, k.key, '', '', '', '',
        count(distinct stay_id) - count(distinct stay_id) filter (where sector = 'general-practice'),
        count(distinct stay_id)
      from h ${KEYS} group by 2, 3, 4`.execute(tx);
  await sql`
    insert into indicator_cell (indicator, attribution, month, key, age_band, sex, sector, grp, numerator, durations)
    select 'loop-confirmation-time', attribution, month, key, '', '', sector, '', sum(n),
        jsonb_object_agg(bucket::text, n)
      from (
        select k.attribution, h.month, k.key, h.sector, ${DURATION_BUCKET_SQL} as bucket, count(*) as n
        from (select h.*, extract(epoch from (confirmed_at - discharged_at)) / 60 as minutes
          from loop_month h where confirmed_at is not null and status <> 'closed') h ${KEYS}
        group by 1, 2, 3, 4, 5) b
      group by 2, 3, 4, 7`.execute(tx);
}
