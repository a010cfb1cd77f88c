import { sql } from "kysely";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { type Database, openDatabase } from "./database.ts";
import { DatabaseUnavailableError } from "./unavailable.ts";

const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)("a PostgreSQL pool", () => {
  it("survives the server terminating an idle connection (was an uncaught exception)", async () => {
    const errors: string[] = [];
    const database = await openDatabase({
      engine: "postgres",
      url: serverUrl ?? "",
      poolSize: 1,
      onIdleError: (err) => errors.push(err.code ?? err.message),
    });
    try {
      const { rows } = await backendPid(database.db);
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query("select pg_terminate_backend($1)", [rows[0]?.pid]);
      await admin.end();
      await new Promise((r) => setTimeout(r, 200));
      expect(errors).toEqual(["57P01"]);
      // The next query gets a fresh connection.
      expect((await backendPid(database.db)).rows[0]?.pid).not.toBe(rows[0]?.pid);
    } finally {
      await database.close();
    }
  });

  it("survives the server terminating a connection while a transaction runs on it (was an uncaught exception)", async () => {
    const database = await openDatabase({ engine: "postgres", url: serverUrl ?? "", poolSize: 1 });
    const uncaught: unknown[] = [];
    const listener = (err: unknown) => uncaught.push(err);
    process.on("uncaughtException", listener);
    try {
      const { rows } = await backendPid(database.db);
      // In a transaction, so that the client is still taken when its socket ends.
      const running = database.db
        .transaction()
        .execute((tx) => sql`select pg_sleep(10)`.execute(tx))
        .then(
          () => null,
          (err: unknown) => err,
        );
      await new Promise((r) => setTimeout(r, 200));
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query("select pg_terminate_backend($1)", [rows[0]?.pid]);
      await admin.end();
      const failed = await running;
      await new Promise((r) => setTimeout(r, 200));
      expect(uncaught.map(String)).toEqual([]);
      expect(failed).toBeInstanceOf(DatabaseUnavailableError);
      expect((await backendPid(database.db)).rows[0]?.pid).not.toBe(rows[0]?.pid);
    } finally {
      process.off("uncaughtException", listener);
      await database.close();
    }
  });

  it("keeps its connections through a quiet minute, so the next burst needs no new backends", async () => {
    // Only the pool's idle timers are faked; the queries and sockets run for real.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const database = await openDatabase({ engine: "postgres", url: serverUrl ?? "", poolSize: 3 });
    try {
      // Three at once, each holding its connection a moment: the pool opens three.
      const burst = async () => {
        const results = await Promise.all(
          [1, 2, 3].map(() =>
            sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(
              database.db,
            ),
          ),
        );
        return new Set(results.map((r) => r.rows[0]?.pid));
      };
      const first = await burst();
      expect(first.size).toBe(3);
      vi.advanceTimersByTime(60_000);
      expect(await burst()).toEqual(first);
    } finally {
      vi.useRealTimers();
      await database.close();
    }
  });
});

function backendPid(db: Database) {
  return sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
}
