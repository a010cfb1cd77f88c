import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";

/**
 * The transition's SQL: its record of what it carried over (`body_carry_over`,
 * one row per rule and per membership and change date) and the lock that lets
 * one process at a time carry a change over. Rules and memberships themselves
 * are written through the handovers' and the access capability's services.
 */

/**
 * Waits for, then holds until the transaction ends, the one lock of every
 * transition, so that processes reaching midnight together carry a change
 * over once: the second finds it recorded.
 */
export async function lockTransitions(tx: Database): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('tovholder.structure-transition'))`.execute(tx);
}

/** When the change dated `date` was carried over; null if it was not. */
export async function appliedAt(db: Database, date: string): Promise<Date | null> {
  const row = await db
    .selectFrom("bodyCarryOver")
    .select((eb) => eb.fn.min("appliedAt").as("at"))
    .where("validFrom", "=", date)
    .executeTakeFirst();
  return row?.at ? new Date(row.at as Date) : null;
}

export type CarryOverRow = {
  kind: "rule" | "membership";
  fromBodyId: string;
  toBodyId: string;
  detail: Record<string, unknown>;
};

export async function recordCarryOvers(
  tx: Database,
  date: string,
  rows: CarryOverRow[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto("bodyCarryOver")
    .values(
      rows.map((r) => ({
        validFrom: date,
        kind: r.kind,
        fromBodyId: r.fromBodyId,
        toBodyId: r.toBodyId,
        detail: JSON.stringify(r.detail),
        appliedAt: at,
      })),
    )
    .execute();
}

/** What the change dated `date` carried over, as recorded, with the people's user names. */
export function carryOversOn(db: Database, date: string) {
  return db
    .selectFrom("bodyCarryOver as c")
    .leftJoin("appUser as u", (join) =>
      join.on(sql<boolean>`u.id = (c.detail->>'userId')::uuid`).on("c.kind", "=", "membership"),
    )
    .select(["c.kind", "c.fromBodyId", "c.toBodyId", "c.detail", "c.appliedAt", "u.username"])
    .where("c.validFrom", "=", date)
    .orderBy("c.toBodyId")
    .orderBy("c.kind", "desc")
    .orderBy("c.id")
    .execute();
}
