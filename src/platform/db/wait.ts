import { sql } from "kysely";
import type { DatabaseHandle } from "./database.ts";
import { asUnavailable } from "./unavailable.ts";

/** The first wait after a failed attempt, and the longest; each wait doubles up to the cap. */
export const FIRST_WAIT_MS = 250;
export const MAX_WAIT_MS = 5_000;

export class DatabaseWaitError extends Error {
  constructor(location: string, limitSeconds: number, attempts: number, lastCode: string) {
    super(
      `The database at ${location} did not answer within ${limitSeconds} s ` +
        `(${attempts} attempt${attempts === 1 ? "" : "s"}, last: ${lastCode}); ` +
        "DATABASE_WAIT_SECONDS sets how long to wait",
    );
    this.name = "DatabaseWaitError";
  }
}

type WaitLog = {
  warn(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
};

/**
 * Waits for the database at start-up: a server process started before its
 * database (a body booting, a failover in progress) tries again with
 * backoff, one log line per attempt (the location without credentials), and
 * gives up only after `limitSeconds`. A database that answers but refuses us
 * (wrong password, no such database) fails at once: waiting will not help.
 */
export async function waitForDatabase(
  database: Pick<DatabaseHandle, "db" | "location">,
  options: {
    limitSeconds: number;
    log: WaitLog;
    now?: () => number;
    sleep?: (ms: number) => Promise<void>;
  },
): Promise<{ attempts: number }> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const deadline = now() + options.limitSeconds * 1000;
  let wait = FIRST_WAIT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`select 1`.execute(database.db);
      if (attempt > 1)
        options.log.info({ attempt, database: database.location }, "database reachable");
      return { attempts: attempt };
    } catch (err) {
      const unavailable = asUnavailable(err, true);
      if (!unavailable) throw err;
      const left = deadline - now();
      if (left <= 0)
        throw new DatabaseWaitError(
          database.location,
          options.limitSeconds,
          attempt,
          unavailable.code,
        );
      const retryInMs = Math.min(wait, left);
      options.log.warn(
        { attempt, database: database.location, code: unavailable.code, retryInMs },
        "database not reachable yet; waiting",
      );
      await sleep(retryInMs);
      wait = Math.min(wait * 2, MAX_WAIT_MS);
    }
  }
}
