import type { CitizenAccess, RequestContext } from "../access/citizen-access.ts";
import { wardWorkRefusal } from "../access/discharge-rule.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import { handoverConflict, handoverNotFound } from "./decisions.ts";
import * as store from "./store.ts";

/**
 * The discharging ward's note to the receivers — what the citizen needs,
 * medication changes, follow-up — written or corrected on an open handover.
 * It changes what the receivers confirm, so it takes the version like a
 * decision does: a receiver who confirms what they read before the note
 * changed gets a 409 and reads again.
 */
export function createNoteWriter(deps: { db: Database; access: CitizenAccess }) {
  const { db, access } = deps;
  return async function writeNote(
    ctx: RequestContext,
    id: string,
    input: { version: number; note: string },
  ) {
    const h = await store.findHandover(db, id);
    if (!h) throw handoverNotFound();
    const actor = ctx.actor;
    const what = { action: "write-note", resource: "handover" } as const;
    if (wardWorkRefusal(actor, h.hospitalId) || actor.kind !== "staff")
      throw await access.deny(
        ctx,
        h.citizenId,
        what,
        new AppError("TOV_ERR_FORBIDDEN", "Only the discharging hospital writes the note", [], {
          key: "handovers.noteOnlyHospital",
        }),
      );
    const note = input.note.trim() || null;
    const written = await db.transaction().execute(async (tx) => {
      const done = await store.writeNote(tx, id, input.version, note);
      if (!done) throw handoverConflict(await store.findHandover(tx, id));
      await store.insertTransitions(tx, [
        {
          handoverId: id,
          kind: "note-changed",
          fromStatus: "open",
          toStatus: "open",
          actorUserId: actor.userId,
          actorOrganisationId: actor.organisation.id,
          reason: null,
        },
      ]);
      // The audit entry commits with the change: a change nobody can account for is never kept.
      await access.auditIn(tx, ctx, h.citizenId, what, "allowed");
      return done;
    });
    return { id, status: written.status, version: written.version };
  };
}
