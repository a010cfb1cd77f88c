import type { Database } from "../platform/db/database.ts";
import { danishToday } from "../structure/service.ts";
import { type HandoverEvent, type HandoverEventSink, ignoreEvents, recipients } from "./events.ts";
import {
  DEFAULT_RULES,
  type EscalationTarget,
  escalationDueAt,
  type HandoverRule,
  unresolvedAt,
} from "./model.ts";
import * as rulesStore from "./rules-store.ts";
import * as store from "./store.ts";
import * as sweeps from "./sweeper-store.ts";

/**
 * Escalates overdue handovers, each ladder step exactly once, however many
 * server processes run it against one PostgreSQL: a sweep claims due rows
 * with FOR UPDATE SKIP LOCKED, records each step (unique per handover and
 * step), and moves the row's next escalation forward, all in one
 * transaction. The truth is in the table, not in timers, so a process that
 * was down catches up on its next sweep, one step at a time. A step to the
 * body's coordinators reaches the body responsible for the handover on the
 * sweep's Danish date (responsible-body.ts), recorded on the escalation.
 * After the last step the row's next time is when it becomes unresolved
 * (model.ts, `unresolvedAt`); the sweep that reaches it marks it so, once,
 * and records that in the history. It stays open for the receiver to confirm.
 */
export function createSweeper(
  db: Database,
  options: { batch?: number; clock?: () => Date; events?: HandoverEventSink } = {},
) {
  const batch = options.batch ?? 500;
  const clock = options.clock ?? (() => new Date());
  const events = options.events ?? ignoreEvents;
  let unresolvedTotal = 0;

  async function sweepOnce(): Promise<{ claimed: number; escalated: number }> {
    const now = clock();
    // The body a step reaches is the one responsible on the day it is made: from
    // 1 January 2027 a December handover's coordinator step goes to the council.
    const today = danishToday(now);
    return db.transaction().execute(async (tx) => {
      const due = await sweeps.claimDue(tx, now, today, batch);
      if (due.length === 0) return { claimed: 0, escalated: 0 };
      const secretariats = await store.secretariatsOn(
        tx,
        due.flatMap((d) => (d.responsibleBodyId ? [d.responsibleBodyId] : [])),
        today,
      );
      const own = await rulesStore.bodyRules(tx, [
        ...new Set(due.map((d) => d.bodyId).filter((c): c is string => c !== null)),
      ]);
      const ruleOf = (bodyId: string | null, sector: "municipality" | "general-practice") =>
        (own.find((r) => r.bodyId === bodyId && r.sector === sector)?.rule as
          | HandoverRule
          | undefined) ?? DEFAULT_RULES[sector];
      const escalations: Parameters<typeof sweeps.recordEscalations>[1] = [];
      const advances: sweeps.Advance[] = [];
      for (const h of due) {
        // The handover keeps the rule of its own body, and so its ladder and deadline.
        const rule = ruleOf(h.bodyId, h.sector);
        const coordinators = {
          bodyId: h.responsibleBodyId,
          secretariatId: secretariats.get(h.responsibleBodyId ?? "") ?? null,
        };
        const deadline = new Date(h.deadlineAt);
        let step = h.escalationStep;
        let next: Date | null = escalationDueAt(deadline, rule, step);
        // Catch up: every step that is due now is taken, in order, once.
        while (next && next <= now) {
          const target = rule.ladder[step]?.target ?? "receiver";
          escalations.push({
            handoverId: h.id,
            route: h.route,
            step,
            target,
            targetOrganisationId: targetOf(target, h, coordinators.secretariatId),
            bodyId: target === "body-coordinator" ? coordinators.bodyId : null,
            dueAt: next,
          });
          step++;
          next = escalationDueAt(deadline, rule, step);
        }
        // The whole ladder has chased it: next is the end of the last rung's time.
        const end = next ? null : unresolvedAt(deadline, rule);
        const unresolved = end !== null && end <= now ? end : null;
        advances.push({
          id: h.id,
          escalationStep: step,
          nextEscalationAt: next ?? (unresolved ? null : end),
          unresolvedAt: unresolved,
        });
      }
      const recorded = await sweeps.recordEscalations(tx, escalations);
      const marked = await sweeps.advanceEscalations(tx, advances);
      await store.insertTransitions(
        tx,
        recorded.map((e) => ({
          handoverId: e.handoverId,
          kind: "escalated",
          fromStatus: "open",
          toStatus: "open",
          actorUserId: null,
          actorOrganisationId: null,
          reason: `step ${e.step + 1}: ${e.target}`,
        })),
      );
      // The ladder's end, at the time it fell (a sweep after downtime may come later).
      await store.insertTransitions(
        tx,
        marked.map((m) => ({
          handoverId: m.id,
          kind: "unresolved",
          fromStatus: "open",
          toStatus: "open",
          at: m.unresolvedAt,
          actorUserId: null,
          actorOrganisationId: null,
          reason: "the whole escalation ladder passed without a confirmation",
        })),
      );
      const taken = new Set(recorded.map((e) => `${e.handoverId}:${e.step}`));
      const byId = new Map(due.map((d) => [d.id, d]));
      await events(
        tx,
        escalations.flatMap((e) => {
          const h = byId.get(e.handoverId);
          if (!h || !taken.has(`${e.handoverId}:${e.step}`)) return [];
          return [
            {
              kind: "handover.escalated" as const,
              handoverId: e.handoverId,
              sector: h.sector,
              status: "open" as const,
              recipientOrganisationIds: recipients(e.targetOrganisationId),
              at: now,
              deadlineAt: new Date(h.deadlineAt),
              step: e.step,
              target: e.target,
            },
          ];
        }),
      );
      await events(tx, unresolvedEvents(marked, byId, secretariats, now));
      unresolvedTotal += marked.length;
      return { claimed: due.length, escalated: recorded.length };
    });
  }

  return {
    /** Sweeps until nothing is due; returns the number of escalations made. */
    async sweep(): Promise<number> {
      let total = 0;
      for (;;) {
        const { claimed, escalated } = await sweepOnce();
        total += escalated;
        // A short batch means nothing else is due (or another process holds it).
        if (claimed < batch) return total;
      }
    },
    /** How many handovers this sweeper has marked unresolved (for tests and logs). */
    get unresolved() {
      return unresolvedTotal;
    },
  };
}

type Claimed = Awaited<ReturnType<typeof sweeps.claimDue>>[number];

/**
 * The ladder's end told to everyone it concerns (issue 21, part 1: it never
 * disappears silently): the receiver, the discharging department and the
 * coordinators of the body answering for it. Told at the sweep's time, as
 * its steps are and after them, so a card folding them ends with the
 * ladder's end (the notifications' order, 0030; the history keeps when it fell).
 */
function unresolvedEvents(
  marked: { id: string; unresolvedAt: Date }[],
  byId: Map<string, Claimed>,
  secretariats: Map<string, string>,
  now: Date,
): HandoverEvent[] {
  return marked.flatMap((m) => {
    const h = byId.get(m.id);
    if (!h) return [];
    return [
      {
        kind: "handover.unresolved" as const,
        handoverId: h.id,
        sector: h.sector,
        status: "open" as const,
        recipientOrganisationIds: recipients(
          h.receiverOrganisationId,
          h.dischargingOrganisationId,
          secretariats.get(h.responsibleBodyId ?? ""),
        ),
        at: now,
        deadlineAt: new Date(h.deadlineAt),
      },
    ];
  });
}

function targetOf(
  target: EscalationTarget,
  h: { receiverOrganisationId: string; dischargingOrganisationId: string | null },
  secretariatId: string | null,
): string | null {
  if (target === "receiver") return h.receiverOrganisationId;
  if (target === "body-coordinator") return secretariatId;
  return h.dischargingOrganisationId;
}

export type Sweeper = ReturnType<typeof createSweeper>;
