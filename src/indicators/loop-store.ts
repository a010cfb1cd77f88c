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
 * The month filter, only where the range alone would take in months not asked
 * for. The planner cannot estimate it (a function of the discharge time), and
 * on the national year its guess of 6 % of the rows turned the residence join
 * into 1.6 million index lookups (21 s against 10 s as a hash join); a full
 * rebuild and the upkeep's recent days ask for consecutive months, which the
 * range covers exactly.
 */
function onlyTheseMonths(months: MonthBounds[]) {
  const sorted = [...months].sort((a, b) => a.start.getTime() - b.start.getTime());
  const consecutive = sorted.every(
    (m, i) => i === 0 || sorted[i - 1]?.end.getTime() === m.start.getTime(),
  );
  return consecutive
    ? sql``
    : sql`where month in (select unnest(${months.map((m) => m.month)}::text[]))`;
}

/**
 * The months' handovers with their first standing confirmation, their standing
 * declines and the citizen's residence on the discharge day, read once into a
 * table of the transaction that every cell is then counted from. `readmitted`
 * is looked up only where a figure asks for it (a municipal handover not
 * closed whose 30 days have passed at `now`) and is null elsewhere.
 */
async function collectMonths(tx: Database, months: MonthBounds[], now: Date) {
  const from = new Date(Math.min(...months.map((m) => m.start.getTime())));
  const to = new Date(Math.max(...months.map((m) => m.end.getTime())));
  await collectDecisions(tx, from, to);
  await sql`drop table if exists loop_month`.execute(tx);
  await sql`
    create temporary table loop_month on commit drop as
    select h.*,
      case when h.status <> 'closed' and h.sector = 'municipality'
          and h.discharged_at + interval '30 days' <= ${now}
        then exists (select 1 from indicator_admission x
          where x.citizen_id = h.citizen_id and x.acute and not x.readmission_excluded
            and x.started_at > h.discharged_at
            and x.started_at <= h.discharged_at + interval '30 days') end as readmitted
    from (
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
    ${onlyTheseMonths(months)}`.execute(tx);
  await sql`analyze loop_month`.execute(tx);
}

/** `durationBucket` in SQL, so that the buckets are counted where the handovers are. */
export const DURATION_BUCKET_SQL = sql`case
  when minutes < ${FIRST_DAY_MINUTES} then floor(greatest(minutes, 0) / ${FINE_MINUTES})
  when minutes < ${FORTNIGHT_MINUTES} then ${FINE_BUCKETS} + floor((minutes - ${FIRST_DAY_MINUTES}) / ${COARSE_MINUTES})
  else ${OVERFLOW_BUCKET} end::int`;

/**
 * Whether the stay's GP handover (`g`) falls in the same cell as this
 * municipal handover (`h`), per attribution: the same month and key. Their
 * discharge moments can differ: a corrected discharge time moves only the
 * handovers still open (handovers/service.ts, `moveDeadlines`), so the two
 * may lie in different months or, the citizen having moved that night, in
 * different residences.
 */
const KEYS_WITH_GP = sql`cross join lateral (values
  ('residence', coalesce(h.municipality_code, ''),
    g.month = h.month and coalesce(g.municipality_code, '') = coalesce(h.municipality_code, '')),
  ('practice', coalesce(h.practice_id::text, ''),
    g.month = h.month and coalesce(g.practice_id::text, '') = coalesce(h.practice_id::text, '')),
  ('hospital', h.discharging_hospital_id,
    g.month = h.month and g.discharging_hospital_id = h.discharging_hospital_id))
  as k(attribution, key, gp_alongside)`;

/**
 * Every figure but the decline reasons and the confirmation times, in one
 * aggregation over the months' handovers: one group per attribution, month,
 * key and sector with a filtered count for each figure, unpivoted into cells.
 * A cell is written where its figure's handovers are (its denominator is
 * positive), as a query per figure would have grouped them.
 *
 * Discharges are counted without `count(distinct stay_id)`, which sorted every
 * handover three times over. This rests on two invariants:
 * - a stay has at most one handover per sector (`unique (stay_id, sector)`,
 *   migration 0005; a reroute changes the receiver of the same row), so in a
 *   cell of one sector each handover is its own discharge;
 * - `loop_month` holds one row per handover: a citizen's residence rows never
 *   overlap (migration 0018's trigger is their only writer; it closes the open
 *   row on the day it opens the next).
 * Without a sector (`no-listed-gp`), a discharge with both handovers in one
 * cell is counted once, by its GP handover: a municipal handover counts as a
 * discharge there only without its GP handover alongside, and exactly those
 * are the cell's discharges without a GP.
 */
async function countFigures(tx: Database, now: Date) {
  const day = sql`interval '24 hours'`;
  const live = sql`h.status <> 'closed'`;
  const inTime = sql`h.confirmed_at <= h.deadline_at`;
  await sql`
    with a as (
      select k.attribution, h.month, k.key, h.sector,
        count(*) as handovers,
        sum(h.declines)::bigint as declines,
        count(*) filter (where ${live}) as live,
        count(*) filter (where ${live} and (h.confirmed_at is not null or h.deadline_at <= ${now}))
          as due,
        count(*) filter (where ${live} and ${inTime}) as in_time,
        count(*) filter (where ${live} and h.discharged_at + ${day} <= ${now}) as day_old,
        count(*) filter (where ${live} and h.discharged_at + ${day} <= ${now}
          and (h.confirmed_at is null or h.confirmed_at > h.discharged_at + ${day})) as day_unconfirmed,
        count(*) filter (where ${live} and h.unresolved_at <= ${now}) as unresolved,
        count(*) filter (where h.readmitted is not null and ${inTime}) as followed_in_time,
        count(*) filter (where h.readmitted and ${inTime}) as readmitted_in_time,
        count(*) filter (where h.readmitted is not null and (${inTime}) is not true) as followed_late,
        count(*) filter (where h.readmitted and (${inTime}) is not true) as readmitted_late,
        count(*) filter (where k.gp_alongside is not true) as discharges,
        count(*) filter (where h.sector = 'municipality' and k.gp_alongside is not true)
          as without_gp
      from loop_month h
      left join loop_month g on g.stay_id = h.stay_id
        and g.sector = 'general-practice' and h.sector = 'municipality'
      ${KEYS_WITH_GP}
      group by 1, 2, 3, 4)
    insert into indicator_cell (indicator, attribution, month, key, age_band, sex, sector, grp, numerator, denominator)
    select c.indicator, a.attribution, a.month, a.key, '', '', a.sector, c.grp, c.numerator, c.denominator
      from a cross join lateral (values
        ('loop-confirmed-by-deadline', '', a.in_time, a.due),
        ('loop-unconfirmed-24h', '', a.day_unconfirmed, a.day_old),
        ('loop-unresolved', '', a.unresolved, a.live),
        ('loop-declines', '', a.declines, a.handovers),
        ('loop-readmission-by-confirmation', 'confirmed-by-deadline', a.readmitted_in_time,
          a.followed_in_time),
        ('loop-readmission-by-confirmation', 'not-confirmed-by-deadline', a.readmitted_late,
          a.followed_late)) as c(indicator, grp, numerator, denominator)
      where c.denominator > 0
    union all
    select 'no-listed-gp', attribution, month, key, '', '', '', '', sum(without_gp)::bigint,
        sum(discharges)::bigint
      from a group by attribution, month, key`.execute(tx);
}

/** Declines by reason: declines are few, so only the declined handovers are joined to them. */
async function countDeclineReasons(tx: Database) {
  await sql`
    insert into indicator_cell (indicator, attribution, month, key, age_band, sex, sector, grp, numerator, denominator)
    select 'loop-declines', k.attribution, h.month, k.key, '', '', h.sector,
        case when split_part(t.reason, ':', 1) in (${sql.join(DECLINE_REASONS.map((r) => sql`${r}`))})
          then split_part(t.reason, ':', 1) else 'unspecified' end,
        count(t.id), null
      from loop_month h join loop_decision t on t.handover_id = h.id and t.kind = 'declined' ${KEYS}
      where h.declines > 0
      group by 2, 3, 4, 7, 8`.execute(tx);
}

async function countConfirmationTimes(tx: Database) {
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
  await collectMonths(tx, months, now);
  await countFigures(tx, now);
  await countDeclineReasons(tx);
  await countConfirmationTimes(tx);
}
