import { type Kysely, sql } from "kysely";

/**
 * A handover names its discharging hospital itself (it was only on the stay).
 * A hospital's worklist is paged and says how long it is, so it counts the
 * hospital's live handovers on every request; through the stay that count
 * joined every stay of the hospital (~20 ms on a cluster-scale year, see
 * bench/RESULTS.md). With the hospital on the handover and a partial index
 * like the receivers' (0008), it reads only the hospital's live entries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table handover add column discharging_hospital_id text references hospital (id);
    update handover h set discharging_hospital_id = s.hospital_id
      from hospital_stay s where s.id = h.stay_id;
    alter table handover alter column discharging_hospital_id set not null;
    create index handover_live_hospital on handover (discharging_hospital_id, deadline_at)
      where status in ('open', 'declined');
  `.execute(db);
}
