import path from "node:path";
import { createCipher } from "../citizens/crypto.ts";
import { createSweeper } from "../handovers/sweeper.ts";
import type { Indicators } from "../indicators/assemble.ts";
import { startIndicatorUpkeep } from "../indicators/upkeep.ts";
import { createDeliveryWorker } from "../notifications/delivery.ts";
import { notifyHandoverEvents } from "../notifications/sink.ts";
import type { Config } from "../platform/config.ts";
import type { DatabaseHandle } from "../platform/db/database.ts";
import type { App } from "../platform/http/app.ts";
import { startLoop } from "../platform/worker-loop.ts";
import { startLivingDemo } from "../synth/living-demo.ts";
import { countsOf, type Transition } from "../transition/service.ts";
import { projectRoot } from "./paths.ts";

/** How often a process that does not sweep looks whether a change of structure has come. */
const TRANSITION_CHECK_MS = 60_000;

/**
 * Carries over each change of structure whose day has come and that no
 * process has carried over yet; the log gets the numbers, the operator the
 * names (`tovholder structure transition`).
 */
export async function carryOverDue(transition: Transition, log: App["log"]) {
  for (const report of await transition.applyDue())
    log.info(
      countsOf(report),
      "change of structure carried over: rules and memberships (see tovholder structure transition)",
    );
}

type BackgroundParts = {
  config: Config;
  database: DatabaseHandle;
  app: App;
  masterKey: Buffer;
  clock: (() => Date) | undefined;
  transition: Transition;
  indicators: Indicators;
};

const clockOf = (p: BackgroundParts) => (p.clock ? { clock: p.clock } : {});

/** The living demo (in demo mode), the handover sweep and webhook delivery, on the server's clock. */
export function startBackground(p: BackgroundParts) {
  const { config, database, app } = p;
  const withClock = clockOf(p);
  const demo = config.demo
    ? startLivingDemo({
        database,
        cipher: createCipher(p.masterKey),
        dataDir: config.dataDir,
        structureDir: path.join(projectRoot, "data"),
        ...config.demoLife,
        logger: app.log,
        ...withClock,
      })
    : null;
  const sweep = startSweep(p, demo);
  const delivering = startWebhookDelivery(p);
  const refreshing = startIndicatorUpkeep(p.indicators, config.indicatorRefreshSeconds, app.log);
  return {
    async stop() {
      await Promise.all([demo?.stop(), sweep.stop(), delivering?.stop(), refreshing?.stop()]);
    },
  };
}

/**
 * The handover sweep, which carries over a change of structure first; in a
 * process that does not sweep, that carry-over on its own.
 */
function startSweep(p: BackgroundParts, demo: { ready: Promise<unknown> } | null) {
  const { config, database, app } = p;
  const withClock = clockOf(p);
  let sweeping: { stop(): Promise<void> } | null = null;
  let stopped = false;
  const startSweeping = () => {
    if (stopped || config.handoverSweepSeconds === 0) return;
    sweeping = startLoop(
      "handover sweep",
      config.handoverSweepSeconds * 1000,
      async () => {
        // At midnight the change is carried over first: the council's coordinators are in
        // place when the first escalation reaches it.
        await carryOverDue(p.transition, app.log);
        const escalated = await createSweeper(database.db, {
          events: notifyHandoverEvents,
          ...withClock,
        }).sweep();
        if (escalated > 0) app.log.info({ escalated }, "overdue handovers escalated");
      },
      app.log,
    );
  };
  // Without the sweep in this process, the change still comes at its midnight.
  const carrying =
    config.handoverSweepSeconds === 0
      ? startLoop(
          "structure transition",
          TRANSITION_CHECK_MS,
          () => carryOverDue(p.transition, app.log),
          app.log,
        )
      : null;
  // In the demo, the history's confirmations are imported before anything is judged overdue.
  if (demo) void demo.ready.then(startSweeping);
  else startSweeping();
  return {
    async stop() {
      stopped = true;
      await Promise.all([sweeping?.stop(), carrying?.stop()]);
    },
  };
}

/** Webhooks are sent apart from the change that caused them: a receiver that is down delays nothing. */
function startWebhookDelivery(p: BackgroundParts) {
  const { config, database, app } = p;
  const webhooks = createDeliveryWorker(database.db, createCipher(p.masterKey), {
    allowedHosts: config.webhookAllowedHosts,
    logger: app.log,
    ...clockOf(p),
  });
  return config.webhookDeliverySeconds === 0
    ? null
    : startLoop(
        "webhook delivery",
        config.webhookDeliverySeconds * 1000,
        async () => {
          const sent = await webhooks.deliverDue();
          if (sent.failed > 0) app.log.warn(sent, "webhook deliveries failed for good");
        },
        app.log,
      );
}
