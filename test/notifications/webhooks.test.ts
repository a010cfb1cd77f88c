import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCipher } from "../../src/citizens/crypto.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { createDeliveryWorker } from "../../src/notifications/delivery.ts";
import { BACKOFF_SECONDS, verifySignature } from "../../src/notifications/model.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { addStaff, authHeaders, type DemoApp, demoApp } from "../support/access.ts";
import {
  integrationToken,
  organisationIdOf,
  participantOf,
  postMessage,
} from "../support/messages.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver.ts";

/**
 * Issue 6, point 6 out of the app: the receiving organisation's
 * administrators configure webhooks; each new handover reaches them as a
 * signed POST, failures are retried with backoff, every attempt is recorded
 * and shown, and a receiver that is down delays nothing in the app.
 */

type Webhook = { id: string; url: string; active: boolean; failingCount: number };
type Delivery = {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  attemptLog: { statusCode: number | null; result: string; outcome: string }[];
};

let demo: DemoApp;
let homeNursingId = "";
let receiver: WebhookReceiver;
let answer: number | "hang" = 200;

beforeAll(async () => {
  // The receiver listens on loopback, which only the operator's allowed hosts may reach.
  demo = await demoApp({ config: { webhookAllowedHosts: ["127.0.0.1"] } });
  const db = demo.database.db;
  homeNursingId = await organisationIdOf(db, DEMO_UNITS.naestvedHomeNursing);
  await addStaff(db, {
    username: "test.it",
    displayName: "Ida IT",
    organisationId: homeNursingId,
    role: "administrator",
  });
  receiver = await startWebhookReceiver(() => answer);
});
afterAll(async () => {
  await receiver?.close();
  await demo?.close();
});
afterEach(() => {
  answer = 200;
});

async function call(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  payload?: object,
  as = "test.it",
) {
  return demo.app.inject({
    method,
    url,
    headers: authHeaders(await demo.sessionOf(as)),
    ...(payload ? { payload } : {}),
  });
}

const hooksUrl = () => `/api/organisations/${homeNursingId}/webhooks`;
let clock = new Date();
/** What the worker told the server's log. */
const serverLog: { details: object; message: string }[] = [];
const worker = (timeoutMs = 5_000) =>
  createDeliveryWorker(demo.database.db, createCipher(demo.masterKey), {
    clock: () => clock,
    timeoutMs,
    allowedHosts: ["127.0.0.1"],
    logger: { warn: (details, message) => serverLog.push({ details, message }) },
  });

let hook: Webhook;
let secret = "";

async function discharge(seed: string, cpr: string) {
  const token = await integrationToken(demo.database.db);
  const flow = new NotificationFlow(
    participants(seed, {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient: { cpr, family: "Webhook", given: ["Wanda"] },
    }),
  );
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  flow.admit({ class: "inpatient", at: hoursAgo(30) });
  flow.discharge({ at: hoursAgo(1) });
  for (const m of flow.messages) {
    const { response } = await postMessage(demo.app, token, m);
    expect(response.statusCode, response.body).toBe(200);
  }
}

async function deliveries(query = "") {
  const response = await call("GET", `${hooksUrl()}/${hook.id}/deliveries${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Delivery[];
}

describe("configuring webhooks", () => {
  it("adds a webhook and shows its secret once", async () => {
    const created = await call("POST", hooksUrl(), {
      url: receiver.url,
      description: "Omsorgssystem",
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json() as { webhook: Webhook; secret: string };
    hook = body.webhook;
    secret = body.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await call("GET", hooksUrl());
    expect(listed.json()).toEqual([
      expect.objectContaining({ id: hook.id, url: receiver.url, active: true }),
    ]);
    expect(listed.body).not.toContain(secret);
    const stored = await demo.database.db.selectFrom("webhook").select("secretSealed").execute();
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it("refuses an address that is not https, naming the field", async () => {
    const plain = await call("POST", hooksUrl(), { url: "http://omsorg.example.dk/hook" });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().errors).toEqual([expect.objectContaining({ field: "url" })]);
    const events = await call("POST", hooksUrl(), { url: receiver.url, events: ["handover.lost"] });
    expect(events.statusCode).toBe(400);
    expect(events.json().errors[0].field).toMatch(/^events/);
    expect((await call("GET", hooksUrl())).json()).toHaveLength(1);
  });

  it("refuses an administrator of another organisation, and audits it", async () => {
    const other = await call("GET", hooksUrl(), undefined, "demo.admin");
    expect(other.statusCode).toBe(403);
    const denied = await demo.database.db
      .selectFrom("auditLog")
      .select(["action", "outcome"])
      .where("resource", "=", "webhook")
      .execute();
    expect(denied).toContainEqual({ action: "list", outcome: "denied" });
    const nurse = await call("GET", hooksUrl(), undefined, "demo.visitator");
    expect(nurse.statusCode).toBe(403);
  });
});

describe("delivering", () => {
  it("posts a new handover to the receiver, signed with the secret, with ids only", async () => {
    await discharge("webhook-1", "1203671234");
    clock = new Date();
    expect(await worker().deliverDue()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    const [r] = receiver.received;
    expect(r?.headers["tovholder-event"]).toBe("handover.created");
    expect(verifySignature(secret, String(r?.headers["tovholder-signature"]), r?.body ?? "")).toBe(
      true,
    );
    expect(verifySignature(secret, String(r?.headers["tovholder-signature"]), `${r?.body} `)).toBe(
      false,
    );
    const payload = JSON.parse(r?.body ?? "{}");
    expect(payload).toMatchObject({
      type: "handover.created",
      organisationId: expect.any(String),
      handover: { sector: "municipality", status: "open" },
      links: { task: expect.stringMatching(/^\/fhir\/Task\//) },
    });
    expect(r?.body).not.toMatch(/1203671234|Webhook|Wanda/);
    const [d] = await deliveries();
    expect(d).toMatchObject({ kind: "handover.created", status: "delivered", attempts: 1 });
    expect(d?.attemptLog).toEqual([
      expect.objectContaining({ statusCode: 200, result: "delivered", outcome: "delivered" }),
    ]);
    // Delivered once: a second run sends nothing.
    expect(await worker().deliverDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  });

  it("delays nothing in the app while the receiver is down, and retries with backoff", async () => {
    answer = 503;
    const started = performance.now();
    await discharge("webhook-2", "1203671242");
    const [created] = (await deliveries()).filter((d) => d.status === "pending");
    expect(created?.attempts).toBe(0);
    // The discharge was answered without waiting for any receiver.
    expect(performance.now() - started).toBeLessThan(5_000);
    clock = new Date();
    expect((await worker().deliverDue()).retrying).toBe(1);
    let [d] = (await deliveries()).filter((x) => x.id === created?.id);
    expect(d).toMatchObject({ status: "pending", attempts: 1 });
    expect(new Date(d?.nextAttemptAt ?? 0).getTime() - clock.getTime()).toBe(
      BACKOFF_SECONDS[0] * 1000,
    );
    // Not due yet: nothing is sent.
    expect(await worker().deliverDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    for (const wait of BACKOFF_SECONDS) {
      clock = new Date(clock.getTime() + wait * 1000);
      await worker().deliverDue();
    }
    [d] = (await deliveries()).filter((x) => x.id === created?.id);
    expect(d).toMatchObject({
      status: "failed",
      attempts: BACKOFF_SECONDS.length + 1,
      nextAttemptAt: null,
    });
    expect(d?.attemptLog.map((a) => a.outcome)).toEqual([
      ...BACKOFF_SECONDS.map(() => "retry"),
      "failed",
    ]);
    expect(d?.attemptLog[0]).toEqual(
      expect.objectContaining({ statusCode: 503, result: "http-status", outcome: "retry" }),
    );
    const listed = (await call("GET", hooksUrl())).json() as Webhook[];
    expect(listed[0]?.failingCount).toBe(1);
  });

  it("lets the administrator retry a failed delivery", async () => {
    const [failed] = await deliveries("?status=failed");
    const retried = await call("POST", `${hooksUrl()}/${hook.id}/deliveries/${failed?.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(202);
    expect(await worker().deliverDue()).toMatchObject({ delivered: 1 });
    const again = await call("POST", `${hooksUrl()}/${hook.id}/deliveries/${failed?.id}/retry`);
    expect(again.statusCode).toBe(409);
  });

  it("records a receiver that does not answer in time as failed, the time-out in the server log only", async () => {
    answer = "hang";
    serverLog.length = 0;
    const ping = await call("POST", `${hooksUrl()}/${hook.id}/ping`);
    expect(ping.statusCode, ping.body).toBe(202);
    expect((await worker(300).deliverDue()).retrying).toBe(1);
    const [d] = (await deliveries()).filter((x) => x.kind === "ping");
    expect(d?.attemptLog[0]).toEqual({
      at: expect.any(String),
      durationMs: expect.any(Number),
      statusCode: null,
      result: "failed",
      outcome: "retry",
    });
    expect(serverLog).toEqual([
      {
        message: "webhook delivery got no HTTP answer",
        details: expect.objectContaining({ deliveryId: d?.id, error: "no answer within 0.3 s" }),
      },
    ]);
  });

  it("records a refused connection as failed, and tells why only in the server log", async () => {
    const gone = await startWebhookReceiver();
    await gone.close();
    const changed = await call("PATCH", `${hooksUrl()}/${hook.id}`, {
      url: `${gone.url}?token=s3cret-in-query`,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    serverLog.length = 0;
    await call("POST", `${hooksUrl()}/${hook.id}/ping`);
    clock = new Date(Date.now() + 3_600_000);
    await worker().deliverDue();
    const response = await call("GET", `${hooksUrl()}/${hook.id}/deliveries`);
    const [d] = (response.json() as Delivery[]).filter((x) => x.kind === "ping");
    expect(d?.attemptLog.at(-1)).toMatchObject({ statusCode: null, result: "failed" });
    // Nothing an administrator sees says which kind of network error it was.
    expect(response.body).not.toMatch(/ECONNREFUSED|connect|refused|getaddrinfo|ETIMEDOUT/i);
    const logged = JSON.stringify(serverLog);
    expect(logged).toMatch(/ECONNREFUSED/);
    expect(logged).toContain(new URL(gone.url).origin);
    expect(logged).not.toMatch(/s3cret|\/hook/);
    await call("PATCH", `${hooksUrl()}/${hook.id}`, { url: receiver.url });
  });

  it("signs with a new secret at once after rotation", async () => {
    const rotated = await call("POST", `${hooksUrl()}/${hook.id}/rotate-secret`);
    const fresh = (rotated.json() as { secret: string }).secret;
    expect(fresh).not.toBe(secret);
    receiver.received.length = 0;
    await call("POST", `${hooksUrl()}/${hook.id}/ping`);
    clock = new Date(Date.now() + 2 * 3_600_000);
    await worker().deliverDue();
    const ping = receiver.received.find((r) => r.body.includes('"ping"'));
    const header = String(ping?.headers["tovholder-signature"]);
    // Signed at the worker's (future) time, and checked as the receiver would then.
    expect(verifySignature(fresh, header, ping?.body ?? "", 300, clock)).toBe(true);
    expect(verifySignature(fresh, header, ping?.body ?? "")).toBe(false);
    expect(verifySignature(secret, header, ping?.body ?? "", 300, clock)).toBe(false);
  });

  it("sends nothing while switched off, and nothing more once deleted", async () => {
    const off = await call("PATCH", `${hooksUrl()}/${hook.id}`, { active: false });
    expect(off.json()).toMatchObject({ active: false });
    receiver.received.length = 0;
    await discharge("webhook-3", "1203671250");
    clock = new Date(Date.now() + 7 * 24 * 3_600_000);
    await worker().deliverDue();
    expect(receiver.received).toEqual([]);
    const deleted = await call("DELETE", `${hooksUrl()}/${hook.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await call("GET", hooksUrl())).json()).toEqual([]);
    const pending = await demo.database.db
      .selectFrom("webhookDelivery")
      .select("id")
      .where("webhookId", "=", hook.id)
      .where("status", "=", "pending")
      .execute();
    expect(pending).toEqual([]);
    const gone = await call("GET", `${hooksUrl()}/${hook.id}/deliveries`);
    expect(gone.statusCode).toBe(404);
  });
});
