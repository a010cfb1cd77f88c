import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db/database.ts";
import { migrateToLatest } from "../../src/platform/migrations/migrate.ts";

/**
 * A fresh, migrated database for one test file. PGlite in memory by default;
 * with TEST_DATABASE_URL set, a new database on that PostgreSQL server, dropped
 * again on close, so test files can run in parallel without seeing each other.
 */
export async function freshDatabase(options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let handle: DatabaseHandle;
  if (serverUrl) {
    const scratch = await scratchDatabaseUrl(serverUrl);
    const inner = await openDatabase({ engine: "postgres", url: scratch.url, poolSize: 4 });
    handle = {
      ...inner,
      close: async () => {
        await inner.close();
        await scratch.drop();
      },
    };
  } else {
    handle = await openDatabase({ engine: "pglite" });
  }
  if (options.migrate !== false) await migrateToLatest(handle.db);
  return handle;
}

/**
 * A new, empty database on the PostgreSQL server at serverUrl, for code that
 * opens its own connections (the CLI through DATABASE_URL); drop() removes it.
 */
export async function scratchDatabaseUrl(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tovholder_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

export const testEngine = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
