import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import {
  authHeaders,
  citizenRegistryOf,
  type DemoApp,
  demoApp,
  type Session,
} from "../support/access.ts";
import { clockFrom } from "../support/clock.ts";
import { integrationToken, participantOf, postMessage } from "../support/messages.ts";

/**
 * Issue 6, points 1 and 3 and the bad-input rules: a discharge creates a
 * handover to the home municipality and one to the GP; the receivers confirm
 * or decline; responsibility moves only on confirmation; a cancelled
 * discharge closes them, a corrected one moves the deadline; every change is
 * in the transition history.
 */

let demo: DemoApp;
let token: string;
const sessions = new Map<string, Session>();

const sender = participantOf(DEMO_UNITS.slagelseMedical);
const receiver = participantOf(DEMO_UNITS.naestvedHomeNursing);
/** Lives in Næstved, listed with the demo practice there (Lars Læge's). */
const karen = { cpr: "0302551234", family: "Handover", given: ["Hanne", "Test"] };

beforeAll(async () => {
  // Its messages sit on fixed November 2026 dates, so the app's now is fixed after them
  // (the demo's citizens with it): the hospital's access after discharge and what is
  // overdue are judged the same on any day the suite runs.
  demo = await demoApp({ clock: clockFrom("2026-12-03T12:00:00Z") });
  token = await integrationToken(demo.database.db);
  const db = demo.database.db;
  const practice = await db
    .selectFrom("generalPractice")
    .select("id")
    .where("providerNumber", "=", "990001")
    .executeTakeFirstOrThrow();
  const citizens = citizenRegistryOf(demo);
  await citizens.register({
    cpr: karen.cpr,
    name: "Hanne Test Handover",
    homeMunicipalityCode: "370",
    listedPracticeId: practice.id,
    synthetic: true,
  });
});
afterAll(() => demo.close());

async function as(username: string) {
  let s = sessions.get(username);
  if (!s) {
    s = await demo.sessionOf(username);
    sessions.set(username, s);
  }
  return authHeaders(s);
}

function stay(seed: string) {
  return new NotificationFlow(participants(seed, { sender, receiver, patient: karen }));
}

async function send(flow: NotificationFlow) {
  for (const m of flow.messages) {
    const { response } = await postMessage(demo.app, token, m);
    expect(response.statusCode, response.body).toBe(200);
  }
}

type Item = {
  id: string;
  citizenId: string;
  stayId: string;
  sector: string;
  status: string;
  version: number;
  deadlineAt: string;
};

async function worklist(username: string, query = "") {
  const response = await demo.app.inject({
    url: `/api/handovers${query}`,
    headers: await as(username),
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: Item[] }).items;
}

let karenId = "";

async function karenPathway() {
  const id = karenId;
  const response = await demo.app.inject({
    url: `/api/citizens/${id}/pathway`,
    headers: await as("demo.sygeplejerske"),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    responsibility: {
      reason: string;
      responsible: { name: string; for: string }[];
      awaitingConfirmationFrom: { name: string }[];
    };
    handovers: { status: string; sector: string }[];
  };
}

const post = async (username: string, url: string, payload: object) =>
  demo.app.inject({ method: "POST", url, headers: await as(username), payload });

describe("handovers at discharge", () => {
  let municipal: Item;
  let gp: Item;

  it("creates one handover to the home municipality and one to the GP when a discharge arrives", async () => {
    const flow = stay("handover-1");
    flow.admit({ class: "inpatient", at: "2026-11-16T09:00:00+01:00" });
    flow.discharge({ at: "2026-11-18T10:00:00+01:00" });
    await send(flow);
    const mine = await worklist("demo.visitator");
    municipal = mine.find((i) => i.sector === "municipality") as Item;
    expect(municipal).toMatchObject({ status: "open", version: 1 });
    karenId = municipal.citizenId;
    // Four daytime hours after a 10:00 discharge.
    expect(municipal.deadlineAt).toBe("2026-11-18T13:00:00.000Z");
    gp = (await worklist("demo.laege")).find((i) => i.sector === "general-practice") as Item;
    expect(gp).toBeDefined();
    const hospital = (await worklist("demo.sygeplejerske")).map((i) => i.id);
    expect(hospital).toEqual(expect.arrayContaining([municipal.id, gp.id]));
  });

  it("names the citizen on a receiver's worklist, auditing that read once per request", async () => {
    const db = demo.database.db;
    const reads = async () =>
      Number(
        (
          await db
            .selectFrom("auditLog")
            .select((eb) => eb.fn.countAll<string>().as("n"))
            .where("citizenId", "=", karenId)
            .where("resource", "=", "worklist")
            .where("outcome", "=", "allowed")
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await reads();
    const response = await demo.app.inject({
      url: "/api/handovers",
      headers: await as("demo.visitator"),
    });
    const items = (response.json() as { items: (Item & { citizenName: string | null })[] }).items;
    expect(items.find((i) => i.citizenId === karenId)?.citizenName).toBe("Hanne Test Handover");
    // The worklist and the in-hospital list are two reads; Karen is on the first only.
    expect(await reads()).toBe(before + 1);
  });

  it("keeps the hospital responsible until both have confirmed", async () => {
    const p = await karenPathway();
    expect(p.responsibility.reason).toBe("discharged-awaiting-handover");
    expect(p.responsibility.responsible.map((r) => r.for)).toEqual(["treatment"]);
    expect(p.responsibility.awaitingConfirmationFrom).toHaveLength(2);
  });

  it("refuses a confirmation from an organisation that is not the receiver, and audits it", async () => {
    const response = await post("demo.sygeplejerske", `/api/handovers/${municipal.id}/confirm`, {
      version: 1,
    });
    expect(response.statusCode).toBe(403);
    const denied = await demo.database.db
      .selectFrom("auditLog")
      .select("outcome")
      .where("resource", "=", "handover")
      .where("action", "=", "confirm")
      .execute();
    expect(denied.map((d) => d.outcome)).toContain("denied");
  });

  it("lets the municipality confirm once; a second, stale confirmation gets 409 with the current state", async () => {
    const ok = await post("demo.visitator", `/api/handovers/${municipal.id}/confirm`, {
      version: 1,
      note: "Hjemmesygeplejen kommer i dag",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: "confirmed", version: 2 });
    const stale = await post("demo.visitator", `/api/handovers/${municipal.id}/confirm`, {
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain("confirmed (version 2)");
    // The same, for the web to say in Danish (web/src/api/problem-text.ts).
    expect(stale.json().i18n).toEqual({
      key: "handovers.changed",
      values: { status: "confirmed", version: 2 },
    });
    expect(stale.json().errors[0].i18n).toEqual({
      key: "handovers.staleVersion",
      values: { version: 2 },
    });
    const p = await karenPathway();
    expect(p.responsibility.responsible.map((r) => r.for).sort()).toEqual(["care", "treatment"]);
  });

  it("moves responsibility to the municipality and the GP when the GP confirms too", async () => {
    const ok = await post("demo.laege", `/api/handovers/${gp.id}/confirm`, { version: gp.version });
    expect(ok.statusCode, ok.body).toBe(200);
    const p = await karenPathway();
    expect(p.responsibility.reason).toBe("handed-over");
    expect(p.responsibility.responsible.map((r) => r.for).sort()).toEqual([
      "care",
      "medical-follow-up",
    ]);
    const history = await demo.database.db
      .selectFrom("handoverTransition")
      .select(["kind", "toStatus", "actorUserId"])
      .where("handoverId", "=", municipal.id)
      .orderBy("id")
      .execute();
    expect(history.map((h) => h.kind)).toEqual(["created", "confirmed"]);
    expect(history[1]?.actorUserId).not.toBeNull();
  });
});

describe("declines, corrections and cancellations", () => {
  it("lets a receiver decline with a reason, which shows on the hospital's list", async () => {
    const flow = stay("handover-2");
    flow.admit({ class: "inpatient", at: "2026-11-19T09:00:00+01:00" });
    flow.discharge({ at: "2026-11-20T11:00:00+01:00" });
    await send(flow);
    const item = (await worklist("demo.visitator")).find(
      (i) => i.status === "open" && i.sector === "municipality",
    ) as Item;
    const bad = await post("demo.visitator", `/api/handovers/${item.id}/decline`, {
      version: item.version,
      reason: "no",
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain("reason");
    const declined = await post("demo.visitator", `/api/handovers/${item.id}/decline`, {
      version: item.version,
      reason: "citizen-moved",
      note: "Flyttet til Ringsted",
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const hospital = await worklist("demo.sygeplejerske");
    expect(hospital.find((i) => i.id === item.id)?.status).toBe("declined");
  });

  it("moves the deadline when the discharge time is corrected, and closes the handovers when the discharge is cancelled", async () => {
    const flow = stay("handover-3");
    flow.admit({ class: "inpatient", at: "2026-11-23T09:00:00+01:00" });
    flow.discharge({ at: "2026-11-24T09:00:00+01:00" });
    await send(flow);
    const before = (await worklist("demo.visitator")).find(
      (i) => i.deadlineAt === "2026-11-24T12:00:00.000Z",
    ) as Item;
    expect(before).toBeDefined();
    flow.revise({ at: "2026-11-24T12:00:00+01:00", sentAt: "2026-11-24T12:05:00+01:00" });
    await send(flow);
    const moved = (await worklist("demo.visitator")).find((i) => i.id === before.id) as Item;
    expect(moved.deadlineAt).toBe("2026-11-24T15:00:00.000Z");
    flow.cancel({ sentAt: "2026-11-24T13:00:00+01:00" });
    await send(flow);
    const closed = await demo.database.db
      .selectFrom("handover")
      .select(["status", "statusReason"])
      .where("stayId", "=", before.stayId)
      .execute();
    expect(
      closed.every((h) => h.status === "closed" && h.statusReason === "discharge-cancelled"),
    ).toBe(true);
    const kinds = await demo.database.db
      .selectFrom("handoverTransition")
      .select("kind")
      .where("handoverId", "=", before.id)
      .orderBy("id")
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(["created", "deadline-moved", "closed"]);
  });
});

describe("the body's own rules", () => {
  async function asCoordinator() {
    const headers = await as("demo.klyngekoordinator");
    const me = (await demo.app.inject({ url: "/api/me", headers })).json() as {
      memberships: { membershipId: string; organisation: { kind: string } }[];
    };
    const secretariat = me.memberships.find((m) => m.organisation.kind === "body_secretariat");
    const chosen = await demo.app.inject({
      method: "PUT",
      url: "/api/me/active-membership",
      headers,
      payload: { membershipId: secretariat?.membershipId },
    });
    expect(chosen.statusCode).toBe(200);
    return headers;
  }
  const url = "/api/bodies/naestved-slagelse/handover-rules";
  const twoHours = {
    deadlineMinutes: 120,
    hours: { weekday: { start: "07:00", end: "22:00" }, weekend: { start: "08:00", end: "20:00" } },
    ladder: [
      { afterMinutes: 0, target: "receiver" },
      { afterMinutes: 30, target: "body-coordinator" },
    ],
  };

  it("refuses a ladder with a gap, naming the step", async () => {
    const headers = await asCoordinator();
    const response = await demo.app.inject({
      method: "PUT",
      url: `${url}/municipality`,
      headers,
      payload: { ...twoHours, ladder: [{ afterMinutes: 60, target: "receiver" }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({
        field: "ladder.0.afterMinutes",
        i18n: { key: "handoverRules.firstStepGap" },
      }),
    ]);
    expect(response.json().i18n).toEqual({ key: "handoverRules.unsound" });
  });

  it("lets only the body's coordinators change them, and new discharges follow", async () => {
    const refused = await demo.app.inject({
      method: "PUT",
      url: `${url}/municipality`,
      headers: await as("demo.visitator"),
      payload: twoHours,
    });
    expect(refused.statusCode).toBe(403);
    const headers = await asCoordinator();
    const saved = await demo.app.inject({
      method: "PUT",
      url: `${url}/municipality`,
      headers,
      payload: twoHours,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const rules = (await demo.app.inject({ url, headers })).json() as {
      sector: string;
      isDefault: boolean;
    }[];
    expect(rules).toEqual([
      expect.objectContaining({ sector: "municipality", isDefault: false }),
      expect.objectContaining({ sector: "general-practice", isDefault: true }),
    ]);
    const flow = stay("handover-rules");
    flow.admit({ class: "inpatient", at: "2026-11-24T09:00:00+01:00" });
    flow.discharge({ at: "2026-11-25T10:00:00+01:00" });
    await send(flow);
    const items = await worklist("demo.visitator");
    expect(items.map((i) => i.deadlineAt)).toContain("2026-11-25T11:00:00.000Z");
  });
});

describe("a discharge recorded by hospital staff", () => {
  type Stay = { id: string; status: string; admittedAt: string };
  let admitted: Stay;

  async function staysOfKaren() {
    const response = await demo.app.inject({
      url: `/api/citizens/${karenId}/pathway`,
      headers: await as("demo.sygeplejerske"),
    });
    return (response.json() as { stays: Stay[] }).stays;
  }

  it("creates the handovers with the ward's note, like a HospitalNotification would", async () => {
    const flow = stay("handover-staff");
    flow.admit({ class: "inpatient", at: "2026-11-20T09:00:00+01:00" });
    await send(flow);
    admitted = (await staysOfKaren()).find((s) => s.status === "admitted") as Stay;
    expect(admitted).toBeDefined();
    const early = await post("demo.sygeplejerske", `/api/stays/${admitted.id}/discharge`, {
      dischargedAt: "2026-11-19T09:00:00+01:00",
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: "dischargedAt" });
    const notOurs = await post("demo.visitator", `/api/stays/${admitted.id}/discharge`, {});
    expect(notOurs.statusCode).toBe(403);

    const ok = await post("demo.sygeplejerske", `/api/stays/${admitted.id}/discharge`, {
      dischargedAt: "2026-11-21T10:00:00+01:00",
      note: "Ny insulindosis; sårpleje dagligt",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: "discharged" });
    const items = (await worklist("demo.visitator")) as (Item & { note: string | null })[];
    const mine = items.find((i) => i.stayId === admitted.id);
    expect(mine).toMatchObject({ status: "open", note: "Ny insulindosis; sårpleje dagligt" });
    const p = await staysOfKaren();
    expect(p.find((s) => s.id === admitted.id)?.status).toBe("discharged");
  });

  it("refuses to discharge a stay twice, with the stay's state", async () => {
    const again = await post("demo.sygeplejerske", `/api/stays/${admitted.id}/discharge`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain("discharged");
  });

  it("lets the ward correct its note; a receiver who read the old one must read again", async () => {
    const items = (await worklist("demo.visitator")) as (Item & { note: string | null })[];
    const mine = items.find((i) => i.stayId === admitted.id) as Item;
    const put = async (username: string, payload: object) =>
      demo.app.inject({
        method: "PUT",
        url: `/api/handovers/${mine.id}/note`,
        headers: await as(username),
        payload,
      });
    const refused = await put("demo.visitator", { version: mine.version, note: "x" });
    expect(refused.statusCode).toBe(403);
    const ok = await put("demo.sygeplejerske", {
      version: mine.version,
      note: "Ny insulindosis 12 IE; sårpleje dagligt",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(mine.version + 1);
    const stale = await post("demo.visitator", `/api/handovers/${mine.id}/confirm`, {
      version: mine.version,
    });
    expect(stale.statusCode).toBe(409);
    const history = await demo.database.db
      .selectFrom("handoverTransition")
      .select("kind")
      .where("handoverId", "=", mine.id)
      .orderBy("id")
      .execute();
    expect(history.map((h) => h.kind)).toEqual(["created", "note-changed"]);
  });
});
