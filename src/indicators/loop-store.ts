import { sql } from "kysely";
import { DECLINE_REASONS } from "../handovers/model.ts";
import type { Database } from "../platform/db/database.ts";
import type { MonthBounds } from "./cell-store.ts";
import { durationBucket } from "./durations.ts";

/**
 * The loop's monthly cells, from Tovholder's own handovers discharged in the
 * month: confirmed by the deadline, unconfirmed after 24 hours, declines by
 * reason, time to confirmation (as bucket counts), readmission by whether the
 * municipal handover was confirmed in time, and discharges without a GP
 * handover. What has not yet had its time (a deadline, 24 hours, 30 days)
 * is left out until it has, judged at `now`. A decline's free-text note is
 * never read: only its reason code becomes a group.
 */

const LOOP_INDICATORS = [
  "loop-confirmed-by-deadline",
  "loop-unconfirmed-24h",
  "loop-declines",
  "loop-confirmation-time",
  "loop-readmission-by-confirmation",
  "no-listed-gp",
];

const KEYS = [
  { attribution: "residence", key: "coalesce(h.municipality_code, '')" },
  { attribution: "practice", key: "coalesce(h.practice_id::text, '')" },
  { attribution: "hospital", key: "h.discharging_hospital_id" },
] as const;

/**
 * The month's handovers with their first confirmation and the citizen's
 * residence on the discharge day, read once into a table of the transaction
 * that every attribution's cells are then counted from.
 */
async function collectMonth(tx: Database, m: MonthBounds) {
  await sql`drop table if exists loop_month`.execute(tx);
  await sql`
    create temporary table loop_month on commit drop as
    select h.id, h.stay_id, h.citizen_id, h.sector, h.status, h.discharged_at, h.deadline_at,
      h.discharging_hospital_id, r.municipality_code, r.practice_id,
      (select min(t.at) from handover_transition t
        where t.handover_id = h.id and t.kind = 'confirmed') as confirmed_at
    from handover h
    left join citizen_residence r on r.citizen_id = h.citizen_id
      and (r.valid_from is null
        or r.valid_from <= (h.discharged_at at time zone 'Europe/Copenhagen')::date)
      and (r.valid_to is null
        or r.valid_to > (h.discharged_at at time zone 'Europe/Copenhagen')::date)
    where h.discharged_at >= ${m.start} and h.discharged_at < ${m.end}`.execute(tx);
}

export async function rebuildLoopCells(tx: Database, m: MonthBounds, now: Date) {
  await tx
    .deleteFrom("indicatorCell")
    .where("month", "=", m.month)
    .where("indicator", "in", LOOP_INDICATORS)
    .execute();
  const day = sql`interval '24 hours'`;
  await collectMonth(tx, m);
  for (const k of KEYS) {
    const key = sql.raw(k.key);
    const a = k.attribution;
    await sql`
      with h as (select * from loop_month)
      insert into indicator_cell (indicator, attribution, month, key, age_band, sex, sector, grp, numerator, denominator)
      select 'loop-confirmed-by-deadline', ${a}, ${m.month}, ${key}, '', '', h.sector, '',
          count(*) filter (where confirmed_at <= deadline_at), count(*)
        from h where status <> 'closed' and (confirmed_at is not null or deadline_at <= ${now})
        group by 4, 7
      union all
      select 'loop-unconfirmed-24h', ${a}, ${m.month}, ${key}, '', '', h.sector, '',
          count(*) filter (where confirmed_at is null or confirmed_at > discharged_at + ${day}),
          count(distinct stay_id)
        from h where status <> 'closed' and discharged_at + ${day} <= ${now}
        group by 4, 7
      union all
      select 'loop-declines', ${a}, ${m.month}, ${key}, '', '', h.sector,
          case when split_part(t.reason, ':', 1) in (${sql.join(DECLINE_REASONS.map((r) => sql`${r}`))})
            then split_part(t.reason, ':', 1) else 'unspecified' end,
          count(t.id), null
        from h join handover_transition t on t.handover_id = h.id and t.kind = 'declined'
        group by 4, 7, 8
      union all
      select 'loop-declines', ${a}, ${m.month}, ${key}, '', '', h.sector, '',
          sum((select count(*) from handover_transition t
               where t.handover_id = h.id and t.kind = 'declined')),
          count(*)
        from h group by 4, 7
      union all
      select 'loop-readmission-by-confirmation', ${a}, ${m.month}, ${key}, '', '', h.sector,
          case when confirmed_at <= deadline_at then 'confirmed-by-deadline'
               else 'not-confirmed-by-deadline' end,
          count(*) filter (where exists (
            select 1 from indicator_admission x
            where x.citizen_id = h.citizen_id and x.acute and not x.readmission_excluded
              and x.started_at > h.discharged_at
              and x.started_at <= h.discharged_at + interval '30 days')),
          count(*)
        from h where status <> 'closed' and sector = 'municipality'
          and discharged_at + interval '30 days' <= ${now}
        group by 4, 7, 8
      union all
      select 'no-listed-gp', ${a}, ${m.month}, ${key}, '', '', '', '',
          count(distinct stay_id) - count(distinct stay_id) filter (where sector = 'general-practice'),
          count(distinct stay_id)
        from h group by 4`.execute(tx);
    await insertDurations(tx, m, a, key);
  }
}

/** Hours from discharge to confirmation as bucket counts per cell, so medians add up over months and units. */
async function insertDurations(
  tx: Database,
  m: MonthBounds,
  attribution: string,
  key: ReturnType<typeof sql.raw>,
) {
  const rows = await sql<{ key: string; sector: string; minutes: number }>`
    select ${key} as key, sector,
      extract(epoch from (confirmed_at - discharged_at)) / 60 as minutes
    from loop_month h where confirmed_at is not null and status <> 'closed'`.execute(tx);
  const cells = new Map<string, { key: string; sector: string; buckets: Record<string, number> }>();
  for (const r of rows.rows) {
    const id = `${r.key}|${r.sector}`;
    const cell = cells.get(id) ?? { key: r.key, sector: r.sector, buckets: {} };
    const b = String(durationBucket(Number(r.minutes)));
    cell.buckets[b] = (cell.buckets[b] ?? 0) + 1;
    cells.set(id, cell);
  }
  const values = [...cells.values()].map((c) => ({
    indicator: "loop-confirmation-time",
    attribution: attribution as "residence",
    month: m.month,
    key: c.key,
    ageBand: "",
    sex: "",
    sector: c.sector,
    grp: "",
    numerator: Object.values(c.buckets).reduce((s, n) => s + n, 0),
    denominator: null,
    amount: null,
    durations: JSON.stringify(c.buckets),
  }));
  for (let i = 0; i < values.length; i += 1000)
    await tx
      .insertInto("indicatorCell")
      .values(values.slice(i, i + 1000))
      .execute();
}
