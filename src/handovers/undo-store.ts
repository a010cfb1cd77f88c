import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { HandoverStatus, HistoryEntry } from "./model.ts";

/** The undo's SQL: a handover's history, and putting a decision back. */

/**
 * A handover's history, oldest first; with `lock` (inside a transaction) the
 * handover is locked first, so nobody acts on it between the read and the undo.
 */
export async function historyOf(db: Database, id: string, lock = false): Promise<HistoryEntry[]> {
  if (lock) await db.selectFrom("handover").select("id").where("id", "=", id).forUpdate().execute();
  const rows = await db
    .selectFrom("handoverTransition")
    .select(["kind", "fromStatus", "toStatus", "at", "actorOrganisationId"])
    .where("handoverId", "=", id)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}

/**
 * Takes a decision back: the status before it, no status reason, and the
 * next escalation where the ladder stands (a step that fell due meanwhile
 * is the sweeper's at its next pass). The deadline and the ladder's step
 * were never changed by the decision, so they stand as they were. Only at
 * the version and status read; undefined otherwise.
 */
export function restore(
  db: Database,
  id: string,
  expect: { version: number; from: HandoverStatus },
  to: { status: HandoverStatus; nextEscalationAt: Date | null },
) {
  return db
    .updateTable("handover")
    .set({
      status: to.status,
      statusReason: null,
      nextEscalationAt: to.nextEscalationAt,
      version: sql<number>`version + 1`,
      updatedAt: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", expect.version)
    .where("status", "=", expect.from)
    .returning(["id", "status", "version", "deadlineAt", "escalationStep", "bodyId", "sector"])
    .executeTakeFirst();
}
