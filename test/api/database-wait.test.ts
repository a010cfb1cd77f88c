import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDatabaseUrl } from "../support/database.ts";
import { outageOf } from "../support/outage.ts";
import { type StartingServer, startServerProcess } from "../support/processes.ts";

/**
 * Issue 18, point 2: `tovholder serve` started while its database refuses
 * connections waits for it, logging each attempt, and comes up when it does;
 * one whose DATABASE_WAIT_SECONDS pass exits non-zero with a clear message.
 * Before, it exited 1 in prepareDatabase at the first refusal. Runs in the
 * PostgreSQL suite (TEST_DATABASE_URL).
 */

const serverUrl = process.env.TEST_DATABASE_URL;
let scratch: { url: string; drop(): Promise<void> } | undefined;
let outage: ReturnType<typeof outageOf> | undefined;
const servers: StartingServer[] = [];
const dataDirs: string[] = [];

beforeAll(async () => {
  if (!serverUrl) return;
  scratch = await scratchDatabaseUrl(serverUrl);
  outage = outageOf(serverUrl, scratch.url);
});

afterAll(async () => {
  for (const s of servers) s.child.kill("SIGKILL");
  await outage?.allow();
  await scratch?.drop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

function start(waitSeconds: number) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tovholder-wait-"));
  dataDirs.push(dataDir);
  return startServerProcess({
    DATABASE_URL: scratch?.url,
    DATABASE_WAIT_SECONDS: String(waitSeconds),
    TOVHOLDER_DATA_DIR: dataDir,
    TOVHOLDER_CPR_KEY: randomBytes(32).toString("hex"),
    TOVHOLDER_DEMO: "false",
    HANDOVER_SWEEP_SECONDS: "0",
    WEBHOOK_DELIVERY_SECONDS: "0",
  });
}

async function until(check: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

const attempts = (s: StartingServer) =>
  s
    .output()
    .split("\n")
    .filter((l) => l.includes("database not reachable yet; waiting"));

describe.skipIf(!serverUrl)("serve, started before its database", () => {
  it("waits with backoff, logging each attempt, and serves once the database lets it in", async () => {
    try {
      await outage?.refuse();
      const server = await start(120);
      servers.push(server);
      await until(() => attempts(server).length >= 3, 30_000);
      const logged = attempts(server).map((l) => JSON.parse(l));
      expect(logged.map((l) => l.attempt)).toEqual(logged.map((_l, i) => i + 1));
      expect(logged[0]).toMatchObject({ code: "55000", retryInMs: 250 });
      expect(logged[1]).toMatchObject({ retryInMs: 500 });
      expect(server.child.exitCode).toBeNull();
      await outage?.allow();
      await server.running;
      const ready = await fetch(`http://127.0.0.1:${server.port}/readyz`);
      expect(ready.status).toBe(200);
      expect(server.output()).toContain("database reachable");
    } finally {
      await outage?.allow();
    }
  }, 120_000);

  it("gives up after DATABASE_WAIT_SECONDS with a clear message and a non-zero exit", async () => {
    try {
      await outage?.refuse();
      const server = await start(2);
      servers.push(server);
      const code = await server.exited;
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      expect(server.output()).toMatch(
        /error: The database at postgres:\/\/.*tovholder_test_[0-9a-f]+ did not answer within 2 s \(\d+ attempts, last: 55000\)/,
      );
      expect(attempts(server).length).toBeGreaterThanOrEqual(3);
    } finally {
      await outage?.allow();
    }
  }, 60_000);
});
