import { createHash } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { HandoverRule, Sector } from "../handovers/model.ts";
import type { HandoverService } from "../handovers/service.ts";

/**
 * The demo's handover tempo and its simulated staff, so that a newcomer sees
 * the whole loop within minutes: a discharge creates handovers; most are
 * confirmed by simulated staff at the receiving organisations after a minute
 * or so, many only after they were chased up the escalation ladder, and a
 * few per thousand never — those become unresolved.
 */

const ALWAYS = { start: "00:00", end: "23:59" };

/** Real-time rules for the demo body: a deadline of minutes, rungs a minute apart. */
export const DEMO_TEMPO_RULES: Record<Sector, HandoverRule> = {
  municipality: {
    deadlineMinutes: 2,
    hours: { weekday: ALWAYS, weekend: ALWAYS },
    ladder: [
      { afterMinutes: 0, target: "receiver" },
      { afterMinutes: 1, target: "body-coordinator" },
      { afterMinutes: 1, target: "discharging-department" },
    ],
  },
  "general-practice": {
    deadlineMinutes: 3,
    hours: { weekday: ALWAYS, weekend: ALWAYS },
    ladder: [
      { afterMinutes: 0, target: "receiver" },
      { afterMinutes: 1, target: "body-coordinator" },
      { afterMinutes: 1, target: "discharging-department" },
    ],
  },
};

export type PlannedDecision = { confirmAfterSeconds: number } | null;

/**
 * What the simulated staff do with a handover, decided by its id alone, so a
 * restarted demo makes the same decisions: 70 % confirm in 20–90 s (within
 * the deadline), 29.7 % confirm after about five minutes (after the ladder
 * chased them), 0.3 % never — those become unresolved. A few per thousand,
 * as in a real year (issue 21 §1); at 15 % the accelerated demo piled up
 * hundreds of unresolved cases within hours.
 */
export function plannedDecision(handoverId: string): PlannedDecision {
  const n = createHash("sha256").update(handoverId).digest().readUInt32BE(0) % 1000;
  if (n < 700) return { confirmAfterSeconds: 20 + Math.floor(n / 10) };
  if (n < 997) return { confirmAfterSeconds: 270 + Math.floor((n - 700) / 5) };
  return null;
}

/** The simulated staff's due confirmations among open handovers, at `now`. */
export function dueConfirmations(
  open: { stayId: string; sector: Sector; dischargedAt: Date | string; id: string }[],
  now: number,
) {
  return open.flatMap((h) => {
    const plan = plannedDecision(h.id);
    if (!plan) return [];
    const due = new Date(h.dischargedAt).getTime() + plan.confirmAfterSeconds * 1000;
    // Stamped when it happens: a fast-forwarded discharge is not confirmed before it arrived.
    return due <= now ? [{ stayId: h.stayId, sector: h.sector, at: new Date(now) }] : [];
  });
}

export async function applyDemoTempo(handovers: HandoverService, bodyId: string) {
  for (const sector of ["municipality", "general-practice"] as const)
    await handovers.defaultRuleIfUnset(bodyId, sector, DEMO_TEMPO_RULES[sector]);
}

/** Confirms, every few seconds, what the simulated staff have decided by now. */
export function startSimulatedStaff(o: {
  handovers: HandoverService;
  /**
   * The bodies whose handovers they work on: the demo's municipalities' bodies
   * from the demo's start on, so the staff go on after the clusters become councils.
   */
  bodyIds: string[];
  /** Only discharges after this (the live simulation's), never the history's. */
  since: Date;
  logger: FastifyBaseLogger;
  everyMs?: number;
  now?: () => number;
}) {
  const now = o.now ?? Date.now;
  let running: Promise<unknown> = Promise.resolve();
  async function tick() {
    const open = await o.handovers.openDischargedSince(o.bodyIds, o.since);
    const due = dueConfirmations(open, now());
    if (due.length === 0) return 0;
    const confirmed = await o.handovers.importConfirmations(due, {
      reason: "demo: simulated staff",
      notify: true,
    });
    o.logger.info({ confirmed }, "demo: simulated staff confirmed handovers");
    return confirmed;
  }
  const timer = setInterval(() => {
    running = running
      .then(tick)
      .catch((err: unknown) => o.logger.error({ err }, "demo: simulated staff failed a tick"));
  }, o.everyMs ?? 5_000);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
