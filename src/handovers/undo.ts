import type { CitizenAccess, RequestContext } from "../access/citizen-access.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import {
  actingOrganisation,
  handoverConflict,
  handoverNotFound,
  isReceiverOf,
  secretariatToday,
} from "./decisions.ts";
import { type HandoverEventSink, recipients } from "./events.ts";
import {
  escalationDueAt,
  type HandoverStatus,
  UNDO_WINDOW_MINUTES,
  type UndoRefusal,
  undoCheck,
} from "./model.ts";
import { ruleLookup } from "./rules-service.ts";
import * as store from "./store.ts";
import * as undoStore from "./undo-store.ts";

/**
 * Taking a confirmation or a decline back: the organisation that decided may
 * undo it for ten minutes, unless someone has acted on it since. The undo is
 * a transition of its own ("undone", who and when); the handover is open
 * again with its own deadline and escalation ladder where they stood, so it
 * counts as not taken over, is chased as before, and shows on the worklists
 * again. The discharging department (and, for a decline, the body's
 * coordinators) hear of it, as they heard of the decision.
 */
export function createUndo(deps: {
  db: Database;
  access: CitizenAccess;
  clock: () => Date;
  events: HandoverEventSink;
}) {
  const { db, access, clock, events } = deps;
  return {
    async undo(ctx: RequestContext, id: string, expected: { version: number }) {
      const what = { action: "undo", resource: "handover" } as const;
      const h = await store.findHandover(db, id);
      if (!h) throw handoverNotFound();
      const org = actingOrganisation(ctx);
      // Who may is settled before the transaction, where a refusal can be audited.
      const history = await undoStore.historyOf(db, id);
      const first = org ? undoCheck(history, org.id, clock()) : null;
      if (
        !org ||
        !isReceiverOf(org, h) ||
        (first && !first.ok && first.refusal === "not-own-decision")
      )
        throw await access.deny(ctx, h.citizenId, what, notOwnDecision());
      const actor = ctx.actor;
      const now = clock();
      try {
        const undone = await db.transaction().execute(async (tx) => {
          const check = undoCheck(await undoStore.historyOf(tx, id, true), org.id, now);
          if (!check.ok) throw undoRefused(check.refusal);
          const current = await store.findHandover(tx, id);
          if (!current || current.version !== expected.version) throw handoverConflict(current);
          const rule = (await ruleLookup(tx, [current.bodyId]))(current.bodyId, current.sector);
          const done = await undoStore.restore(
            tx,
            id,
            { version: expected.version, from: current.status },
            {
              status: check.restore,
              // After the ladder's last step: the sweeper works out whether it is unresolved.
              nextEscalationAt:
                escalationDueAt(new Date(current.deadlineAt), rule, current.escalationStep) ??
                new Date(current.deadlineAt),
            },
          );
          if (!done) throw handoverConflict(current);
          await store.insertTransitions(tx, [
            {
              handoverId: id,
              kind: "undone",
              fromStatus: current.status,
              toStatus: check.restore,
              at: now,
              actorUserId: actor.kind === "staff" ? actor.userId : null,
              actorOrganisationId: org.id,
              reason: `${check.decision.kind} at ${check.decision.at.toISOString()} taken back`,
            },
          ]);
          await tell(tx, h, current.status, check.restore, now);
          // The audit entry commits with the change: a change nobody can account for is never kept.
          await access.auditIn(tx, ctx, h.citizenId, what, "allowed");
          return done;
        });
        return { id, status: undone.status, version: undone.version };
      } catch (e) {
        // A refusal is an attempted change to a citizen's handover: audited like a 403.
        if (e instanceof AppError && e.status === 409)
          throw await access.deny(ctx, h.citizenId, what, e);
        throw e;
      }
    },
  };

  /** Those told of the decision hear that it was taken back. */
  async function tell(
    tx: Database,
    h: NonNullable<Awaited<ReturnType<typeof store.findHandover>>>,
    from: HandoverStatus,
    to: HandoverStatus,
    now: Date,
  ) {
    const secretariat = from === "declined" ? await secretariatToday(tx, h.id, now) : null;
    await events(tx, [
      {
        kind: "handover.undone",
        handoverId: h.id,
        sector: h.sector,
        status: to,
        recipientOrganisationIds: recipients(h.dischargingOrganisationId, secretariat),
        at: now,
        deadlineAt: new Date(h.deadlineAt),
        reason: from,
      },
    ]);
  }
}

const REFUSALS: Record<UndoRefusal, string> = {
  "nothing-to-undo": "there is no confirmation or decline to undo",
  "already-undone": "the decision has already been undone",
  "acted-on-since": "someone has acted on the decision since",
  "not-own-decision": "only the organisation that decided can undo it",
  "too-late": `a decision can be undone for ${UNDO_WINDOW_MINUTES} minutes only`,
};

/** 409 saying why the undo is refused, in English and as a key the web translates. */
function undoRefused(refusal: UndoRefusal) {
  return new AppError(
    "TOV_ERR_CONFLICT",
    `The decision cannot be undone: ${REFUSALS[refusal]}`,
    [],
    { key: `handovers.undo.${refusal}`, values: { minutes: UNDO_WINDOW_MINUTES } },
  );
}

function notOwnDecision() {
  return new AppError(
    "TOV_ERR_FORBIDDEN",
    `The decision cannot be undone: ${REFUSALS["not-own-decision"]}`,
    [],
    {
      key: "handovers.undo.not-own-decision",
    },
  );
}
