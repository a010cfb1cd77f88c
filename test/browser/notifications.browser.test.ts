import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminService, operator } from "../../src/access/admin-service.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { createDeliveryWorker } from "../../src/notifications/delivery.ts";
import { verifySignature } from "../../src/notifications/model.ts";
import { insertPing } from "../../src/notifications/webhook-store.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { participantOf } from "../support/messages.ts";
import {
  expectAccessible,
  type Harness,
  logInAsDemo,
  openPage,
  screenshot,
  sendHospitalNotifications,
  startHarness,
} from "./harness.ts";

/**
 * Notifications out: an administrator of the home nursing in Næstved adds a
 * webhook pointing at a receiver started here and sees its secret once; a
 * discharge to Næstved reaches the receiver as a signed POST, and the
 * delivery log shows the attempt. The municipal user sees the new handover
 * among the notifications, with the unread count in the header, and marks it
 * read.
 */

type Received = { headers: IncomingHttpHeaders; body: string };

let harness: Harness;
let page: Page;
let receiver: Server;
let hookUrl: string;
let secret = "";
const received: Received[] = [];

/** A receiving system: 200 for handovers, 500 for a test delivery (so the log shows a failure). */
function startReceiver(): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: request.headers, body });
      const ping = (JSON.parse(body) as { type: string }).type === "ping";
      response.writeHead(ping ? 500 : 200, { "content-type": "text/plain" });
      response.end(ping ? "not today" : "ok");
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

beforeAll(async () => {
  // The receiver listens on loopback, which only an operator's allowed host may reach.
  harness = await startHarness({ demo: true, webhookAllowedHosts: ["127.0.0.1"] });
  receiver = await startReceiver();
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tovholder`;
  // The demo's administrator acts for the region; here also for the home nursing in Næstved.
  const db = harness.server.database.db;
  const homeNursing = await db
    .selectFrom("organisation")
    .select("id")
    .where("sorCode", "=", DEMO_UNITS.naestvedHomeNursing.sorCode)
    .executeTakeFirstOrThrow();
  await createAdminService(db).grant(
    "demo.admin",
    homeNursing.id,
    "administrator",
    operator("test"),
  );
  page = await openPage(harness);
});

afterAll(async () => {
  await harness?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** A discharge from Slagelse to the home nursing in Næstved, as the hospital sends it. */
async function discharge(seed: string, cpr: string): Promise<void> {
  const flow = new NotificationFlow(
    participants(seed, {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient: { cpr, family: "Nielsen", given: ["Naja"] },
    }),
  );
  const hourAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  flow.admit({ class: "inpatient", at: hourAgo(5) });
  flow.discharge({ at: hourAgo(0.1) });
  await sendHospitalNotifications(harness, flow.messages);
}

/** Runs the webhook deliveries that are due, as the server's loop does every few seconds. */
async function deliverDue(): Promise<void> {
  const { database, masterKey } = harness.server;
  await createDeliveryWorker(database.db, createCipher(masterKey), {
    allowedHosts: ["127.0.0.1"],
  }).deliverDue();
}

const notificationsLink = () => page.getByRole("link", { name: /^Notifikationer/ });

describe("webhooks for the receiving organisation", () => {
  it("lets its administrator add a webhook and shows the secret once", async () => {
    await logInAsDemo(harness, page, "Anna Administrator (demo)");
    await page.goto(`${harness.server.url}/admin/webhooks`);
    await page.getByRole("heading", { name: "Vælg hvor du arbejder" }).waitFor();
    await page.getByRole("button", { name: /Hjemmesygeplejen – Administrator/ }).click();
    await page.getByRole("heading", { name: "Webhooks", level: 1 }).waitFor();
    // An address inside (here the cloud's metadata service) is refused, saying why.
    await page.getByLabel("Adresse (URL)").fill("https://169.254.169.254/latest/meta-data");
    await page.getByRole("button", { name: "Tilføj webhook" }).click();
    await expect.poll(() => page.locator("main").textContent()).toContain("må ikke pege indad");
    await page.getByLabel("Adresse (URL)").fill(hookUrl);
    await page.getByLabel("Beskrivelse").fill("Omsorgssystemet (test)");
    await page.getByRole("button", { name: "Tilføj webhook" }).click();
    const shown = page.getByRole("textbox", { name: "Hemmelighed" });
    await shown.waitFor();
    secret = await shown.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expect(page.locator(".secret-notice").textContent()).resolves.toContain(
      "Den bliver ikke vist igen",
    );
    await expect.poll(() => page.locator(".webhook-card").textContent()).toContain(hookUrl);
    await screenshot(page, "webhooks-secret");
    await expectAccessible(page, "webhooks page with a new secret");
    await page.getByRole("button", { name: "Jeg har gemt den" }).click();
    await page.reload();
    await page.locator(".webhook-card").first().waitFor();
    await expect(page.getByRole("textbox", { name: "Hemmelighed" }).count()).resolves.toBe(0);
  });

  it("delivers a new handover to the receiver, signed", async () => {
    // Two, so that the municipal user later has more than one to mark read.
    await discharge("browser-notifications-1", "0302511236");
    await discharge("browser-notifications-2", "0302511244");
    await deliverDue();
    await expect
      .poll(() => received.filter((r) => r.body.includes("handover.created")).length)
      .toBeGreaterThan(0);
    const delivery = received.find((r) => r.body.includes("handover.created"));
    const header = delivery?.headers["tovholder-signature"];
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, String(header), delivery?.body ?? "")).toBe(true);
    expect(verifySignature("whsec_wrong", String(header), delivery?.body ?? "")).toBe(false);
    // Ids only: no name, no CPR number.
    expect(delivery?.body).not.toMatch(/Naja|Nielsen|0302511236|0302511244/);
  });

  it("shows each attempt in the delivery log: received, another HTTP status, no answer", async () => {
    await page.getByRole("button", { name: "Send test" }).click();
    await expect.poll(() => page.locator(".alert-success").textContent()).toContain("testlevering");
    await deliverDue();
    await expect.poll(() => received.some((r) => r.body.includes('"ping"'))).toBe(true);
    await page.getByRole("link", { name: "Leveringslog" }).click();
    const table = page.locator("table.deliveries-table");
    await expect.poll(() => table.textContent()).toContain("Ny overdragelse");
    await expect.poll(() => table.textContent()).toContain("Test");
    for (const summary of await page.locator("details.attempt-log summary").all())
      await summary.click();
    const delivered = table.locator("tr", { hasText: "Ny overdragelse" }).first();
    await expect(delivered.textContent()).resolves.toContain("Leveret");
    await expect(delivered.locator(".attempt-facts").textContent()).resolves.toContain(
      "Modtaget – HTTP 200",
    );
    const ping = table.locator("tr", { hasText: "Test" }).first();
    await expect(ping.locator(".attempt-facts").textContent()).resolves.toContain(
      "HTTP-status 500",
    );
    // A receiver that cannot be reached: the log says there was no answer, never why.
    const db = harness.server.database.db;
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, "127.0.0.1", resolve));
    const closedPort = (gone.address() as AddressInfo).port;
    await new Promise((resolve) => gone.close(resolve));
    const webhook = await db.selectFrom("webhook").select("id").executeTakeFirstOrThrow();
    await db
      .updateTable("webhook")
      .set({ url: `http://127.0.0.1:${closedPort}/tovholder` })
      .where("id", "=", webhook.id)
      .execute();
    const pingId = randomUUID();
    await insertPing(db, { id: pingId, webhookId: webhook.id, body: "{}", at: new Date() });
    await deliverDue();
    await page.reload();
    const unanswered = table.locator("tr", { hasText: "Intet HTTP-svar" });
    await expect.poll(() => unanswered.count()).toBe(1);
    for (const summary of await page.locator("details.attempt-log summary").all())
      await summary.click();
    await expect(table.textContent()).resolves.not.toMatch(/ECONNREFUSED|connect/i);
    await expect(page.locator("main").textContent()).resolves.toContain(
      "Hvorfor, står i serverens log",
    );
    await screenshot(page, "webhook-deliveries");
    await expectAccessible(page, "delivery log");
    await page.getByLabel("Status").selectOption({ label: "Leveret" });
    await expect.poll(() => table.textContent()).not.toContain("Test");
  });
});

describe("in-app notifications", () => {
  it("shows the municipal user the new handover, with the unread count in the header", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Villads Visitator (demo)");
    await expect.poll(unreadInHeader).toBeGreaterThan(0);
    await expect(notificationsLink().ariaSnapshot()).resolves.toMatch(
      /link "Notifikationer \(\d+ ulæste?\)"/,
    );
    await notificationsLink().click();
    const item = page.locator(".notification-item", { hasText: "Naja Nielsen" });
    await item.first().waitFor();
    // The card names the citizen (the home nursing has a relation), the hospital and the receiver.
    const text = await item.first().textContent();
    expect(text).toContain("Ulæst");
    expect(text).toMatch(/Ny overdragelse til Næstved Kommune/);
    expect(text).toContain("Slagelse Sygehus");
    await screenshot(page, "notifications-unread");
    await expectAccessible(page, "notifications page");
  });

  it("marks one read, then all, and the count drops", async () => {
    const before = await unreadInHeader();
    const item = page.locator(".notification-unread", { hasText: "Naja Nielsen" });
    // Each click is followed to the server's answer, so a failure tells a lost click, a
    // refused request and a header that lags behind the answer apart.
    const one = markedRead();
    await item
      .first()
      .getByRole("button", { name: /Markér som læst/ })
      .click();
    await expect(one).resolves.toEqual({ unreadCount: before - 1 });
    await expect.poll(unreadInHeader).toBe(before - 1);
    await page.getByLabel("Vis kun ulæste").check();
    // A slow count request does not hold the header back: the click's answer carries the count.
    const countRequest = /\/api\/notifications\/unread-count$/;
    await page.route(countRequest, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await route.continue().catch(() => undefined);
    });
    const all = markedRead();
    await page.getByRole("button", { name: "Markér alle som læst" }).click();
    await expect(all).resolves.toEqual({ unreadCount: 0 });
    await expect.poll(unreadInHeader).toBe(0);
    await page.unroute(countRequest);
    await expect
      .poll(() => page.locator(".notifications-empty").textContent())
      .toContain("ingen ulæste");
    await page.getByLabel("Vis kun ulæste").uncheck();
    await page.locator(".notification-item").first().waitFor();
    await expect(page.locator(".notification-unread").count()).resolves.toBe(0);
    await screenshot(page, "notifications-read");
    await expectAccessible(page, "notifications page, all read");
  });

  it("leads from a card to its handover on the worklist, with its actions", async () => {
    const card = page.locator(".notification-item", { hasText: "Naja Nielsen" }).first();
    await card.getByRole("link", { name: /^Se overdragelsen/ }).click();
    await page.getByRole("heading", { name: "Overdragelsen fra notifikationen" }).waitFor();
    expect(new URL(page.url()).searchParams.get("overdragelse")).toMatch(/^[0-9a-f-]{36}$/);
    // Only that handover, marked out; the reader starts there, not at the top of the page.
    const rows = page.locator(".worklist-focused");
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.textContent()).resolves.toContain("Naja Nielsen");
    await expect(rows.getByRole("button", { name: /^Bekræft/ }).count()).resolves.toBe(1);
    await expect
      .poll(() =>
        page
          .getByRole("heading", { name: "Overdragelsen fra notifikationen" })
          .evaluate((h) => h.ownerDocument.activeElement === h),
      )
      .toBe(true);
    await screenshot(page, "notification-to-handover");
    await expectAccessible(page, "the handover a notification led to");
    await page.getByRole("link", { name: "Vis hele arbejdslisten" }).click();
    await page.getByRole("heading", { name: "Arbejdsliste", level: 1 }).waitFor();
  });

  it("lets a person take a daily digest instead, and the count follows the choice", async () => {
    await notificationsLink().click();
    await page.getByRole("radio", { name: "Et dagligt sammendrag kl. 07.00" }).check();
    await page.getByText("Dit valg er gemt.").waitFor();
    // The day's cards wait for tomorrow's digest at 07.00: nothing counts as unread now.
    await expect
      .poll(() => page.locator("main").textContent())
      .toMatch(/Næste sammendrag kommer|Der er ingen sammendrag endnu/);
    await expect(page.locator(".notification-item").count()).resolves.toBe(0);
    await screenshot(page, "notifications-digest");
    await expectAccessible(page, "notifications as a digest");
    await page.getByRole("radio", { name: "Enkeltvis, når der sker noget" }).check();
    await page.locator(".notification-item").first().waitFor();
  });
});

/** The answer to the next mark-read request; rejects if it is not a 200. */
async function markedRead(): Promise<unknown> {
  const response = await page.waitForResponse(
    (r) => r.url().endsWith("/api/notifications/read") && r.request().method() === "POST",
  );
  if (response.status() !== 200)
    throw new Error(`mark read answered ${response.status()}: ${await response.text()}`);
  return response.json();
}

/** The header's unread count, as a screen reader hears it ("Notifikationer (3 ulæste)"). */
async function unreadInHeader(): Promise<number> {
  if ((await notificationsLink().count()) === 0) return -1;
  const name = /link "([^"]*)"/.exec(await notificationsLink().ariaSnapshot())?.[1] ?? "";
  return Number(/\((\d+) ulæst/.exec(name)?.[1] ?? 0);
}
