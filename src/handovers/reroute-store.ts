import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { OrganisationKind } from "../platform/db/schema.ts";

/** Sending a declined handover on (reroute.ts): the new receiver, found by name, and the update. */

/**
 * Sends a declined handover on to another receiver: open again, a new
 * deadline, the ladder from its first step on a new route. Only if it is
 * still declined at the version the sender read; undefined otherwise.
 */
export function reroute(
  db: Database,
  id: string,
  version: number,
  to: {
    receiverOrganisationId: string;
    receiverMunicipalityCode: string | null;
    receiverPracticeId: string | null;
    bodyId: string | null;
    deadlineAt: Date;
    nextEscalationAt: Date | null;
    note?: string;
  },
) {
  return db
    .updateTable("handover")
    .set({
      ...to,
      status: "open",
      statusReason: null,
      escalationStep: 0,
      // A new receiver and deadline: the ladder starts again, the case is not unresolved.
      unresolvedAt: null,
      route: sql<number>`route + 1`,
      version: sql<number>`version + 1`,
      updatedAt: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .where("status", "=", "declined")
    .returning(["id", "status", "version", "deadlineAt"])
    .executeTakeFirst();
}

/** Organisations a handover of the sector can be sent to, by name (for the sender's search). */
export function receiverCandidates(db: Database, kind: OrganisationKind, name: string) {
  return db
    .selectFrom("organisation")
    .select(["id", "name", "kind"])
    .where("kind", "=", kind)
    .where(sql<boolean>`name ilike ${`%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`)
    .orderBy("name")
    .limit(20)
    .execute();
}

export function organisationById(db: Database, id: string) {
  return db
    .selectFrom("organisation")
    .select(["id", "name", "kind", "municipalityCode", "generalPracticeId"])
    .where("id", "=", id)
    .executeTakeFirst();
}
