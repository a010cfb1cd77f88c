import { createServer as createHttpServer } from "node:http";
import { type AddressInfo, createServer as createTcpServer, isIP, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createDeliveryWorker } from "../../src/notifications/delivery.ts";
import type { Resolve } from "../../src/notifications/outbound.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { addStaff, authHeaders, type DemoApp, demoApp } from "../support/access.ts";
import { organisationIdOf } from "../support/messages.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver.ts";

/**
 * Issue 18, point 5: a webhook cannot be aimed inside. Loopback, private,
 * link-local and unique-local addresses are refused when the webhook is saved,
 * written out in any form or behind a name, and again at every delivery, which
 * connects only to the addresses it has just checked, so a name that answers
 * differently the second time (DNS rebinding) reaches nothing inside. The
 * operator's allowed hosts (`inside.example` here) may be internal. Names are
 * answered by a scripted resolver, the same for saving and for delivering.
 */

const PUBLIC = "93.184.215.14";

/** Each host's answers in turn; the last one repeats. A host not listed does not exist. */
const zone = new Map<string, string[][]>();
const asked: string[] = [];
const resolveHost: Resolve = async (hostname) => {
  asked.push(hostname);
  const answers = zone.get(hostname.toLowerCase().replace(/\.$/, ""));
  if (!answers)
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  const answer = (answers.length > 1 ? answers.shift() : answers[0]) ?? [];
  return answer.map((address) => ({ address, family: isIP(address) }));
};

let demo: DemoApp;
let homeNursingId = "";
/** Counts every TCP connection made to it, on loopback; it never answers. */
let inside: Server;
let insideConnections = 0;
let insidePort = 0;
let receiver: WebhookReceiver;
const serverLog: string[] = [];

beforeAll(async () => {
  demo = await demoApp({ config: { webhookAllowedHosts: ["inside.example"] }, resolveHost });
  homeNursingId = await organisationIdOf(demo.database.db, DEMO_UNITS.naestvedHomeNursing);
  await addStaff(demo.database.db, {
    username: "test.targets",
    displayName: "Tage Targets",
    organisationId: homeNursingId,
    role: "administrator",
  });
  inside = createTcpServer((socket) => {
    insideConnections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => inside.listen(0, "127.0.0.1", resolve));
  insidePort = (inside.address() as AddressInfo).port;
  receiver = await startWebhookReceiver(() => 200);
});
afterAll(async () => {
  await receiver?.close();
  await new Promise((resolve) => inside?.close(resolve));
  await demo?.close();
});

async function call(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) {
  return demo.app.inject({
    method,
    url,
    headers: authHeaders(await demo.sessionOf("test.targets")),
    ...(payload ? { payload } : {}),
  });
}

const hooksUrl = () => `/api/organisations/${homeNursingId}/webhooks`;

async function add(url: string) {
  return call("POST", hooksUrl(), { url });
}

/** Saves a webhook that must be accepted, and answers its id. */
async function added(url: string): Promise<string> {
  const response = await add(url);
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { webhook: { id: string } }).webhook.id;
}

function expectRefused(response: Awaited<ReturnType<typeof add>>, key: string) {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.json().errors).toEqual([
    expect.objectContaining({ in: "body", field: "url", i18n: { key } }),
  ]);
}

/** A test delivery to the webhook, sent as the server's loop would; answers its last attempt. */
async function pingAndDeliver(webhookId: string) {
  const ping = await call("POST", `${hooksUrl()}/${webhookId}/ping`);
  expect(ping.statusCode, ping.body).toBe(202);
  const { deliveryId } = ping.json() as { deliveryId: string };
  await createDeliveryWorker(demo.database.db, createCipher(demo.masterKey), {
    allowedHosts: ["inside.example"],
    resolve: resolveHost,
    logger: { warn: (details) => serverLog.push(JSON.stringify(details)) },
  }).deliverDue();
  const listed = await call("GET", `${hooksUrl()}/${webhookId}/deliveries`);
  const deliveries = listed.json() as {
    id: string;
    attemptLog: { statusCode: number | null; result: string; outcome: string }[];
  }[];
  return deliveries.find((d) => d.id === deliveryId)?.attemptLog.at(-1);
}

describe("saving a webhook", () => {
  it("refuses an internal address however it is written, without looking anything up", async () => {
    asked.length = 0;
    for (const url of [
      "https://127.0.0.1/hook",
      "https://0x7f.1/hook",
      "https://2130706433/hook",
      "https://127.1/hook",
      "https://[::ffff:7f00:1]/hook",
      "https://[::1]/hook",
      "https://localhost./hook",
      "https://169.254.169.254/latest/meta-data",
      "https://10.20.30.40/hook",
      "https://[fd00::1]/hook",
      "https://[fe80::1]/hook",
    ])
      expectRefused(await add(url), "webhooks.urlInternal");
    expect(asked).toEqual([]);
  });

  it("refuses a name that resolves to an internal address, even one among public ones", async () => {
    zone.set("private.example", [["192.168.1.10"]]);
    zone.set("mixed.example", [[PUBLIC, "10.0.0.1"]]);
    zone.set("ula.example", [["2a00:1450:400f:80c::200e", "fd12::1"]]);
    zone.set("mapped.example", [["::ffff:127.0.0.1"]]);
    for (const host of ["private.example", "mixed.example", "ula.example", "mapped.example"])
      expectRefused(await add(`https://${host}/hook`), "webhooks.urlInternal");
  });

  it("refuses a name that does not resolve, with its own reason", async () => {
    zone.set("empty.example", [[]]);
    expectRefused(await add("https://nowhere.example/hook"), "webhooks.urlUnresolved");
    expectRefused(await add("https://empty.example/hook"), "webhooks.urlUnresolved");
  });

  it("refuses plain http, except to a host the operator allows, which may be internal", async () => {
    zone.set("public.example", [[PUBLIC]]);
    expectRefused(await add("http://public.example/hook"), "webhooks.urlHttps");
    zone.set("inside.example", [["127.0.0.1"]]);
    await added("http://inside.example:1/hook");
    await added("https://INSIDE.example./hook");
  });

  it("checks a changed URL the same way, and keeps the old one when refusing", async () => {
    const id = await added("https://public.example/hook");
    const changed = await call("PATCH", `${hooksUrl()}/${id}`, { url: "https://private.example/" });
    expectRefused(changed, "webhooks.urlInternal");
    const listed = (await call("GET", hooksUrl())).json() as { id: string; url: string }[];
    expect(listed.find((w) => w.id === id)?.url).toBe("https://public.example/hook");
    // Not to be sent anywhere real.
    expect((await call("DELETE", `${hooksUrl()}/${id}`)).statusCode).toBe(204);
  });
});

describe("delivering", () => {
  it("connects nowhere when the name answers an internal address the second time (DNS rebinding)", async () => {
    zone.set("rebind.example", [[PUBLIC], ["127.0.0.1"]]);
    const id = await added(`https://rebind.example:${insidePort}/hook`);
    asked.length = 0;
    serverLog.length = 0;
    insideConnections = 0;
    const attempt = await pingAndDeliver(id);
    expect(asked).toEqual(["rebind.example"]);
    expect(insideConnections).toBe(0);
    expect(attempt).toEqual({
      at: expect.any(String),
      durationMs: expect.any(Number),
      statusCode: null,
      result: "failed",
      outcome: "retry",
    });
    expect(serverLog.join("\n")).toMatch(/rebind\.example \(127\.0\.0\.1\) refused/);
    await call("DELETE", `${hooksUrl()}/${id}`);
  });

  it("connects nowhere when an internal address joins the public one", async () => {
    zone.set("joined.example", [[PUBLIC], ["127.0.0.1", PUBLIC]]);
    const id = await added(`https://joined.example:${insidePort}/hook`);
    insideConnections = 0;
    expect(await pingAndDeliver(id)).toMatchObject({ statusCode: null, result: "failed" });
    expect(insideConnections).toBe(0);
    await call("DELETE", `${hooksUrl()}/${id}`);
  });

  it("connects nowhere to an internal address saved before the rule", async () => {
    const cipher = createCipher(demo.masterKey);
    const old = await demo.database.db
      .insertInto("webhook")
      .values({
        organisationId: homeNursingId,
        url: `https://127.0.0.1:${insidePort}/hook`,
        description: "saved before issue 18",
        events: ["handover.created"],
        secretSealed: cipher.encrypt("whsec_old"),
        createdBy: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    insideConnections = 0;
    expect(await pingAndDeliver(old.id)).toMatchObject({ statusCode: null, result: "failed" });
    expect(insideConnections).toBe(0);
    await call("DELETE", `${hooksUrl()}/${old.id}`);
  });

  it("reaches an allowed host at the address the resolver gave", async () => {
    const port = new URL(receiver.url).port;
    const id = await added(`http://inside.example:${port}/hook`);
    receiver.received.length = 0;
    expect(await pingAndDeliver(id)).toMatchObject({ statusCode: 200, result: "delivered" });
    expect(receiver.received).toHaveLength(1);
    await call("DELETE", `${hooksUrl()}/${id}`);
  });

  it("does not follow a redirect, and records it as an HTTP status", async () => {
    receiver.received.length = 0;
    const redirecting = createHttpServer((request, response) => {
      request.resume();
      response.writeHead(307, { location: receiver.url }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, "127.0.0.1", resolve));
    const port = (redirecting.address() as AddressInfo).port;
    try {
      const id = await added(`http://inside.example:${port}/hook`);
      expect(await pingAndDeliver(id)).toMatchObject({
        statusCode: 307,
        result: "http-status",
        outcome: "retry",
      });
      expect(receiver.received).toEqual([]);
      await call("DELETE", `${hooksUrl()}/${id}`);
    } finally {
      redirecting.closeAllConnections();
      await new Promise((resolve) => redirecting.close(resolve));
    }
  });
});
