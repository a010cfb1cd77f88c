import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCipher } from "../../src/citizens/crypto.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { createDeliveryWorker } from "../../src/notifications/delivery.ts";
import { verifySignature } from "../../src/notifications/model.ts";
import { notifyFollowUpEvents } from "../../src/notifications/sink.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import {
  actingForSecretariat,
  addStaff,
  authHeaders,
  citizenRegistryOf,
  type DemoApp,
  demoApp,
} from "../support/access.ts";
import {
  integrationToken,
  organisationIdOf,
  participantOf,
  postMessage,
} from "../support/messages.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver.ts";

/**
 * Issue 21, parts 5 and 6, through the API on the engine the suite runs on:
 * a discharge of a child without a listed GP opens a medical follow-up item,
 * and the people who see it in their lists are told, once each: the
 * discharging ward and the body's coordinators, in the app and to the ward's
 * webhook, with ids only. Another body and the municipality hear nothing.
 * Resolving it ("none needed") turns their cards to say so and who resolved
 * it; the resolver's own card is read, the colleagues' is news again. A
 * colleague who takes the daily digest finds the item's card in the next
 * morning's digest. The app runs on a clock the test sets.
 */

const CLUSTER = "naestved-slagelse";
const NAME = "Otto Barn Besked";
const CPR = "1505204339";
/** A reason that names the child: it must reach neither a webhook nor a card. */
const REASON = "Otto er rask og har ingen aftalt kontrol";

let now = new Date("2026-12-03T12:00:00Z");
const clock = () => now;
let demo: DemoApp;
let wardId = "";
let secretariatId = "";
let childId = "";
let stayId = "";
let itemId = "";
let receiver: WebhookReceiver;
let secret = "";
/** The coordinator's session acting for the cluster's secretariat. */
let karin: ReturnType<typeof authHeaders>;

type Card = {
  id: string;
  kind: string;
  followUpId: string | null;
  handoverId: string | null;
  citizenName: string | null;
  dischargingName: string | null;
  hospitalName: string | null;
  count: number;
  readAt: string | null;
  link: string | null;
  history: { kind: string; reason: string | null }[];
  followUp: {
    id: string;
    status: string;
    resolution: string | null;
    followUpName: string | null;
    resolvedByName: string | null;
    resolvedByOrganisationName: string | null;
    resolvedAt: string | null;
    closedReason?: string | null;
  } | null;
};
type Feed = { items: Card[]; digests: { cards: Card[] }[]; unreadCount: number };

async function headersOf(username: string) {
  return authHeaders(await demo.sessionOf(username));
}

async function feedOf(headers: ReturnType<typeof authHeaders>): Promise<Feed> {
  const r = await demo.app.inject({ url: "/api/notifications", headers });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Feed;
}

/** The cards about this test's item. */
async function itemCards(headers: ReturnType<typeof authHeaders>) {
  return (await feedOf(headers)).items.filter((c) => c.followUpId === itemId);
}

/**
 * The delivery loop as the server runs it. Its clock is the real one: a delivery is due
 * by the database's own time (`next_attempt_at` is `now()`), not the app's.
 */
const worker = () =>
  createDeliveryWorker(demo.database.db, createCipher(demo.masterKey), {
    allowedHosts: ["127.0.0.1"],
  });

beforeAll(async () => {
  demo = await demoApp({
    seed: { activity: false },
    clock,
    config: { webhookAllowedHosts: ["127.0.0.1"] },
  });
  const db = demo.database.db;
  wardId = await organisationIdOf(db, DEMO_UNITS.slagelseMedical);
  secretariatId = (
    await db
      .selectFrom("organisation")
      .select("id")
      .where("kind", "=", "body_secretariat")
      .where("bodyId", "=", CLUSTER)
      .executeTakeFirstOrThrow()
  ).id;
  // Another cluster's coordinator, a colleague on the ward, one who takes the digest,
  // and the ward's IT administrator, who points its webhook at a receiver here.
  const other = await db
    .selectFrom("organisation as o")
    .innerJoin("body as b", "b.id", "o.bodyId")
    .select("o.id")
    .where("o.kind", "=", "body_secretariat")
    .where("b.kind", "=", "sundhedsklynge")
    .where("b.id", "<>", CLUSTER)
    .orderBy("o.id")
    .executeTakeFirstOrThrow();
  for (const [username, organisationId, role] of [
    ["test.anden.klynge", other.id, "coordinator"],
    ["test.kollega", wardId, "coordinator"],
    ["test.sammendrag", wardId, "clinician"],
    ["test.it", wardId, "administrator"],
  ] as const)
    await addStaff(db, { username, displayName: username, organisationId, role });
  childId = (
    await citizenRegistryOf(demo).register({
      cpr: CPR,
      name: NAME,
      homeMunicipalityCode: "370",
      listedPracticeId: null,
      synthetic: true,
    })
  ).id;
  const token = await integrationToken(db);
  const flow = new NotificationFlow(
    participants("follow-up-notify", {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient: { cpr: CPR, family: "Besked", given: ["Otto", "Barn"] },
    }),
  );
  flow.admit({ class: "inpatient", at: "2026-12-02T09:00:00+01:00" });
  for (const m of flow.messages) {
    const { response } = await postMessage(demo.app, token, m);
    expect(response.statusCode, response.body).toBe(200);
  }
  receiver = await startWebhookReceiver();
  karin = await actingForSecretariat(demo, "demo.klyngekoordinator");
}, 60_000);
afterAll(async () => {
  await receiver?.close();
  await demo?.close();
});

describe("a discharge without a GP", () => {
  it("the ward's webhook listens for follow-up items (and a colleague takes the daily digest)", async () => {
    const created = await demo.app.inject({
      method: "POST",
      url: `/api/organisations/${wardId}/webhooks`,
      headers: await headersOf("test.it"),
      payload: { url: receiver.url, events: ["follow-up.opened", "follow-up.resolved"] },
    });
    expect(created.statusCode, created.body).toBe(201);
    secret = (created.json() as { secret: string }).secret;
    const refused = await demo.app.inject({
      method: "POST",
      url: `/api/organisations/${wardId}/webhooks`,
      headers: await headersOf("test.it"),
      payload: { url: receiver.url, events: ["body.rules-to-confirm"] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toMatch(/^events/);
    const digest = await demo.app.inject({
      method: "PUT",
      url: "/api/notifications/preferences",
      headers: await headersOf("test.sammendrag"),
      payload: { delivery: "daily-digest" },
    });
    expect(digest.statusCode, digest.body).toBe(200);
  });

  it("opens the item when the ward's coordinator discharges the child", async () => {
    const ward = await headersOf("demo.udskrivning");
    const inpatients = await demo.app.inject({ url: "/api/inpatients", headers: ward });
    stayId =
      (inpatients.json() as { items: { citizenId: string; stayId: string }[] }).items.find(
        (i) => i.citizenId === childId,
      )?.stayId ?? "";
    const r = await demo.app.inject({
      method: "POST",
      url: `/api/stays/${stayId}/discharge`,
      headers: ward,
      payload: { dischargedAt: "2026-12-03T12:00:00+01:00", note: "Inhalationer morgen og aften" },
    });
    expect(r.statusCode, r.body).toBe(200);
    const item = await demo.database.db
      .selectFrom("medicalFollowUp")
      .select(["id", "status"])
      .where("citizenId", "=", childId)
      .executeTakeFirstOrThrow();
    expect(item.status).toBe("open");
    itemId = item.id;
  });

  it("tells the ward and the cluster's coordinator once each, naming the child and leading to the item", async () => {
    for (const headers of [await headersOf("demo.udskrivning"), karin]) {
      const cards = await itemCards(headers);
      expect(cards).toHaveLength(1);
      expect(cards[0]).toMatchObject({
        kind: "follow-up.opened",
        handoverId: null,
        citizenName: NAME,
        hospitalName: expect.any(String),
        dischargingName: expect.stringMatching(/./),
        count: 1,
        readAt: null,
        link: `/opfoelgning?punkt=${itemId}`,
        followUp: { id: itemId, status: "open", resolution: null, resolvedByName: null },
      });
    }
    const told = await demo.database.db
      .selectFrom("notification")
      .select(["organisationId", "kind"])
      .where("followUpId", "=", itemId)
      .execute();
    expect(told.map((n) => n.organisationId).sort()).toEqual([wardId, secretariatId].sort());
  });

  it("tells nobody else: not another body, not the municipality", async () => {
    expect(await itemCards(await headersOf("test.anden.klynge"))).toEqual([]);
    expect(await itemCards(await headersOf("demo.visitator"))).toEqual([]);
  });

  it("tells it once however often the change is told again", async () => {
    const event = {
      kind: "follow-up.opened" as const,
      followUpId: itemId,
      status: "open" as const,
      dischargedAt: now,
      recipientOrganisationIds: [wardId, secretariatId],
      at: now,
    };
    await demo.database.db.transaction().execute((tx) => notifyFollowUpEvents(tx, [event, event]));
    const told = await demo.database.db
      .selectFrom("notification")
      .select("id")
      .where("followUpId", "=", itemId)
      .execute();
    expect(told).toHaveLength(2);
    const deliveries = await demo.database.db
      .selectFrom("webhookDelivery")
      .select("id")
      .where("kind", "=", "follow-up.opened")
      .execute();
    expect(deliveries).toHaveLength(1);
  });

  it("posts it to the ward's webhook, signed, with ids only", async () => {
    await worker().deliverDue();
    const got = receiver.received.filter(
      (r) => r.headers["tovholder-event"] === "follow-up.opened",
    );
    expect(got).toHaveLength(1);
    const body = got[0]?.body ?? "";
    expect(verifySignature(secret, String(got[0]?.headers["tovholder-signature"]), body)).toBe(
      true,
    );
    expect(JSON.parse(body)).toMatchObject({
      type: "follow-up.opened",
      organisationId: wardId,
      followUp: { id: itemId, status: "open" },
      links: { app: `/opfoelgning?punkt=${itemId}` },
    });
    expect(body).not.toMatch(/Otto|Besked|1505204339|150520-4339/);
  });

  it("leads to the item itself, for the parties only", async () => {
    const mine = await demo.app.inject({
      url: `/api/follow-ups/${itemId}`,
      headers: await headersOf("demo.udskrivning"),
    });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ id: itemId, status: "open", citizenName: NAME });
    const other = await demo.app.inject({
      url: `/api/follow-ups/${itemId}`,
      headers: await headersOf("test.anden.klynge"),
    });
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain("Otto");
  });
});

describe("resolving it", () => {
  it("turns both cards to say so and who resolved it; the resolver's own is read", async () => {
    now = new Date("2026-12-03T13:00:00Z");
    karin = await actingForSecretariat(demo, "demo.klyngekoordinator");
    const item = (
      await demo.app.inject({ url: `/api/follow-ups/${itemId}`, headers: karin })
    ).json() as { version: number };
    const done = await demo.app.inject({
      method: "POST",
      url: `/api/follow-ups/${itemId}/resolve`,
      headers: karin,
      payload: { version: item.version, resolution: { kind: "not-needed", reason: REASON } },
    });
    expect(done.statusCode, done.body).toBe(200);
    const resolved = {
      kind: "follow-up.resolved",
      count: 2,
      followUp: {
        status: "resolved",
        resolution: "not-needed",
        followUpName: null,
        resolvedByName: "Karin Koordinator (demo)",
        resolvedByOrganisationName: expect.stringMatching(/./),
        resolvedAt: "2026-12-03T13:00:00.000Z",
      },
    };
    const own = await itemCards(karin);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject(resolved);
    expect(own[0]?.readAt).not.toBeNull();
    for (const username of ["demo.udskrivning", "test.kollega"]) {
      const cards = await itemCards(await headersOf(username));
      expect(cards).toHaveLength(1);
      expect(cards[0]).toMatchObject({ ...resolved, readAt: null });
      expect(cards[0]?.history.map((h) => [h.kind, h.reason])).toEqual([
        ["follow-up.resolved", "not-needed"],
        ["follow-up.opened", null],
      ]);
      expect(JSON.stringify(cards[0])).not.toContain(REASON);
    }
  });

  it("posts the resolution to the ward's webhook without the reason", async () => {
    await worker().deliverDue();
    const got = receiver.received.filter(
      (r) => r.headers["tovholder-event"] === "follow-up.resolved",
    );
    expect(got).toHaveLength(1);
    expect(JSON.parse(got[0]?.body ?? "")).toMatchObject({
      followUp: { id: itemId, status: "resolved", resolution: "not-needed" },
    });
    expect(got[0]?.body).not.toMatch(/Otto|rask|1505204339/);
  });

  it("keeps it out of the digest reader's single cards, and in the next morning's digest", async () => {
    const before = await feedOf(await headersOf("test.sammendrag"));
    expect(before.items).toEqual([]);
    expect(before.digests.flatMap((d) => d.cards).some((c) => c.followUpId === itemId)).toBe(false);
    now = new Date("2026-12-04T06:30:00Z");
    const after = await feedOf(await headersOf("test.sammendrag"));
    const cards = after.digests.flatMap((d) => d.cards).filter((c) => c.followUpId === itemId);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ kind: "follow-up.resolved", count: 2, citizenName: NAME });
  });
});

describe("closing it", () => {
  it("tells the ward and the coordinator why an open item closed: here a cancelled discharge", async () => {
    // A citizen first known from the hospital's notification, which names no GP.
    const token = await integrationToken(demo.database.db);
    const flow = new NotificationFlow(
      participants("follow-up-notify-cancel", {
        sender: participantOf(DEMO_UNITS.slagelseMedical),
        receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
        patient: { cpr: "1605204336", family: "Annullering", given: ["Anna"] },
      }),
    );
    flow.admit({ class: "inpatient", at: "2026-12-03T20:00:00+01:00" });
    flow.discharge({ at: "2026-12-04T06:00:00+01:00" });
    const send = async () => {
      for (const m of flow.messages) {
        const { response } = await postMessage(demo.app, token, m);
        expect(response.statusCode, response.body).toBe(200);
      }
    };
    await send();
    const item = await demo.database.db
      .selectFrom("medicalFollowUp")
      .select(["id", "status"])
      .orderBy("createdAt", "desc")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    expect(item.id).not.toBe(itemId);
    flow.cancel({ sentAt: "2026-12-04T07:20:00+01:00" });
    await send();
    const told = await demo.database.db
      .selectFrom("notification")
      .select(["organisationId", "kind", "payload"])
      .where("followUpId", "=", item.id)
      .where("kind", "=", "follow-up.closed")
      .execute();
    expect(told.map((n) => n.organisationId).sort()).toEqual([wardId, secretariatId].sort());
    karin = await actingForSecretariat(demo, "demo.klyngekoordinator");
    const [card] = (await feedOf(karin)).items.filter((c) => c.followUpId === item.id);
    expect(card).toMatchObject({
      kind: "follow-up.closed",
      count: 2,
      followUp: { status: "closed", closedReason: "discharge-cancelled", resolvedByName: null },
    });
    // Told again, the cancellation closes nothing more and tells nobody again.
    await send();
    const again = await demo.database.db
      .selectFrom("notification")
      .select("id")
      .where("followUpId", "=", item.id)
      .execute();
    expect(again).toHaveLength(4);
  });
});
