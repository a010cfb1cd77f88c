import { type Insertable, sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { AuditLogTable } from "../platform/db/schema.ts";

/** SQL for the append-only audit log (table `audit_log`, migration 0002). */

export async function appendAudit(db: Database, entry: Insertable<AuditLogTable>) {
  await db.insertInto("auditLog").values(entry).execute();
}

/** What differs between the entries of one decision about many citizens. */
export type AuditedCitizen = {
  citizenId: string;
  outcome: "allowed" | "denied";
  relation: string | null;
  breakGlassReason: string | null;
};

/**
 * One entry per citizen, all sharing who, when, what and why: a worklist
 * audits a few hundred reads per request, so the shared columns are sent once
 * and the rest as five arrays, not ~16 parameters a row.
 */
export async function appendAuditForMany(
  db: Database,
  shared: Omit<Insertable<AuditLogTable>, keyof AuditedCitizen | "breakGlass">,
  citizens: AuditedCitizen[],
) {
  if (citizens.length === 0) return;
  const column = <K extends keyof AuditedCitizen>(k: K) => citizens.map((c) => c[k]);
  await sql`
    insert into audit_log (at, request_id, actor_kind, user_id, token_id, organisation_id,
      organisation_name, role, membership_id, action, resource, purpose,
      citizen_id, outcome, relation, break_glass, break_glass_reason)
    select ${shared.at ?? new Date()}, ${shared.requestId ?? null}, ${shared.actorKind},
      ${shared.userId ?? null}::uuid, ${shared.tokenId ?? null}::uuid,
      ${shared.organisationId ?? null}::uuid, ${shared.organisationName ?? null},
      ${shared.role ?? null}, ${shared.membershipId ?? null}::uuid,
      ${shared.action}, ${shared.resource}, ${shared.purpose ?? null},
      c.citizen_id, c.outcome, c.relation, c.reason is not null, c.reason
    from unnest(${column("citizenId")}::uuid[], ${column("outcome")}::text[],
      ${column("relation")}::text[], ${column("breakGlassReason")}::text[])
      as c(citizen_id, outcome, relation, reason)
  `.execute(db);
}

/**
 * A citizen's log, newest first. A read through a membership an administrator
 * granted (in the web or API, not by the operator or the seed) carries when and
 * by which organisation it was granted, so the citizen sees such access for
 * what it is. A read by a body's coordinators carries the body's kind, so the
 * page can say "Klyngens koordinator" or "Sundhedsrådets koordinator".
 */
export function auditForCitizen(db: Database, citizenId: string, limit: number) {
  return db
    .selectFrom("auditLog as a")
    .leftJoin("appUser as u", "u.id", "a.userId")
    .leftJoin("membership as m", (join) =>
      join.onRef("m.id", "=", "a.membershipId").on("m.grantedVia", "=", "administrator"),
    )
    .leftJoin("organisation as g", "g.id", "m.grantedByOrganisationId")
    .leftJoin("organisation as o", "o.id", "a.organisationId")
    .leftJoin("body as b", "b.id", "o.bodyId")
    .select([
      "a.id",
      "a.at",
      "a.actorKind",
      "u.displayName as userName",
      "a.organisationName",
      "a.role",
      "a.action",
      "a.resource",
      "a.outcome",
      "a.relation",
      "a.purpose",
      "a.breakGlass",
      "a.breakGlassReason",
      "m.grantedAt as roleGrantedAt",
      "g.name as roleGrantedBy",
      "b.kind as bodyKind",
    ])
    .where("a.citizenId", "=", citizenId)
    .orderBy("a.at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
}
