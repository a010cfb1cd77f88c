import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * The benchmark's own database on the server, dropped at the end unless kept.
 * Named apart from the test suite's `tovholder_test_*` scratch databases, so
 * that a run of an hour is not taken for a test's leftover and cleaned away.
 */
export async function benchDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tovholder_bench_indicators_${randomBytes(4).toString("hex")}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

async function admin(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
