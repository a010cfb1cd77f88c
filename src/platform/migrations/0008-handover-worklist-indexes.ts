import { type Kysely, sql } from "kysely";

/**
 * Worklists ask for the live handovers (open or declined) of one receiver, one
 * discharging hospital or one cluster, soonest deadline first, 200 at a time.
 * Live handovers are a small and shrinking share of the table (most are
 * confirmed within hours, and confirmed ones stay for the history), so these
 * indexes hold only the live rows, in deadline order: a worklist reads its
 * first 200 entries and stops, however many years of history the table holds.
 *
 * Before them, a hospital's or a cluster's worklist read every handover (the
 * hospital is on the stay, and the older indexes lead with the receiver): on a
 * cluster-scale year about 30-80 ms a request, growing with the history
 * (bench/handovers.bench.ts, bench/RESULTS.md). The hospital's worklist walks
 * `handover_live_deadline` and checks each row's stay, so it reads about
 * 200 ÷ (the hospital's share of the live handovers) rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index handover_live_municipality on handover (receiver_municipality_code, deadline_at)
      where status in ('open', 'declined');
    create index handover_live_practice on handover (receiver_practice_id, deadline_at)
      where status in ('open', 'declined');
    create index handover_live_cluster on handover (cluster_id, deadline_at)
      where status in ('open', 'declined');
    create index handover_live_deadline on handover (deadline_at)
      where status in ('open', 'declined');
  `.execute(db);
}
