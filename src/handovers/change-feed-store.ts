import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import { responsibleBodyOn } from "./responsible-body.ts";

/** What changed since the last poll, for the live worklists (change-feed.ts). */

export type RecentChange = {
  kind: "handover" | "stay";
  id: string;
  at: Date;
  municipalityCode: string | null;
  practiceId: string | null;
  hospitalId: string | null;
  /** The handover's own body (of its date). */
  bodyId: string | null;
  /** The body responsible for the handover on the poll's date (responsible-body.ts). */
  responsibleBodyId: string | null;
};

/**
 * Handovers and stays changed since `since`, with what decides whose
 * worklist they are in on `date`. A stay counts for its citizen's home
 * municipality and listed practice (their "in hospital now" list).
 */
export async function recentChanges(
  db: Database,
  since: Date,
  date: string,
): Promise<RecentChange[]> {
  const result = await sql<RecentChange>`
    select 'handover' as kind, h.id, h.updated_at as at,
      h.receiver_municipality_code as "municipalityCode", h.receiver_practice_id as "practiceId",
      h.discharging_hospital_id as "hospitalId", h.body_id as "bodyId",
      ${responsibleBodyOn("h", date)} as "responsibleBodyId"
    from handover h
    where h.updated_at > ${since}
    union all
    select 'stay', s.id, s.updated_at, s.citizen_municipality_code, s.citizen_practice_id,
      s.hospital_id, null, null
    from hospital_stay s
    where s.updated_at > ${since}`.execute(db);
  return result.rows;
}
