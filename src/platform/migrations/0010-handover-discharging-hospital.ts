import { type Kysely, sql } from "kysely";

/**
 * A handover names its discharging hospital itself (it was only on the stay).
 * A hospital's worklist is paged and says how long it is, so it counts the
 * hospital's live handovers on every request; through the stay that count
 * joined every stay of the hospital (~20 ms on a cluster-scale year, see
 * bench/RESULTS.md). With the hospital on the handover it reads only the live
 * handovers (~1 ms through any of 0008's partial indexes). No index of its
 * own: it saved a further half millisecond and cost the sweeper, which
 * rewrites every live handover it escalates, about a third of its speed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table handover add column discharging_hospital_id text references hospital (id);
    update handover h set discharging_hospital_id = s.hospital_id
      from hospital_stay s where s.id = h.stay_id;
    alter table handover alter column discharging_hospital_id set not null;
  `.execute(db);
}
