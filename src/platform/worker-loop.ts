import type { FastifyBaseLogger } from "fastify";

/**
 * Runs background work every `everyMs`, one run at a time. The work's own
 * state lives in the database (see the handover sweeper), so a timer here is
 * only a trigger: losing it loses nothing, and several processes may run the
 * same loop.
 */
export function startLoop(
  name: string,
  everyMs: number,
  work: () => Promise<unknown>,
  logger: FastifyBaseLogger,
) {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running
      .then(() => (stopped ? undefined : work()))
      .catch((err: unknown) => logger.error({ err, loop: name }, "background work failed"));
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
