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
 * Issue 18, point 8: a death closes every open (or declined) handover of the
 * citizen, of every stay and every receiver, not only those of the stay in
 * which they died; the transition says that the citizen died, and when. It
 * happens in the death notification's transaction, other citizens' handovers
 * are untouched, a death told again changes nothing, and a discharge told
 * after the death (messages out of order) opens no handover.
 */

let demo: DemoApp;
let token: string;
const sessions = new Map<string, Session>();

const sender = participantOf(DEMO_UNITS.slagelseMedical);
const receiver = participantOf(DEMO_UNITS.naestvedHomeNursing);
/** All live in Næstved and are listed with the demo practice there. */
const dies = { cpr: "0403551238", family: "Doedsfald", given: ["Dorte", "Test"] };
const lives = { cpr: "0503551232", family: "Levende", given: ["Lene", "Test"] };
const late = { cpr: "0603551236", family: "Sildig", given: ["Sigrid", "Test"] };
const ids = new Map<string, string>();

beforeAll(async () => {
  // Its messages sit on fixed November 2026 dates, so the app's now is fixed after them
  // (the demo's citizens with it): who may still read the citizen is judged the same on
  // any day the suite runs.
  demo = await demoApp({ clock: clockFrom("2026-12-03T12:00:00Z") });
  token = await integrationToken(demo.database.db);
  const practice = await demo.database.db
    .selectFrom("generalPractice")
    .select("id")
    .where("providerNumber", "=", "990001")
    .executeTakeFirstOrThrow();
  const citizens = citizenRegistryOf(demo);
  for (const p of [dies, lives, late]) {
    const registered = await citizens.register({
      cpr: p.cpr,
      name: `${p.given.join(" ")} ${p.family}`,
      homeMunicipalityCode: "370",
      listedPracticeId: practice.id,
      synthetic: true,
    });
    ids.set(p.cpr, registered.id);
  }
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

function stay(seed: string, patient: typeof dies) {
  return new NotificationFlow(participants(seed, { sender, receiver, patient }));
}

/** Posts the flow's messages from `from` on; each must be acknowledged ok. */
async function send(flow: NotificationFlow, from = 0) {
  for (const m of flow.messages.slice(from)) {
    const { response } = await postMessage(demo.app, token, m);
    expect(response.statusCode, response.body).toBe(200);
  }
}

function handoversOf(citizenCpr: string) {
  return demo.database.db
    .selectFrom("handover")
    .select(["id", "stayId", "sector", "status", "statusReason", "version"])
    .where("citizenId", "=", ids.get(citizenCpr) ?? "")
    .orderBy("dischargedAt")
    .orderBy("sector")
    .execute();
}

function transitionsOf(handoverIds: string[]) {
  return demo.database.db
    .selectFrom("handoverTransition")
    .select(["handoverId", "kind", "fromStatus", "toStatus", "reason"])
    .where("handoverId", "in", handoverIds)
    .orderBy("id")
    .execute();
}

/** A discharged stay with its two handovers open. */
async function dischargedStay(seed: string, patient: typeof dies, day: string) {
  const flow = stay(seed, patient);
  flow.admit({ class: "inpatient", at: `2026-11-${day}T09:00:00+01:00` });
  flow.discharge({ at: `2026-11-${day}T15:00:00+01:00` });
  await send(flow);
  return flow;
}

describe("a death closes every open handover of the citizen", () => {
  let deathFlow: NotificationFlow;

  it("closes the handovers of an earlier stay when the citizen dies in a later one", async () => {
    await dischargedStay("death-earlier-1", dies, "02");
    await dischargedStay("death-earlier-2", dies, "05");
    await dischargedStay("death-other", lives, "05");
    const before = await handoversOf(dies.cpr);
    expect(before).toHaveLength(4);
    expect(before.every((h) => h.status === "open")).toBe(true);

    // The municipality declines one of them: a declined handover closes too.
    const municipal = before.find((h) => h.sector === "municipality");
    const declined = await demo.app.inject({
      method: "POST",
      url: `/api/handovers/${municipal?.id}/decline`,
      headers: await as("demo.visitator"),
      payload: { version: municipal?.version, reason: "other", note: "Ikke vores" },
    });
    expect(declined.statusCode, declined.body).toBe(200);

    deathFlow = stay("death-later", dies);
    deathFlow.admit({ class: "inpatient", at: "2026-11-09T22:00:00+01:00" });
    deathFlow.die({ at: "2026-11-10T00:30:00+01:00" });
    await send(deathFlow);

    const after = await handoversOf(dies.cpr);
    expect(after).toHaveLength(4);
    for (const h of after) {
      expect(h.status).toBe("closed");
      expect(h.statusReason).toBe("death");
    }
    const closings = (await transitionsOf(after.map((h) => h.id))).filter(
      (t) => t.kind === "closed",
    );
    expect(closings).toHaveLength(4);
    // The death in Danish time: half past midnight on 10 November (23:30 UTC on the 9th).
    for (const t of closings) expect(t.reason).toBe("the citizen died on 2026-11-10 (Danish time)");
    expect(closings.map((t) => t.fromStatus).sort()).toEqual(["declined", "open", "open", "open"]);
  });

  it("leaves another citizen's handovers open", async () => {
    const other = await handoversOf(lives.cpr);
    expect(other).toHaveLength(2);
    expect(other.every((h) => h.status === "open")).toBe(true);
  });

  it("tells each receiver that the handover closed because the citizen died", async () => {
    const closed = await handoversOf(dies.cpr);
    const told = await demo.database.db
      .selectFrom("notification")
      .select(["handoverId", "kind", "payload"])
      .where(
        "handoverId",
        "in",
        closed.map((h) => h.id),
      )
      .where("kind", "=", "handover.closed")
      .execute();
    expect(told).toHaveLength(4);
    for (const n of told)
      expect((n.payload as { handover: { reason?: string } }).handover.reason).toBe("death");
  });

  it("takes the handovers off the receivers' worklists and the citizen's page", async () => {
    const worklist = await demo.app.inject({
      url: "/api/handovers",
      headers: await as("demo.visitator"),
    });
    expect(worklist.statusCode, worklist.body).toBe(200);
    const items = (worklist.json() as { items: { citizenId: string }[] }).items;
    expect(items.some((i) => i.citizenId === ids.get(dies.cpr))).toBe(false);
    expect(items.some((i) => i.citizenId === ids.get(lives.cpr))).toBe(true);

    const pathway = await demo.app.inject({
      url: `/api/citizens/${ids.get(dies.cpr)}/pathway`,
      headers: await as("demo.sygeplejerske"),
    });
    expect(pathway.statusCode, pathway.body).toBe(200);
    const p = pathway.json() as {
      responsibility: { reason: string; awaitingConfirmationFrom: unknown[] };
      handovers: { status: string }[];
    };
    expect(p.responsibility.reason).toBe("deceased");
    expect(p.responsibility.awaitingConfirmationFrom).toEqual([]);
    expect(p.handovers.every((h) => h.status === "closed")).toBe(true);
  });

  it("changes nothing when the death is told again or its time corrected", async () => {
    const closed = await handoversOf(dies.cpr);
    const before = await transitionsOf(closed.map((h) => h.id));
    await send(deathFlow, deathFlow.messages.length - 1);
    deathFlow.revise({ at: "2026-11-10T00:10:00+01:00", sentAt: "2026-11-10T08:00:00+01:00" });
    await send(deathFlow, deathFlow.messages.length - 1);
    expect(await handoversOf(dies.cpr)).toEqual(closed);
    expect(await transitionsOf(closed.map((h) => h.id))).toEqual(before);
  });

  it("opens no handover for a discharge told after the citizen's death", async () => {
    const death = stay("late-death", late);
    death.admit({ class: "inpatient", at: "2026-11-12T08:00:00+01:00" });
    death.die({ at: "2026-11-13T04:00:00+01:00" });
    await send(death);
    // An earlier stay's discharge, sent late.
    await dischargedStay("late-earlier", late, "03");
    expect(await handoversOf(late.cpr)).toEqual([]);
  });
});
