import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSweeper } from "../../src/handovers/sweeper.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { notifyHandoverEvents } from "../../src/notifications/sink.ts";
import * as store from "../../src/notifications/store.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import {
  addStaff,
  authHeaders,
  citizenRegistryOf,
  type DemoApp,
  demoApp,
} from "../support/access.ts";
import { clockFrom } from "../support/clock.ts";
import {
  integrationToken,
  organisationIdOf,
  participantOf,
  postMessage,
} from "../support/messages.ts";

/**
 * Issue 6, point 6 in the app: each new handover, decision and escalation
 * becomes a notification for the organisations it concerns, with read
 * markers per person, ids only (no name, no CPR number).
 */

type Item = {
  id: string;
  kind: string;
  handoverId: string;
  sector: string;
  status: string;
  step: number | null;
  target: string | null;
  reason: string | null;
  readAt: string | null;
  history: { kind: string; step: number | null; target: string | null }[];
};

let demo: DemoApp;
const patient = { cpr: "2108431234", family: "Notifikation", given: ["Nora"] };
const secondCpr = "2108431242";
let homeNursingId = "";

beforeAll(async () => {
  // Judged by fixed clocks: only this file's own citizens, never the demo's, which sit
  // around the day the suite runs.
  // Its messages sit in November 2026, so the app's clock (and the demo's people, who
  // act for the cluster that holds Næstved then) start there, whatever day the suite runs.
  demo = await demoApp({
    seed: { activity: false },
    clock: clockFrom("2026-11-18T12:00:00+01:00"),
  });
  const db = demo.database.db;
  homeNursingId = await organisationIdOf(db, DEMO_UNITS.naestvedHomeNursing);
  // A colleague of the demo's visitator in the same home nursing, to show read markers are personal.
  await addStaff(db, {
    username: "test.kollega",
    displayName: "Kamma Kollega",
    organisationId: homeNursingId,
    role: "coordinator",
  });
  // Lives in Næstved, listed with the demo practice there, so the GP gets a handover too.
  const practice = await db
    .selectFrom("generalPractice")
    .select("id")
    .where("providerNumber", "=", "990001")
    .executeTakeFirstOrThrow();
  const citizens = citizenRegistryOf(demo);
  for (const cpr of [patient.cpr, secondCpr])
    await citizens.register({
      cpr,
      name: "Nora Notifikation",
      homeMunicipalityCode: "370",
      listedPracticeId: practice.id,
      synthetic: true,
    });
  const token = await integrationToken(db);
  const flow = new NotificationFlow(
    participants("notifications-1", {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient,
    }),
  );
  flow.admit({ class: "inpatient", at: "2026-11-16T09:00:00+01:00" });
  flow.discharge({ at: "2026-11-18T10:00:00+01:00" });
  for (const m of flow.messages) {
    const { response } = await postMessage(demo.app, token, m);
    expect(response.statusCode, response.body).toBe(200);
  }
});
afterAll(() => demo.close());

async function feed(username: string, query = "") {
  const response = await demo.app.inject({
    url: `/api/notifications${query}`,
    headers: authHeaders(await demo.sessionOf(username)),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Item[]; unreadCount: number };
}

async function post(username: string, url: string, payload: object) {
  return demo.app.inject({
    method: "POST",
    url,
    headers: authHeaders(await demo.sessionOf(username)),
    payload,
  });
}

/** Ours: the notifications about this test's discharge (the demo seed has its own). */
async function ours(username: string, query = "") {
  const ids = await demo.database.db
    .selectFrom("handover")
    .select("id")
    .where("dischargedAt", "=", new Date("2026-11-18T09:00:00Z"))
    .execute();
  const mine = new Set(ids.map((r) => r.id));
  return (await feed(username, query)).items.filter((i) => mine.has(i.handoverId));
}

describe("notifications in the app", () => {
  it("tells the municipality and the GP of their new handover, each only its own", async () => {
    const municipal = await ours("demo.visitator");
    expect(municipal.map((i) => [i.kind, i.sector, i.status])).toEqual([
      ["handover.created", "municipality", "open"],
    ]);
    const gp = await ours("demo.laege");
    expect(gp.map((i) => [i.kind, i.sector])).toEqual([["handover.created", "general-practice"]]);
    // The hospital made the discharge; nothing new for it to act on yet.
    expect(await ours("demo.sygeplejerske")).toEqual([]);
  });

  it("keeps names and CPR numbers out of what is stored and sent", async () => {
    const rows = await demo.database.db.selectFrom("notification").select("payload").execute();
    const text = JSON.stringify(rows);
    expect(text).not.toContain(patient.cpr);
    expect(text).not.toContain(patient.family);
  });

  it("keeps read markers per person: one nurse reading does not read it for her colleague", async () => {
    const [item] = await ours("demo.visitator");
    const before = (await feed("test.kollega")).unreadCount;
    const read = await post("demo.visitator", "/api/notifications/read", { ids: [item?.id] });
    expect(read.statusCode, read.body).toBe(200);
    expect((await ours("demo.visitator"))[0]?.readAt).not.toBeNull();
    expect((await ours("demo.visitator", "?unread=true")).length).toBe(0);
    expect((await ours("test.kollega"))[0]?.readAt).toBeNull();
    expect((await feed("test.kollega")).unreadCount).toBe(before);
    const all = await post("test.kollega", "/api/notifications/read", { all: true });
    expect(all.json()).toEqual({ unreadCount: 0 });
  });

  it("marks read with one statement text for every person and moment, so PostgreSQL prepares it once", async () => {
    const db = demo.database.db;
    const texts: string[] = [];
    const watching = db.withPlugin({
      transformQuery: (args) => {
        const { sql } = db.getExecutor().compileQuery(args.node, args.queryId);
        if (sql.includes("notification_read")) texts.push(sql);
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const users = await db
      .selectFrom("appUser")
      .select("id")
      .where("username", "in", ["demo.visitator", "test.kollega"])
      .execute();
    for (const [i, user] of users.entries())
      await store.markRead(watching, {
        addressees: [homeNursingId],
        userId: user.id,
        since: new Date(Date.UTC(2026, 0, 1)),
        ids: "all",
        at: new Date(Date.UTC(2026, 10, 20 + i)),
      });
    expect(texts).toHaveLength(2);
    expect(texts[1]).toBe(texts[0]);
    expect(texts[0]).not.toContain(users[0]?.id);
  });

  it("ignores ids the reader does not hear, and refuses a body that says neither ids nor all", async () => {
    const [gpItem] = await ours("demo.laege");
    await post("demo.visitator", "/api/notifications/read", { ids: [gpItem?.id] });
    expect((await ours("demo.laege"))[0]?.readAt).toBeNull();
    const bad = await post("demo.visitator", "/api/notifications/read", { ids: ["not-a-uuid"] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toMatch(/^ids/);
    const empty = await post("demo.visitator", "/api/notifications/read", {});
    expect(empty.statusCode).toBe(400);
  });

  it("tells the discharging ward when the municipality confirms", async () => {
    const [created] = await ours("demo.visitator");
    const ok = await post("demo.visitator", `/api/handovers/${created?.handoverId}/confirm`, {
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const ward = await ours("demo.sygeplejerske");
    expect(ward.map((i) => [i.kind, i.status])).toEqual([["handover.confirmed", "confirmed"]]);
  });

  it("tells the ward and the body's coordinators of a decline, with the reason", async () => {
    const [created] = await ours("demo.laege");
    const declined = await post("demo.laege", `/api/handovers/${created?.handoverId}/decline`, {
      version: 1,
      reason: "not-our-citizen",
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const ward = await ours("demo.sygeplejerske");
    expect(ward.find((i) => i.kind === "handover.declined")?.reason).toBe("not-our-citizen");
    const body = await ours("demo.klyngeleder");
    expect(body.map((i) => i.kind)).toEqual(["handover.declined"]);
  });

  it("tells each escalation step's target once, however often the sweep runs", async () => {
    // A second discharge, left unconfirmed past every step of the ladder.
    const token = await integrationToken(demo.database.db);
    const flow = new NotificationFlow(
      participants("notifications-2", {
        sender: participantOf(DEMO_UNITS.slagelseMedical),
        receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
        patient: { ...patient, cpr: secondCpr },
      }),
    );
    flow.admit({ class: "inpatient", at: "2026-11-16T09:00:00+01:00" });
    flow.discharge({ at: "2026-11-18T10:00:00+01:00" });
    for (const m of flow.messages) await postMessage(demo.app, token, m);
    const sweeper = createSweeper(demo.database.db, {
      clock: () => new Date("2026-11-25T09:00:00Z"),
      events: notifyHandoverEvents,
    });
    await sweeper.sweep();
    await sweeper.sweep();
    // Each handover's card folds its events: the steps are in its history, after which the
    // ladder's end came (the card now tells that).
    const stepsTold = async (username: string) =>
      (await ours(username)).flatMap((c) =>
        c.history
          .filter((h) => h.kind === "handover.escalated")
          .map((h) => ({ sector: c.sector, step: h.step, target: h.target })),
      );
    const escalated = await stepsTold("demo.klyngeleder");
    // The municipal handover escalates to the coordinators once (step 1); so does the GP's.
    expect(escalated.map((i) => [i.sector, i.step, i.target]).sort()).toEqual([
      ["general-practice", 1, "body-coordinator"],
      ["municipality", 1, "body-coordinator"],
    ]);
    const reminders = await stepsTold("demo.visitator");
    expect(reminders.map((i) => [i.step, i.target])).toEqual([[0, "receiver"]]);
  });

  it("is for staff acting for an organisation", async () => {
    const citizen = await demo.app.inject({
      url: "/api/notifications",
      headers: authHeaders(await demo.sessionOf("demo.borger")),
    });
    expect(citizen.statusCode).toBe(403);
  });
});
