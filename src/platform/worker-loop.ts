import type { FastifyBaseLogger } from "fastify";
import { asUnavailable } from "./db/unavailable.ts";

/**
 * Runs background work every `everyMs`, one run at a time. The work's own
 * state lives in the database (see the handover sweeper), so a timer here is
 * only a trigger: losing it loses nothing, and several processes may run the
 * same loop. A run that fails is logged and the next one comes at its time:
 * while the database is away, each run says so in one line, and the first run
 * after it is back does the work that waited.
 */
export function startLoop(
  name: string,
  everyMs: number,
  work: () => Promise<unknown>,
  logger: FastifyBaseLogger,
) {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const timer = setInterval(() => {
    // A run longer than the interval (a nation's indicators) is not queued again behind itself.
    if (busy || stopped) return;
    busy = true;
    running = work()
      .catch((err: unknown) => {
        const unavailable = asUnavailable(err);
        if (unavailable)
          logger.warn(
            { loop: name, code: unavailable.code },
            "background work skipped: the database is unavailable",
          );
        else logger.error({ err, loop: name }, "background work failed");
      })
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
