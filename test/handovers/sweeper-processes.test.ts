import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stayMessages } from "../../bench/support/messages.ts";
import { prepareDatabase } from "../../src/app/server.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { assembleIngest } from "../../src/interop/assemble.ts";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db/database.ts";
import { ensureDemoUnits } from "../../src/synth/demo-units.ts";
import { scratchDatabaseUrl } from "../support/database.ts";
import { type ServerProcess, spawnServer } from "../support/processes.ts";

/**
 * Issue 6, point 4: three server processes sweep one PostgreSQL database at
 * once; every ladder step of every overdue handover is escalated exactly once,
 * none missed, none twice. Runs in the PostgreSQL suite (TEST_DATABASE_URL).
 */

const serverUrl = process.env.TEST_DATABASE_URL;
const STAYS = 1_200;
const STEPS = 3;
let scratch: { url: string; drop(): Promise<void> } | undefined;
let database: DatabaseHandle | undefined;
const servers: ServerProcess[] = [];
const dataDirs: string[] = [];

beforeAll(async () => {
  if (!serverUrl) return;
  scratch = await scratchDatabaseUrl(serverUrl);
  database = await openDatabase({ engine: "postgres", url: scratch.url, poolSize: 4 });
  await prepareDatabase(database);
  await ensureDemoUnits(database.db);
  // Discharged in March 2026: every step of every municipality handover is long overdue.
  const ingest = assembleIngest(database.db, createCipher(randomBytes(32)));
  const messages = stayMessages(STAYS, 900_000);
  for (let i = 0; i < messages.length; i += 500) {
    const results = await ingest.receiveMany(messages.slice(i, i + 500), { via: "import" });
    expect(results.every((r) => r.outcome === "accepted")).toBe(true);
  }
}, 180_000);

afterAll(async () => {
  for (const s of servers) s.child.kill("SIGKILL");
  await database?.close();
  await scratch?.drop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

async function counts() {
  const db = database as DatabaseHandle;
  const r = await sql<{
    escalations: string;
    steps: string;
    transitions: string;
    pending: string;
  }>`
    select
      (select count(*) from handover_escalation) as escalations,
      (select count(distinct (handover_id, step)) from handover_escalation) as steps,
      (select count(*) from handover_transition where kind = 'escalated') as transitions,
      (select count(*) from handover where next_escalation_at is not null) as pending`.execute(
    db.db,
  );
  const row = r.rows[0];
  return {
    escalations: Number(row?.escalations),
    distinctSteps: Number(row?.steps),
    transitions: Number(row?.transitions),
    pending: Number(row?.pending),
  };
}

describe.skipIf(!serverUrl)("the handover sweep across server processes", () => {
  it("escalates every step of every overdue handover exactly once", async () => {
    const handovers = Number(
      (
        await sql<{ n: string }>`select count(*) as n from handover`.execute(
          (database as DatabaseHandle).db,
        )
      ).rows[0]?.n,
    );
    expect(handovers).toBe(STAYS);
    const key = randomBytes(32).toString("hex");
    for (let i = 0; i < 3; i++) {
      const dataDir = mkdtempSync(path.join(tmpdir(), "tovholder-sweep-"));
      dataDirs.push(dataDir);
      servers.push(
        await spawnServer({
          DATABASE_URL: scratch?.url,
          TOVHOLDER_DATA_DIR: dataDir,
          TOVHOLDER_CPR_KEY: key,
          TOVHOLDER_DEMO: "false",
          HANDOVER_SWEEP_SECONDS: "1",
          LOG_LEVEL: "info",
        }),
      );
    }
    const deadline = Date.now() + 60_000;
    let now = await counts();
    while (now.pending > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      now = await counts();
    }
    // One more round of sweeps after the last step: nothing may be added.
    await new Promise((r) => setTimeout(r, 2_500));
    now = await counts();
    expect(now).toEqual({
      escalations: STAYS * STEPS,
      distinctSteps: STAYS * STEPS,
      transitions: STAYS * STEPS,
      pending: 0,
    });
    const sweepers = servers.filter((s) => s.output().includes("overdue handovers escalated"));
    expect(sweepers.length).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
