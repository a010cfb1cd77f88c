import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createDeliveryWorker } from "../../src/notifications/delivery.ts";
import { insertPing } from "../../src/notifications/webhook-store.ts";
import { type DemoApp, demoApp } from "../support/access.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver.ts";

/**
 * Several delivery workers (as in several server processes) against one
 * database: each delivery is sent exactly once, none is left behind, and a
 * worker that died holding a lease does not strand its deliveries (the
 * receiver is on loopback, which the workers are allowed to reach). On
 * PostgreSQL (TEST_DATABASE_URL) the workers run on separate connections at
 * once; the leases and `FOR UPDATE SKIP LOCKED` keep them apart.
 */

let demo: DemoApp;
let receiver: WebhookReceiver;
let webhookId = "";
const DELIVERIES = 120;

beforeAll(async () => {
  demo = await demoApp();
  receiver = await startWebhookReceiver(() => 200);
  const db = demo.database.db;
  const organisation = await db.selectFrom("organisation").select("id").executeTakeFirstOrThrow();
  const cipher = createCipher(demo.masterKey);
  webhookId = (
    await db
      .insertInto("webhook")
      .values({
        organisationId: organisation.id,
        url: receiver.url,
        description: null,
        events: ["handover.created"],
        secretSealed: cipher.encrypt("whsec_workers"),
        createdBy: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await receiver?.close();
  await demo?.close();
});

async function addPings(n: number, at: Date) {
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    await insertPing(demo.database.db, { id, webhookId, body: JSON.stringify({ id }), at });
  }
}

describe("several delivery workers", () => {
  it("send each delivery exactly once between them", async () => {
    const now = new Date();
    await addPings(DELIVERIES, now);
    const cipher = createCipher(demo.masterKey);
    const workers = [1, 2, 3].map(() =>
      createDeliveryWorker(demo.database.db, cipher, {
        clock: () => now,
        batch: 10,
        concurrency: 4,
        allowedHosts: ["127.0.0.1"],
      }),
    );
    let sent = 0;
    for (let round = 0; round < 50 && sent < DELIVERIES; round++) {
      const runs = await Promise.all(workers.map((w) => w.deliverDue()));
      sent += runs.reduce((sum, r) => sum + r.delivered, 0);
    }
    expect(sent).toBe(DELIVERIES);
    const ids = receiver.received.map((r) => String(r.headers["tovholder-delivery"]));
    expect(ids).toHaveLength(DELIVERIES);
    expect(new Set(ids).size).toBe(DELIVERIES);
    const attempts = await demo.database.db
      .selectFrom("webhookAttempt")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(attempts.n)).toBe(DELIVERIES);
  });

  it("takes over what a dead worker had leased, once the lease has run out", async () => {
    receiver.received.length = 0;
    const now = new Date();
    await addPings(3, now);
    // A worker claims and "dies" before sending: the rows stay leased.
    await demo.database.db
      .updateTable("webhookDelivery")
      .set({ leaseUntil: new Date(now.getTime() + 60_000) })
      .where("status", "=", "pending")
      .execute();
    const cipher = createCipher(demo.masterKey);
    const during = createDeliveryWorker(demo.database.db, cipher, {
      clock: () => now,
      allowedHosts: ["127.0.0.1"],
    });
    expect((await during.deliverDue()).delivered).toBe(0);
    const after = createDeliveryWorker(demo.database.db, cipher, {
      clock: () => new Date(now.getTime() + 61_000),
      allowedHosts: ["127.0.0.1"],
    });
    expect((await after.deliverDue()).delivered).toBe(3);
    expect(receiver.received).toHaveLength(3);
  });
});
