import type { CitizenAccess } from "../access/citizen-access.ts";
import type { CitizenService } from "../citizens/service.ts";
import type { StayChange } from "../pathways/model.ts";
import type { HandoverView } from "../pathways/responsibility-model.ts";
import type { Database } from "../platform/db/database.ts";
import type { StructureService } from "../structure/service.ts";
import { createClosing, deathsOf, stayClosings } from "./closing.ts";
import { createDecisions } from "./decisions.ts";
import { type HandoverEventSink, ignoreEvents, recipients } from "./events.ts";
import { deadlineOf, escalationDueAt, type Sector } from "./model.ts";
import { createNoteWriter } from "./note.ts";
import { bodyOfDischarge, handoverRowsFor } from "./placement.ts";
import { createRerouting } from "./reroute.ts";
import { createRules, ruleLookup } from "./rules-service.ts";
import * as store from "./store.ts";
import { createTaskVisibility } from "./task-visibility.ts";
import { createUndo } from "./undo.ts";
import { createWorklists } from "./worklist-service.ts";

/**
 * Closed-loop handovers: a discharge creates one handover to the home
 * municipality and one to the listed GP, inside the ingest's transaction; the
 * receivers confirm or decline; a death or a cancelled stay closes them; a
 * corrected discharge time moves their deadlines. Every change is appended to
 * the transition history.
 */

type Deps = {
  db: Database;
  citizens: CitizenService;
  structure: StructureService;
  access: CitizenAccess;
  clock?: () => Date;
  /** Told of every handover change, inside its transaction (notifications, webhooks). */
  events?: HandoverEventSink;
  /** How often live worklists look for changes (default 2 s). */
  feedIntervalMs?: number;
};

export function createHandoverService(deps: Deps) {
  const { db, citizens, structure, access } = deps;
  const clock = deps.clock ?? (() => new Date());
  const events = deps.events ?? ignoreEvents;
  const closing = createClosing({ clock, events });
  const worklists = createWorklists({
    db,
    citizens,
    clock,
    ...(deps.feedIntervalMs ? { feedIntervalMs: deps.feedIntervalMs } : {}),
  });

  async function createFor(tx: Database, discharged: StayChange[]) {
    const receivers = await citizens.receiversOf(
      tx,
      discharged.map((c) => c.citizenId),
    );
    const rows = await handoverRowsFor(tx, structure, receivers, discharged, clock());
    const created = await store.insertHandovers(tx, rows);
    await store.insertTransitions(
      tx,
      created.map((h) => ({
        handoverId: h.id,
        kind: "created",
        fromStatus: null,
        toStatus: "open",
        actorUserId: null,
        actorOrganisationId: null,
        reason: "discharge",
      })),
    );
    await events(
      tx,
      created.map((h) => ({
        kind: "handover.created",
        handoverId: h.id,
        sector: h.sector,
        status: h.status,
        recipientOrganisationIds: [h.receiverOrganisationId],
        at: clock(),
        deadlineAt: new Date(h.deadlineAt),
      })),
    );
  }

  /**
   * A corrected discharge time moves the deadline, and, where it moves the
   * discharge across a change of structure (23:50 on 31 December corrected to
   * 00:10), the body too: the handover belongs to the body of its discharge's date.
   */
  async function moveDeadlines(tx: Database, changes: StayChange[]) {
    const live = await store.lockLiveHandovers(
      tx,
      changes.map((c) => c.stayId),
    );
    const moved = [];
    for (const h of live) {
      const change = changes.find((c) => c.stayId === h.stayId);
      if (h.status !== "open" || !change?.dischargedAt) continue;
      if (new Date(h.dischargedAt).getTime() === change.dischargedAt.getTime()) continue;
      const receiver =
        h.sector === "municipality"
          ? { municipalityCode: h.receiverMunicipalityCode }
          : { practiceId: h.receiverPracticeId };
      const bodyId = await bodyOfDischarge(tx, structure, receiver, change.dischargedAt);
      moved.push({ h, dischargedAt: change.dischargedAt, bodyId });
    }
    const ruleOf = await ruleLookup(
      tx,
      moved.map((m) => m.bodyId),
    );
    for (const { h, dischargedAt, bodyId } of moved) {
      const rule = ruleOf(bodyId, h.sector);
      const deadlineAt = deadlineOf(dischargedAt, rule);
      await store.moveDeadline(tx, h.id, {
        dischargedAt,
        bodyId,
        deadlineAt,
        nextEscalationAt: escalationDueAt(deadlineAt, rule, 0),
      });
      await store.insertTransitions(tx, [
        {
          handoverId: h.id,
          kind: "deadline-moved",
          fromStatus: "open",
          toStatus: "open",
          actorUserId: null,
          actorOrganisationId: null,
          reason: "corrected discharge time",
        },
      ]);
    }
  }

  return {
    /** The pathway's hook: runs inside the ingest's transaction for every batch of stay changes. */
    async onStayChanges(tx: Database, changes: StayChange[]) {
      const discharged = changes.filter((c) => c.after === "discharged");
      const newlyDischarged = discharged.filter((c) => c.before !== "discharged");
      if (newlyDischarged.length > 0) await createFor(tx, newlyDischarged);
      const revised = discharged.filter((c) => c.before === "discharged");
      if (revised.length > 0) await moveDeadlines(tx, revised);
      const ended = stayClosings(changes);
      if (ended.length > 0) await closing.closeForStays(tx, ended);
      // After creating: a discharge and a death in one batch leave nothing open.
      const deaths = deathsOf(changes);
      if (deaths.size > 0) await closing.closeForDeaths(tx, deaths);
    },

    /** The pathway's other hook: each stay's handovers, for "who is responsible now". */
    async handoversOfStays(stayIds: string[]): Promise<HandoverView[]> {
      const rows = await store.handoversOfStays(db, stayIds);
      const decided = await store.lastDecisions(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => ({
        stayId: r.stayId,
        sector: r.sector,
        status: r.status,
        receiverOrganisationId: r.receiverOrganisationId,
        receiverName: r.receiverName,
        bodyId: r.bodyId,
        dischargedAt: new Date(r.dischargedAt),
        deadlineAt: new Date(r.deadlineAt),
        decidedAt: decided.get(r.id) ?? null,
      }));
    },

    /**
     * Confirmations made outside Tovholder's pages, each as the receiving
     * organisation at its own time, with no acting user: the synthetic
     * history's (imported quietly), and the demo's simulated staff (told like
     * any confirmation). People confirm through `confirm`.
     */
    async importConfirmations(
      items: { stayId: string; sector: Sector; at: Date }[],
      how: { reason: string; notify: boolean } = { reason: "imported history", notify: false },
    ) {
      return db.transaction().execute(async (tx) => {
        // A history's confirmations come after all its messages, so after its deaths too.
        const changed = await store.confirmAsOf(tx, items, !how.notify);
        await store.insertTransitions(
          tx,
          changed.map((c) => ({
            handoverId: c.id,
            kind: "confirmed",
            fromStatus: c.fromStatus,
            toStatus: "confirmed",
            at: new Date(c.at),
            actorUserId: null,
            actorOrganisationId: c.receiverOrganisationId,
            reason: how.reason,
          })),
        );
        if (how.notify)
          await events(
            tx,
            changed.map((c) => ({
              kind: "handover.confirmed",
              handoverId: c.id,
              sector: c.sector,
              status: "confirmed",
              recipientOrganisationIds: recipients(c.dischargingOrganisationId),
              at: new Date(c.at),
              deadlineAt: new Date(c.deadlineAt),
              reason: null,
            })),
          );
        return changed.length;
      });
    },

    /**
     * Open handovers of these bodies discharged after `since` (the demo's simulated
     * staff, who work for a cluster until 2026 and its council from 2027).
     */
    openDischargedSince: (bodyIds: string[], since: Date) =>
      store.openDischargedSince(db, bodyIds, since),

    /** The discharging ward writes or corrects its note to the receivers. */
    writeNote: createNoteWriter({ db, access }),
    ...worklists,
    ...createTaskVisibility({ db, access, worklists }),
    ...createRules(db, access, clock),
    ...createDecisions({ db, access, clock, events }),
    ...createRerouting({ db, access, structure, clock, events }),
    ...createUndo({ db, access, clock, events }),
  };
}

export type HandoverService = ReturnType<typeof createHandoverService>;
