import { sql } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./database.ts";

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
});

function backendPid(db: Database) {
  return sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
}
