import { sql } from "kysely";
import { DECLINE_REASONS } from "../../src/handovers/model.ts";
import { DURATION_BUCKET_SQL } from "../../src/indicators/loop-store.ts";
import type { Database } from "../../src/platform/db/database.ts";

/**
 * The loop's cells as the first rebuild counted them: one query per figure,
 * with `count(distinct stay_id)` wherever a figure counts discharges. The
 * product counts them all in one pass over the handovers; this slow, plain
 * form is what that pass is held to, cell by cell. Every month with
 * handovers is counted, judged at `now`.
 */

export type LoopCell = {
  indicator: string;
  attribution: string;
  month: string;
  key: string;
  sector: string;
  grp: string;
  numerator: number;
  denominator: number | null;
  durations: Record<string, number> | null;
};

const KEYS = sql`cross join lateral (values
  ('residence', coalesce(h.municipality_code, '')),
  ('practice', coalesce(h.practice_id::text, '')),
  ('hospital', h.discharging_hospital_id)) as k(attribution, key)`;

/** Each handover with its standing decisions (a decision directly followed by an undo never stood). */
const HANDOVERS = sql`
  with decision as (
    select t.handover_id, t.kind, t.at, t.reason from handover_transition t
    where t.kind in ('confirmed', 'declined', 'unresolved')
      and coalesce((select n.kind from handover_transition n
        where n.handover_id = t.handover_id and n.id > t.id order by n.id limit 1), '') <> 'undone'),
  h as (
    select h.id, h.stay_id, h.citizen_id, h.sector, h.status, h.discharged_at, h.deadline_at,
      h.discharging_hospital_id, r.municipality_code, r.practice_id,
      to_char(h.discharged_at at time zone 'Europe/Copenhagen', 'YYYY-MM') as month,
      (select min(d.at) from decision d
        where d.handover_id = h.id and d.kind = 'confirmed') as confirmed_at,
      (select count(*) from decision d where d.handover_id = h.id and d.kind = 'declined') as declines,
      (select min(d.at) from decision d
        where d.handover_id = h.id and d.kind = 'unresolved') as unresolved_at
    from handover h
    left join citizen_residence r on r.citizen_id = h.citizen_id
      and (r.valid_from is null
        or r.valid_from <= (h.discharged_at at time zone 'Europe/Copenhagen')::date)
      and (r.valid_to is null
        or r.valid_to > (h.discharged_at at time zone 'Europe/Copenhagen')::date))`;

function counted(now: Date) {
  const day = sql`interval '24 hours'`;
  const reasons = sql.join(DECLINE_REASONS.map((r) => sql`${r}`));
  return sql<Omit<LoopCell, "durations">>`${HANDOVERS}
    select 'loop-confirmed-by-deadline' as indicator, k.attribution, h.month, k.key, h.sector,
        '' as grp, count(*) filter (where confirmed_at <= deadline_at) as numerator,
        count(*) as denominator
      from h ${KEYS} where status <> 'closed' and (confirmed_at is not null or deadline_at <= ${now})
      group by 2, 3, 4, 5
    union all
    select 'loop-unconfirmed-24h', k.attribution, h.month, k.key, h.sector, '',
        count(*) filter (where confirmed_at is null or confirmed_at > discharged_at + ${day}),
        count(distinct stay_id)
      from h ${KEYS} where status <> 'closed' and discharged_at + ${day} <= ${now}
      group by 2, 3, 4, 5
    union all
    select 'loop-unresolved', k.attribution, h.month, k.key, h.sector, '',
        count(*) filter (where unresolved_at <= ${now}), count(*)
      from h ${KEYS} where status <> 'closed' group by 2, 3, 4, 5
    union all
    select 'loop-declines', k.attribution, h.month, k.key, h.sector,
        case when split_part(t.reason, ':', 1) in (${reasons})
          then split_part(t.reason, ':', 1) else 'unspecified' end,
        count(*), null
      from h join decision t on t.handover_id = h.id and t.kind = 'declined' ${KEYS}
      group by 2, 3, 4, 5, 6
    union all
    select 'loop-declines', k.attribution, h.month, k.key, h.sector, '', sum(h.declines), count(*)
      from h ${KEYS} group by 2, 3, 4, 5
    union all
    select 'loop-readmission-by-confirmation', k.attribution, h.month, k.key, h.sector,
        case when confirmed_at <= deadline_at then 'confirmed-by-deadline'
             else 'not-confirmed-by-deadline' end,
        count(*) filter (where exists (
          select 1 from indicator_admission x
          where x.citizen_id = h.citizen_id and x.acute and not x.readmission_excluded
            and x.started_at > h.discharged_at
            and x.started_at <= h.discharged_at + interval '30 days')),
        count(*)
      from h ${KEYS}
      where status <> 'closed' and sector = 'municipality'
        and discharged_at + interval '30 days' <= ${now}
      group by 2, 3, 4, 5, 6
    union all
    select 'no-listed-gp', k.attribution, h.month, k.key, '', '',
        count(distinct stay_id) - count(distinct stay_id) filter (where sector = 'general-practice'),
        count(distinct stay_id)
      from h ${KEYS} group by 2, 3, 4`;
}

function confirmationTimes() {
  return sql<Omit<LoopCell, "durations"> & { bucket: number }>`${HANDOVERS}
    select 'loop-confirmation-time' as indicator, k.attribution, h.month, k.key, h.sector,
        '' as grp, ${DURATION_BUCKET_SQL} as bucket, count(*) as numerator
      from (select h.*, extract(epoch from (confirmed_at - discharged_at)) / 60 as minutes
        from h where confirmed_at is not null and status <> 'closed') h ${KEYS}
      group by 2, 3, 4, 5, 7`;
}

const order = (c: LoopCell) =>
  [c.indicator, c.attribution, c.month, c.key, c.sector, c.grp].join("|");

export function sortCells(cells: LoopCell[]): LoopCell[] {
  return [...cells].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** The reference's cells, sorted, in the shape `productCells` reads them. */
export async function referenceCells(db: Database, now: Date): Promise<LoopCell[]> {
  const counts = (await counted(now).execute(db)).rows.map((r) => ({
    ...r,
    numerator: Number(r.numerator),
    denominator: r.denominator === null ? null : Number(r.denominator),
    durations: null,
  }));
  const times = new Map<string, LoopCell>();
  for (const r of (await confirmationTimes().execute(db)).rows) {
    const { bucket, ...group } = r;
    const cell: LoopCell = { ...group, numerator: 0, denominator: null, durations: {} };
    const known = times.get(order(cell)) ?? cell;
    times.set(order(cell), known);
    known.numerator += Number(r.numerator);
    (known.durations as Record<string, number>)[String(bucket)] = Number(r.numerator);
  }
  return sortCells([...counts, ...times.values()]);
}

/** Every loop cell the product holds, sorted. */
export async function productCells(db: Database): Promise<LoopCell[]> {
  const rows = await sql<LoopCell>`
    select indicator, attribution, month, key, sector, grp, numerator, denominator, durations
    from indicator_cell
    where indicator like 'loop-%' or indicator = 'no-listed-gp'`.execute(db);
  return sortCells(
    rows.rows.map((r) => ({
      ...r,
      numerator: Number(r.numerator),
      denominator: r.denominator === null ? null : Number(r.denominator),
      durations: r.durations
        ? Object.fromEntries(Object.entries(r.durations).map(([b, n]) => [b, Number(n)]))
        : null,
    })),
  );
}
