import { sql } from "kysely";
import { unsealedFacts } from "../citizens/store.ts";

/** What the worklists' statements share (worklist-store.ts, in-hospital-store.ts). */

export type Page = { limit: number; offset: number };

/**
 * Statuses go into the SQL as literals, not as parameters. The worklist
 * indexes are partial (`where status in ('open', 'declined')`, migrations 0008
 * and 0011), and a prepared statement's generic plan can use a partial index
 * only when its text proves the predicate. With the statuses as parameters the
 * generic plan scanned the table (10.7 ms against 2.0 ms for a municipality,
 * 74 ms for a hospital), so PostgreSQL planned every execution anew (about
 * 0.6 ms each). The values come from a closed set, so the texts stay few.
 */
export const literal = <S extends string>(values: readonly S[]) => values.map((v) => sql.lit<S>(v));

/** Rows with their citizen's facts unpacked for the citizens service (the JSON as read stays beside). */
export function withCitizen<
  R extends { citizenId: string; citizenFacts: Parameters<typeof unsealedFacts>[1] },
>(rows: R[]) {
  return rows.map((row) => ({ ...row, citizen: unsealedFacts(row.citizenId, row.citizenFacts) }));
}
