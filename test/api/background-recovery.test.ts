import { randomBytes, randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stayMessages } from "../../bench/support/messages.ts";
import { prepareDatabase } from "../../src/app/server.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createChangeFeed } from "../../src/handovers/change-feed.ts";
import { assembleIngest } from "../../src/interop/assemble.ts";
import { createDeliveryWorker } from "../../src/notifications/delivery.ts";
import { insertPing } from "../../src/notifications/webhook-store.ts";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db/database.ts";
import { startLoop } from "../../src/platform/worker-loop.ts";
import { ensureDemoUnits } from "../../src/synth/demo-units.ts";
import { scratchDatabaseUrl } from "../support/database.ts";
import { outageOf } from "../support/outage.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver.ts";

/**
 * Issue 18, point 2: background work resumes by itself after the database
 * was away. Webhook delivery (a worker loop, as `serve` runs it) and the
 * worklists' change feed keep their timers through an outage of their scratch
 * database (backends terminated, connections refused), say so in the log,
 * and do their work again once connections are allowed. The handover sweep is
 * the same loop; test/api/database-outage.test.ts sees it catch up across
 * processes. Runs in the PostgreSQL suite (TEST_DATABASE_URL).
 */

const serverUrl = process.env.TEST_DATABASE_URL;
const key = randomBytes(32);
let scratch: { url: string; drop(): Promise<void> } | undefined;
let outage: ReturnType<typeof outageOf>;
let database: DatabaseHandle;
let receiver: WebhookReceiver;
let log = "";
const logger = pino(
  { level: "info" },
  new Writable({
    write(chunk, _encoding, done) {
      log += chunk.toString();
      done();
    },
  }),
);

beforeAll(async () => {
  if (!serverUrl) return;
  scratch = await scratchDatabaseUrl(serverUrl);
  outage = outageOf(serverUrl, scratch.url);
  database = await openDatabase({ engine: "postgres", url: scratch.url, poolSize: 2 });
  await prepareDatabase(database);
  await ensureDemoUnits(database.db);
  receiver = await startWebhookReceiver(() => 200);
}, 120_000);

afterAll(async () => {
  await outage?.allow();
  await receiver?.close();
  await database?.close();
  await scratch?.drop();
});

async function until(check: () => boolean, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Takes the database away until `ms` have passed and `during` holds, then gives it back. */
async function outageWhile(during: () => boolean, ms: number) {
  try {
    await outage.refuse();
    await new Promise((r) => setTimeout(r, ms));
    await until(during, 10_000, "the outage to be noticed");
  } finally {
    await outage.allow();
  }
}

const lines = (text: string) => log.split("\n").filter((l) => l.includes(text)).length;

describe.skipIf(!serverUrl)("background work across a database outage", () => {
  it("webhook delivery skips its runs while the database is away and sends once it is back", async () => {
    const db = database.db;
    const cipher = createCipher(key);
    const organisation = await db.selectFrom("organisation").select("id").executeTakeFirstOrThrow();
    const webhook = await db
      .insertInto("webhook")
      .values({
        organisationId: organisation.id,
        url: receiver.url,
        description: null,
        events: ["handover.created"],
        secretSealed: cipher.encrypt("whsec_outage"),
        createdBy: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The receiver listens on loopback, which webhooks may reach only when the operator
    // allows the host (WEBHOOK_ALLOWED_HOSTS), as on a closed network.
    const worker = createDeliveryWorker(db, cipher, { allowedHosts: ["127.0.0.1"] });
    const loop = startLoop("webhook delivery", 100, () => worker.deliverDue(), logger);
    try {
      const before = randomUUID();
      await insertPing(db, { id: before, webhookId: webhook.id, body: "{}", at: new Date() });
      await until(() => receiver.received.length === 1, 10_000, "the first delivery");
      const skipped = lines("background work skipped: the database is unavailable");
      await outageWhile(
        () => lines("background work skipped: the database is unavailable") >= skipped + 2,
        1_000,
      );
      const after = randomUUID();
      await insertPing(db, { id: after, webhookId: webhook.id, body: "{}", at: new Date() });
      await until(() => receiver.received.length === 2, 15_000, "the delivery after the outage");
      expect(receiver.received.map((r) => r.headers["tovholder-delivery"])).toEqual([
        before,
        after,
      ]);
      expect(lines("background work failed")).toBe(0);
    } finally {
      await loop.stop();
    }
  }, 60_000);

  it("the change feed keeps polling through the outage and tells a watcher of the next change", async () => {
    const db = database.db;
    const ingest = assembleIngest(db, createCipher(key));
    const [admitted] = await ingest.receiveMany(stayMessages(1, 9_000_000).slice(0, 1), {
      via: "import",
    });
    expect(admitted?.outcome).toBe("accepted");
    const stay = await db.selectFrom("hospitalStay").select("hospitalId").executeTakeFirstOrThrow();
    const feed = createChangeFeed(db, { intervalMs: 100, logger });
    let told = 0;
    const stop = feed.watch({ dischargingHospitalId: stay.hospitalId }, () => {
      told++;
    });
    try {
      const failures = () => lines("worklist change feed: poll failed; trying again");
      await outageWhile(() => failures() >= 2, 1_000);
      const toldBefore = told;
      const discharged = await ingest.receiveMany(stayMessages(1, 9_000_000).slice(1), {
        via: "import",
      });
      expect(discharged[0]?.outcome).toBe("accepted");
      await until(() => told > toldBefore, 10_000, "the feed to tell of the discharge");
    } finally {
      stop();
    }
  }, 60_000);
});
