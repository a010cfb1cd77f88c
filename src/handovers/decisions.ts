import type { CitizenAccess, RequestContext } from "../access/citizen-access.ts";
import type { OrganisationRef } from "../access/model.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError, type Reason } from "../platform/http/errors.ts";
import { danishToday } from "../structure/service.ts";
import { type HandoverEventSink, recipients } from "./events.ts";
import {
  canMove,
  type DeclineReason,
  declineNoteMissing,
  type HandoverStatus,
  undoUntil,
} from "./model.ts";
import * as store from "./store.ts";

/**
 * The receiver's decision: confirm ("received, we take over") or decline
 * with a reason, for the acting organisation only (403, audited, for anyone
 * else), with optimistic concurrency (409 naming the current state when
 * someone else got there first).
 */
export function createDecisions(deps: {
  db: Database;
  access: CitizenAccess;
  clock: () => Date;
  events: HandoverEventSink;
}) {
  const { db, access, clock, events } = deps;
  return {
    confirm: (ctx: RequestContext, id: string, expected: { version: number; note?: string }) =>
      decide(ctx, id, expected, { status: "confirmed", reason: null }),

    decline: (
      ctx: RequestContext,
      id: string,
      expected: { version: number; reason: DeclineReason; note?: string },
    ) => {
      // Checked here, not only in the route, so the FHIR Task's decline answers the same.
      if (declineNoteMissing(expected.reason, expected.note)) throw otherNeedsNote();
      return decide(ctx, id, expected, { status: "declined", reason: expected.reason });
    },
  };

  /** Confirms or declines for the acting organisation; 403 (audited) for anyone else, 409 if changed. */
  async function decide(
    ctx: RequestContext,
    id: string,
    expected: { version: number; note?: string },
    to: { status: HandoverStatus; reason: string | null },
  ) {
    // The access check and its audit use their own connection, so they come before the transaction.
    const h = await store.findHandover(db, id);
    if (!h) throw handoverNotFound();
    const actor = ctx.actor;
    const org = actingOrganisation(ctx);
    const isReceiver = isReceiverOf(org, h);
    const what = {
      action: to.status === "confirmed" ? "confirm" : "decline",
      resource: "handover",
    } as const;
    if (!isReceiver)
      throw await access.deny(
        ctx,
        h.citizenId,
        what,
        new AppError(
          "TOV_ERR_FORBIDDEN",
          "Only the receiving organisation can confirm or decline this handover",
          [],
          { key: "handovers.notReceiver" },
        ),
      );
    const at = clock();
    const moved = await db.transaction().execute(async (tx) => {
      const current = await store.findHandover(tx, id);
      const now = {
        id,
        status: current?.status ?? h.status,
        version: current?.version ?? h.version,
      };
      if (!current || !canMove(current.status, to.status) || current.version !== expected.version)
        throw handoverConflict(now);
      const done = await store.transition(
        tx,
        id,
        { version: expected.version, from: current.status },
        to,
      );
      if (!done) throw handoverConflict(now);
      await store.insertTransitions(tx, [
        {
          handoverId: id,
          kind: to.status === "confirmed" ? "confirmed" : "declined",
          fromStatus: current.status,
          toStatus: to.status,
          // The service's clock, not the database's: the undo window is counted from it, and a
          // decision starts and ends relations (src/access/handover-relations.ts).
          at,
          actorUserId: actor.kind === "staff" ? actor.userId : null,
          actorOrganisationId: org?.id ?? null,
          reason: [to.reason, expected.note].filter(Boolean).join(": ") || null,
        },
      ]);
      // A decline never silently disappears: the discharging department and the
      // coordinators of the body responsible today hear of it; a confirmation tells
      // the department it may let go.
      const secretariat = to.status === "declined" ? await secretariatToday(tx, id, clock()) : null;
      await events(tx, [
        {
          kind: to.status === "confirmed" ? "handover.confirmed" : "handover.declined",
          handoverId: id,
          sector: h.sector,
          status: to.status,
          recipientOrganisationIds: recipients(h.dischargingOrganisationId, secretariat),
          at: clock(),
          deadlineAt: new Date(h.deadlineAt),
          reason: to.reason,
        },
      ]);
      // The audit entry commits with the change: a change nobody can account for is never kept.
      await access.auditIn(tx, ctx, h.citizenId, what, "allowed");
      return done;
    });
    // The deciding organisation may take it back until then (undo.ts).
    return {
      id,
      status: moved.status,
      version: moved.version,
      decidedAt: at.toISOString(),
      undoableUntil: undoUntil(at).toISOString(),
    };
  }
}

/** The organisation a member of staff or a token acts for; null for anyone else. */
export function actingOrganisation(ctx: RequestContext): OrganisationRef | null {
  const actor = ctx.actor;
  return actor.kind === "staff" || actor.kind === "token" ? actor.organisation : null;
}

/** Whether the organisation is the handover's receiver: its municipality's units, or its practice. */
export function isReceiverOf(
  org: OrganisationRef | null,
  h: {
    sector: string;
    receiverMunicipalityCode: string | null;
    receiverPracticeId: string | null;
  },
): boolean {
  if (!org) return false;
  return h.sector === "municipality"
    ? org.municipalityCode === h.receiverMunicipalityCode && org.kind !== "general_practice"
    : org.generalPracticeId === h.receiverPracticeId;
}

/** 400 naming the note: "other" says nothing on its own, so the receiver must say what. */
export function otherNeedsNote() {
  return new AppError(
    "TOV_ERR_VALIDATION",
    "A decline for another reason must say why",
    [
      {
        in: "body",
        field: "note",
        reason: "is required when the reason is other",
        i18n: { key: "handovers.otherNeedsNote" },
      },
    ],
    { key: "handovers.otherNeedsNote" },
  );
}

/**
 * The secretariat of the body responsible for a handover today: from 1
 * January 2027 a December handover's coordinators are the council's.
 */
export async function secretariatToday(tx: Database, id: string, now: Date) {
  const today = danishToday(now);
  const bodyId = await store.responsibleBodyOf(tx, id, today);
  if (!bodyId) return null;
  return (await store.secretariatsOn(tx, [bodyId], today)).get(bodyId) ?? null;
}

/**
 * 409 naming the handover's current state and version, for any change that
 * read an older one (a decision, the ward's note, sending it on); `reason`
 * says why the version field is refused when it is not simply out of date.
 */
export function handoverConflict(
  current: { status: string; version: number } | undefined,
  why?: Reason,
) {
  const state = { status: current?.status ?? "gone", version: current?.version ?? 0 };
  const stale = {
    reason: `is not the current version ${current?.version}`,
    i18n: { key: "handovers.staleVersion", values: { version: state.version } },
  };
  return new AppError(
    "TOV_ERR_CONFLICT",
    `The handover has changed: it is ${current?.status} (version ${current?.version})`,
    [{ in: "body", field: "version", ...(why ?? stale) }],
    { key: "handovers.changed", values: state },
  );
}

export function handoverNotFound() {
  return new AppError("TOV_ERR_NOT_FOUND", "No such handover", [], {
    key: "handovers.notFound",
  });
}
