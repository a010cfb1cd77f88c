import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSweeper } from "../../src/handovers/sweeper.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { notifyHandoverEvents } from "../../src/notifications/sink.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { authHeaders, citizenRegistryOf, type DemoApp, demoApp } from "../support/access.ts";
import { integrationToken, participantOf, postMessage } from "../support/messages.ts";

/**
 * Issue 21, §6: a card names the citizen (where the reader has a relation),
 * the receiver and the hospital, and leads to its handover; repeats about one
 * handover fold into one card and the unread count counts cards; a person
 * may take a daily digest instead. All on an injected clock that the test
 * moves, so the digests fall on the same days whatever day the suite runs.
 */

type Card = {
  id: string;
  kind: string;
  handoverId: string | null;
  followUpId: string | null;
  step: number | null;
  target: string | null;
  count: number;
  history: { kind: string; step: number | null }[];
  citizenName: string | null;
  receiverName: string | null;
  hospitalName: string | null;
  dischargingName: string | null;
  link: string | null;
  readAt: string | null;
};
type Feed = {
  delivery: string;
  items: Card[];
  digests: {
    id: string;
    from: string;
    to: string;
    cardCount: number;
    unread: boolean;
    cards: Card[];
  }[];
  unreadCount: number;
  nextDigestAt: string | null;
};

let now = Date.parse("2026-11-18T12:00:00+01:00");
const setNow = (iso: string) => {
  now = Date.parse(iso);
};
let demo: DemoApp;
let handoverId = "";
const patient = { cpr: "1207521238", family: "Kortsen", given: ["Karla"] };

beforeAll(async () => {
  demo = await demoApp({
    seed: { activity: false },
    clock: () => new Date(now),
    // The ward keeps a discharged patient's name for a day after the discharge, so the
    // test sees the relation end within the notifications' 30 days.
    config: { access: { hospitalAfterDischargeHours: 24, breakGlassMinutes: 240 } },
  });
  const db = demo.database.db;
  await citizenRegistryOf(demo).register({
    cpr: patient.cpr,
    name: "Karla Kortsen",
    homeMunicipalityCode: "370",
    listedPracticeId: null,
    synthetic: true,
  });
  const flow = new NotificationFlow(
    participants("cards-1", {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient,
    }),
  );
  flow.admit({ class: "inpatient", at: "2026-11-16T09:00:00+01:00" });
  flow.discharge({ at: "2026-11-18T10:00:00+01:00" });
  const token = await integrationToken(db);
  for (const m of flow.messages) {
    const { response } = await postMessage(demo.app, token, m);
    expect(response.statusCode, response.body).toBe(200);
  }
  const row = await db
    .selectFrom("handover")
    .select("id")
    .where("citizenId", "=", (await citizenIdOf()) ?? "")
    .executeTakeFirstOrThrow();
  handoverId = row.id;
});
afterAll(() => demo?.close());

async function citizenIdOf() {
  const rows = await demo.database.db.selectFrom("handover").select("citizenId").execute();
  return rows[0]?.citizenId;
}

async function feed(username: string, query = ""): Promise<Feed> {
  const response = await demo.app.inject({
    url: `/api/notifications${query}`,
    headers: authHeaders(await demo.sessionOf(username)),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function send(username: string, method: "POST" | "PUT", url: string, payload: object) {
  const response = await demo.app.inject({
    method,
    url,
    headers: authHeaders(await demo.sessionOf(username)),
    payload,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const ours = (f: Feed) => f.items.filter((c) => c.handoverId === handoverId);

describe("cards that help", () => {
  it("names the citizen, the receiver and the hospital, and leads to that handover", async () => {
    const [card] = ours(await feed("demo.visitator"));
    expect(card).toMatchObject({
      kind: "handover.created",
      citizenName: "Karla Kortsen",
      receiverName: expect.stringContaining("Næstved"),
      hospitalName: "Slagelse Sygehus",
      dischargingName: DEMO_UNITS.slagelseMedical.name,
      link: `/arbejdsliste?overdragelse=${handoverId}`,
      count: 1,
    });
    // The name was read through the relation rules, and the read is in the citizen's log.
    const audited = await demo.database.db
      .selectFrom("auditLog")
      .select(["outcome", "relation", "resource"])
      .where("resource", "=", "notifications")
      .where("citizenId", "=", (await citizenIdOf()) ?? "")
      .execute();
    expect(audited.length).toBeGreaterThan(0);
    expect(audited.every((a) => a.outcome === "allowed" && a.relation !== null)).toBe(true);
  });

  it("leads to a handover the reader's worklist holds, and to nothing for anyone else", async () => {
    const mine = await demo.app.inject({
      url: `/api/handovers/${handoverId}`,
      headers: authHeaders(await demo.sessionOf("demo.visitator")),
    });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ id: handoverId, citizenName: "Karla Kortsen" });
    // The GP has no handover for this citizen (she has no listed practice).
    const other = await demo.app.inject({
      url: `/api/handovers/${handoverId}`,
      headers: authHeaders(await demo.sessionOf("demo.laege")),
    });
    expect(other.statusCode).toBe(404);
  });

  it("the header's count reads no name", async () => {
    const before = await auditCount();
    const response = await demo.app.inject({
      url: "/api/notifications/unread-count",
      headers: authHeaders(await demo.sessionOf("demo.visitator")),
    });
    expect(response.json()).toEqual({ unreadCount: 1, delivery: "single" });
    expect(await auditCount()).toBe(before);
  });

  it("folds the reminders about one handover into its card, and counts cards as unread", async () => {
    // A day on, unconfirmed: every step of the ladder has been taken, and its end has passed.
    setNow("2026-11-19T12:00:00+01:00");
    await createSweeper(demo.database.db, {
      clock: () => new Date(now),
      events: notifyHandoverEvents,
    }).sweep();
    const municipal = await feed("demo.visitator");
    expect(ours(municipal)).toHaveLength(1);
    expect(ours(municipal)[0]).toMatchObject({
      kind: "handover.unresolved",
      count: 3,
      readAt: null,
    });
    expect(ours(municipal)[0]?.history.map((h) => h.kind)).toEqual([
      "handover.unresolved",
      "handover.escalated",
      "handover.created",
    ]);
    expect(municipal.unreadCount).toBe(municipal.items.filter((c) => !c.readAt).length);
    expect(municipal.unreadCount).toBe(1);
  });

  it("reads a card with its history, and a new event about it makes it news again", async () => {
    const [card] = ours(await feed("demo.sygeplejerske"));
    expect(card).toMatchObject({ kind: "handover.unresolved", citizenName: "Karla Kortsen" });
    expect(card?.history.map((h) => [h.kind, h.step])).toEqual([
      ["handover.unresolved", null],
      ["handover.escalated", 2],
    ]);
    // Karla has no listed GP: the ward's other card, her medical follow-up item, stays unread.
    const followUp = (await feed("demo.sygeplejerske")).items.filter((c) => c.followUpId);
    expect(followUp.map((c) => [c.kind, c.readAt])).toEqual([["follow-up.opened", null]]);
    expect(
      await send("demo.sygeplejerske", "POST", "/api/notifications/read", { ids: [card?.id] }),
    ).toEqual({ unreadCount: 1 });
    const version = await demo.database.db
      .selectFrom("handover")
      .select("version")
      .where("id", "=", handoverId)
      .executeTakeFirstOrThrow();
    setNow("2026-11-19T12:05:00+01:00");
    await send("demo.visitator", "POST", `/api/handovers/${handoverId}/confirm`, version);
    const ward = await feed("demo.sygeplejerske");
    expect(ours(ward)).toHaveLength(1);
    expect(ours(ward)[0]).toMatchObject({ kind: "handover.confirmed", count: 3, readAt: null });
    expect(ward.unreadCount).toBe(2);
  });

  it("names no citizen once the reader's relation has ended, but still the parties", async () => {
    // Karla has no listed GP, so her discharge opened a medical follow-up item, which keeps
    // the ward related to her until it is settled (issue 21, part 5): the ward settles it.
    const items = await demo.app.inject({
      url: "/api/follow-ups",
      headers: authHeaders(await demo.sessionOf("demo.udskrivning")),
    });
    expect(items.statusCode, items.body).toBe(200);
    const listed = items.json() as { items: { id: string; version: number }[] };
    const item = listed.items[0];
    expect(item).toBeDefined();
    await send("demo.udskrivning", "POST", `/api/follow-ups/${item?.id}/resolve`, {
      version: item?.version,
      resolution: {
        kind: "not-needed",
        reason: "Opfølgning aftalt i ambulatoriet ved udskrivelsen",
      },
    });
    // Confirmed, and two days after the discharge: the ward's day after it is over.
    setNow("2026-11-20T12:00:00+01:00");
    const [card] = ours(await feed("demo.sygeplejerske"));
    expect(card).toMatchObject({
      citizenName: null,
      hospitalName: "Slagelse Sygehus",
      receiverName: expect.stringContaining("Næstved"),
    });
  });
});

describe("the daily digest", () => {
  it("is a person's own choice, and starts as single notifications", async () => {
    const answer = await demo.app.inject({
      url: "/api/notifications/preferences",
      headers: authHeaders(await demo.sessionOf("demo.visitator")),
    });
    expect(answer.json()).toMatchObject({ delivery: "single", digestTime: "07:00" });
    const bad = await demo.app.inject({
      method: "PUT",
      url: "/api/notifications/preferences",
      headers: authHeaders(await demo.sessionOf("demo.visitator")),
      payload: { delivery: "hourly" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("delivery");
  });

  it("gathers each day's cards into one card at 07:00, and counts digests as unread", async () => {
    // 20 November 12:00: the digests of 19 November 07:00 (the discharge of the 18th) and
    // of 20 November 07:00 (the reminder, the ladder's end and the confirmation of the 19th).
    expect(
      await send("demo.visitator", "PUT", "/api/notifications/preferences", {
        delivery: "daily-digest",
      }),
    ).toMatchObject({ delivery: "daily-digest", nextDigestAt: "2026-11-21T06:00:00.000Z" });
    const f = await feed("demo.visitator");
    expect(f.delivery).toBe("daily-digest");
    expect(f.items).toEqual([]);
    expect(f.nextDigestAt).toBe("2026-11-21T06:00:00.000Z");
    expect(f.digests.map((d) => [d.from, d.to, d.cardCount, d.unread])).toEqual([
      ["2026-11-19T06:00:00.000Z", "2026-11-20T06:00:00.000Z", 1, true],
      ["2026-11-18T06:00:00.000Z", "2026-11-19T06:00:00.000Z", 1, true],
    ]);
    expect(f.unreadCount).toBe(2);
    expect(f.digests[0]?.cards[0]).toMatchObject({ kind: "handover.unresolved", count: 2 });
    expect(f.digests[1]?.cards[0]).toMatchObject({ kind: "handover.created" });
  });

  it("holds what happens after 07:00 for the next morning's digest", async () => {
    const db = demo.database.db;
    const organisationId = (
      await db
        .selectFrom("handover")
        .select("receiverOrganisationId")
        .where("id", "=", handoverId)
        .executeTakeFirstOrThrow()
    ).receiverOrganisationId;
    await db.transaction().execute((tx) =>
      notifyHandoverEvents(tx, [
        {
          kind: "handover.closed",
          handoverId,
          sector: "municipality",
          status: "closed",
          recipientOrganisationIds: [organisationId],
          at: new Date("2026-11-20T15:00:00+01:00"),
          deadlineAt: new Date("2026-11-18T14:00:00+01:00"),
          reason: "death",
        },
      ]),
    );
    setNow("2026-11-21T06:59:00+01:00");
    const before = await feed("demo.visitator");
    expect(before.digests).toHaveLength(2);
    expect(before.unreadCount).toBe(2);
    setNow("2026-11-21T07:00:00+01:00");
    const after = await feed("demo.visitator");
    expect(after.digests.map((d) => d.to)).toEqual([
      "2026-11-21T06:00:00.000Z",
      "2026-11-20T06:00:00.000Z",
      "2026-11-19T06:00:00.000Z",
    ]);
    expect(after.digests[0]?.cards[0]).toMatchObject({ kind: "handover.closed", count: 1 });
    expect(after.unreadCount).toBe(3);
  });

  it("reads a digest as a whole, and the count follows the choice back to single cards", async () => {
    const f = await feed("demo.visitator");
    const [latest] = f.digests;
    expect(
      await send("demo.visitator", "POST", "/api/notifications/read", {
        period: { from: latest?.from, to: latest?.to },
      }),
    ).toEqual({ unreadCount: 2 });
    // Back to single cards: the one card holds all four events.
    await send("demo.visitator", "PUT", "/api/notifications/preferences", { delivery: "single" });
    const single = await feed("demo.visitator");
    expect(single.digests).toEqual([]);
    expect(ours(single)[0]).toMatchObject({ kind: "handover.closed", count: 4, readAt: null });
    expect(single.unreadCount).toBe(1);
  });
});

async function auditCount() {
  const row = await demo.database.db
    .selectFrom("auditLog")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
