import { describe, expect, it } from "vitest";
import { openDatabase } from "./database.ts";
import { DatabaseWaitError, waitForDatabase } from "./wait.ts";

/** A log that keeps its lines. */
function lines() {
  const kept: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  return {
    kept,
    warn: (fields: Record<string, unknown>, message: string) =>
      kept.push({ level: "warn", fields, message }),
    info: (fields: Record<string, unknown>, message: string) =>
      kept.push({ level: "info", fields, message }),
  };
}

describe("waiting for the database at start", () => {
  it("tries again with doubling waits up to the cap, one line each, and gives up at the limit", async () => {
    // Port 1 on loopback refuses at once; the clock moves only when the wait sleeps.
    const database = await openDatabase({
      engine: "postgres",
      url: "postgres://tovholder:secret@127.0.0.1:1/none",
    });
    let now = 0;
    const log = lines();
    try {
      const waited = waitForDatabase(database, {
        limitSeconds: 20,
        log,
        now: () => now,
        sleep: async (ms) => {
          now += ms;
        },
      });
      await expect(waited).rejects.toBeInstanceOf(DatabaseWaitError);
      await expect(waited).rejects.toThrow(
        /did not answer within 20 s \(9 attempts, last: ECONNREFUSED\); DATABASE_WAIT_SECONDS/,
      );
    } finally {
      await database.close();
    }
    expect(log.kept.map((l) => l.fields.retryInMs)).toEqual([
      250, 500, 1000, 2000, 4000, 5000, 5000, 2250,
    ]);
    expect(log.kept.every((l) => l.message === "database not reachable yet; waiting")).toBe(true);
    expect(log.kept[0]?.fields).toMatchObject({ attempt: 1, code: "ECONNREFUSED" });
    // The location is logged without the password.
    expect(JSON.stringify(log.kept)).not.toContain("secret");
    expect(log.kept[0]?.fields.database).toContain("***");
  });

  it("goes straight on when the database answers", async () => {
    const database = await openDatabase({ engine: "pglite" });
    const log = lines();
    try {
      expect(await waitForDatabase(database, { limitSeconds: 1, log })).toEqual({ attempts: 1 });
      expect(log.kept).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it("does not wait at all with a limit of 0", async () => {
    const database = await openDatabase({ engine: "postgres", url: "postgres://x@127.0.0.1:1/n" });
    const log = lines();
    try {
      await expect(waitForDatabase(database, { limitSeconds: 0, log })).rejects.toThrow(
        /within 0 s \(1 attempt, last: ECONNREFUSED\)/,
      );
      expect(log.kept).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    "fails at once when the server answers but has no such database",
    async () => {
      const url = new URL(process.env.TEST_DATABASE_URL ?? "");
      url.pathname = "/tovholder_no_such_database";
      const database = await openDatabase({ engine: "postgres", url: url.toString() });
      const log = lines();
      try {
        await expect(waitForDatabase(database, { limitSeconds: 30, log })).rejects.toMatchObject({
          code: "3D000",
        });
        expect(log.kept).toEqual([]);
      } finally {
        await database.close();
      }
    },
  );
});
