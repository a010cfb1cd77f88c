import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import { responsibleBodyOn } from "./responsible-body.ts";

/** The sweeper's SQL: claiming due handovers, recording each ladder step once, moving them on. */

/**
 * Locks up to `limit` open handovers whose next escalation is due, skipping
 * rows another process holds: two sweepers never take the same handover.
 * Each comes with the body responsible for it on `date` (the Danish date of
 * the sweep), whose coordinators a body-coordinator step reaches.
 */
export function claimDue(db: Database, now: Date, date: string, limit: number) {
  return (
    db
      .selectFrom("handover as h")
      .select([
        "h.id",
        "h.sector",
        "h.bodyId",
        "h.deadlineAt",
        "h.escalationStep",
        "h.nextEscalationAt",
        "h.route",
        "h.receiverOrganisationId",
        "h.dischargingOrganisationId",
        responsibleBodyOn("h", date).as("responsibleBodyId"),
      ])
      .where("h.status", "=", "open")
      .where("h.nextEscalationAt", "<=", now)
      // Marked once: an unresolved handover reopened by an undo is not marked again.
      .where("h.unresolvedAt", "is", null)
      .orderBy("h.nextEscalationAt")
      .limit(limit)
      .forUpdate("h")
      .skipLocked()
      .execute()
  );
}

export async function recordEscalations(
  db: Database,
  rows: {
    handoverId: string;
    route: number;
    step: number;
    target: "receiver" | "body-coordinator" | "discharging-department";
    targetOrganisationId: string | null;
    /** The body whose coordinators a body-coordinator step reached; null for other steps. */
    bodyId: string | null;
    dueAt: Date;
  }[],
) {
  if (rows.length === 0) return [];
  // One array per column, as insertTransitions does: one text whatever the count.
  const column = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  const result = await sql<Pick<(typeof rows)[number], "handoverId" | "step" | "target">>`
    insert into handover_escalation (handover_id, route, step, target, target_organisation_id,
      body_id, due_at)
    select * from unnest(${column("handoverId")}::uuid[], ${column("route")}::integer[],
      ${column("step")}::integer[], ${column("target")}::text[],
      ${column("targetOrganisationId")}::uuid[], ${column("bodyId")}::text[],
      ${column("dueAt")}::timestamptz[])
    on conflict (handover_id, route, step) do nothing
    returning handover_id as "handoverId", step, target`.execute(db);
  return result.rows;
}

export type Advance = {
  id: string;
  escalationStep: number;
  nextEscalationAt: Date | null;
  /** When it became unresolved, for a row whose ladder's end passed in this sweep. */
  unresolvedAt: Date | null;
};

/**
 * Escalation does not change what the receiver decides on, so it leaves the
 * version alone. Returns the rows marked unresolved by this update (claimDue
 * takes no row marked before, so each is marked once).
 */
export async function advanceEscalations(db: Database, rows: Advance[]) {
  if (rows.length === 0) return [];
  const result = await sql<{ id: string; unresolvedAt: Date }>`
    update handover h set
      escalation_step = v."escalationStep",
      next_escalation_at = v."nextEscalationAt",
      unresolved_at = coalesce(h.unresolved_at, v."unresolvedAt"),
      updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as v(id uuid, "escalationStep" integer, "nextEscalationAt" timestamptz,
        "unresolvedAt" timestamptz)
    where h.id = v.id
    returning h.id, v."unresolvedAt" as "unresolvedAt"`.execute(db);
  return result.rows.filter((r) => r.unresolvedAt !== null);
}
