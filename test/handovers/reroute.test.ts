import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSweeper } from "../../src/handovers/sweeper.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import {
  addStaff,
  authHeaders,
  citizenRegistryOf,
  type DemoApp,
  demoApp,
} from "../support/access.ts";
import { clockFrom } from "../support/clock.ts";
import { integrationToken, participantOf, postMessage } from "../support/messages.ts";

/**
 * Issue 6, point 3: a decline never silently disappears, and it does not
 * strand the citizen either. The discharging hospital (or the body's
 * coordinator) sends the declined handover on to the right receiver; it
 * opens again with a deadline from now, the new receiver hears of it, and
 * its escalation ladder starts over.
 */

let demo: DemoApp;
const appClock = clockFrom("2026-11-19T09:00:00Z");
let handoverId = "";
let slagelse = "";
const patient = { cpr: "0411521238", family: "Omvej", given: ["Olga"] };

beforeAll(async () => {
  // Judged by fixed clocks: only this file's own citizens, never the demo's, which sit
  // around the day the suite runs; the app's now is the morning after the discharge, so
  // the re-route's new deadline lies between the sweeps' fixed clocks on any day.
  demo = await demoApp({ seed: { activity: false }, clock: appClock });
  const db = demo.database.db;
  const municipality = await db
    .selectFrom("organisation")
    .select("id")
    .where("kind", "=", "municipality")
    .where("municipalityCode", "=", "330")
    .executeTakeFirstOrThrow();
  slagelse = municipality.id;
  const secretariat = await db
    .selectFrom("organisation")
    .select("id")
    .where("kind", "=", "body_secretariat")
    .where("bodyId", "=", "naestved-slagelse")
    .executeTakeFirstOrThrow();
  await addStaff(db, {
    username: "test.klynge",
    displayName: "Kirsten Klynge",
    organisationId: secretariat.id,
    role: "coordinator",
  });
  await addStaff(db, {
    username: "test.slagelse",
    displayName: "Sune Slagelse",
    organisationId: slagelse,
    role: "coordinator",
  });
  const citizens = citizenRegistryOf(demo);
  await citizens.register({
    cpr: patient.cpr,
    name: "Olga Omvej",
    homeMunicipalityCode: "370",
    listedPracticeId: null,
    synthetic: true,
  });
  const flow = new NotificationFlow(
    participants("reroute-1", {
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
  const handover = await db
    .selectFrom("handover")
    .select("id")
    .where("dischargedAt", "=", new Date("2026-11-18T09:00:00Z"))
    .where("sector", "=", "municipality")
    .executeTakeFirstOrThrow();
  handoverId = handover.id;
});
afterAll(() => demo.close());

async function call(username: string, method: "GET" | "POST", url: string, payload?: object) {
  return demo.app.inject({
    method,
    url,
    headers: authHeaders(await demo.sessionOf(username)),
    ...(payload ? { payload } : {}),
  });
}

const state = () =>
  demo.database.db
    .selectFrom("handover")
    .select(["status", "version", "route", "receiverOrganisationId", "deadlineAt", "note"])
    .where("id", "=", handoverId)
    .executeTakeFirstOrThrow();

const worklistIds = async (username: string) =>
  (
    (await call(username, "GET", "/api/handovers?limit=200")).json() as { items: { id: string }[] }
  ).items.map((i) => i.id);

describe("sending a declined handover on", () => {
  it("is refused while the handover is open: only a decline is sent on", async () => {
    const response = await call(
      "demo.sygeplejerske",
      "POST",
      `/api/handovers/${handoverId}/reroute`,
      {
        version: 1,
        receiverOrganisationId: slagelse,
      },
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().errors[0]).toMatchObject({ field: "version" });
    expect(response.json().errors[0].reason).toContain("it is open");
  });

  it("lets the first ladder step escalate while Næstved has it, then Næstved declines", async () => {
    const escalated = await createSweeper(demo.database.db, {
      clock: () => new Date("2026-11-18T20:00:00Z"),
    }).sweep();
    expect(escalated).toBeGreaterThan(0);
    const declined = await call("demo.visitator", "POST", `/api/handovers/${handoverId}/decline`, {
      version: 1,
      reason: "citizen-moved",
    });
    expect(declined.statusCode, declined.body).toBe(200);
  });

  it("refuses anyone but the discharging hospital and the body's coordinators, and audits it", async () => {
    const response = await call("demo.visitator", "POST", `/api/handovers/${handoverId}/reroute`, {
      version: 2,
      receiverOrganisationId: slagelse,
    });
    expect(response.statusCode).toBe(403);
    const audit = await demo.database.db
      .selectFrom("auditLog")
      .select(["outcome"])
      .where("action", "=", "reroute")
      .execute();
    expect(audit).toEqual([{ outcome: "denied" }]);
    const search = await call(
      "demo.laege",
      "GET",
      `/api/handovers/${handoverId}/receivers?name=Sla`,
    );
    expect(search.statusCode).toBe(403);
  });

  it("finds the municipalities by name for the ward (a municipal handover goes to a municipality)", async () => {
    const response = await call(
      "demo.sygeplejerske",
      "GET",
      `/api/handovers/${handoverId}/receivers?name=slagelse`,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual([
      { id: slagelse, name: "Slagelse Kommune", kind: "municipality" },
    ]);
    const short = await call(
      "demo.sygeplejerske",
      "GET",
      `/api/handovers/${handoverId}/receivers?name=S`,
    );
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe("name");
  });

  it("refuses a receiver of the wrong kind and a stale version, naming the field", async () => {
    const practice = await demo.database.db
      .selectFrom("organisation")
      .select("id")
      .where("kind", "=", "general_practice")
      .executeTakeFirstOrThrow();
    const wrongKind = await call(
      "demo.sygeplejerske",
      "POST",
      `/api/handovers/${handoverId}/reroute`,
      {
        version: 2,
        receiverOrganisationId: practice.id,
      },
    );
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().errors[0]).toMatchObject({ field: "receiverOrganisationId" });
    expect(wrongKind.json().errors[0].reason).toContain("must be a municipality");
    const stale = await call("demo.sygeplejerske", "POST", `/api/handovers/${handoverId}/reroute`, {
      version: 1,
      receiverOrganisationId: slagelse,
    });
    expect(stale.statusCode).toBe(409);
    expect((await state()).status).toBe("declined");
  });

  it("opens it again for the new municipality, with a deadline from now and the ward's new note", async () => {
    const before = appClock().getTime();
    const response = await call(
      "demo.sygeplejerske",
      "POST",
      `/api/handovers/${handoverId}/reroute`,
      {
        version: 2,
        receiverOrganisationId: slagelse,
        note: "Flyttet til Slagelse; hjemmesygepleje dagligt",
      },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: handoverId, status: "open", version: 3 });
    const now = await state();
    expect(now).toMatchObject({
      status: "open",
      route: 1,
      receiverOrganisationId: slagelse,
      note: "Flyttet til Slagelse; hjemmesygepleje dagligt",
    });
    expect(now.deadlineAt.getTime()).toBeGreaterThan(before);
    expect(await worklistIds("test.slagelse")).toContain(handoverId);
    expect(await worklistIds("demo.visitator")).not.toContain(handoverId);
    const history = await demo.database.db
      .selectFrom("handoverTransition")
      .select(["kind", "fromStatus", "toStatus", "reason"])
      .where("handoverId", "=", handoverId)
      .orderBy("id")
      .execute();
    // The evening's sweep found the whole ladder passed: unresolved, until the decline answered.
    expect(history.map((t) => t.kind).filter((k) => k !== "escalated")).toEqual([
      "created",
      "unresolved",
      "declined",
      "rerouted",
    ]);
    // Sent on, it starts the ladder again: no longer unresolved (issue 21 §1).
    const mark = await demo.database.db
      .selectFrom("handover")
      .select("unresolvedAt")
      .where("id", "=", handoverId)
      .executeTakeFirstOrThrow();
    expect(mark.unresolvedAt).toBeNull();
    expect(history.at(-1)).toMatchObject({
      fromStatus: "declined",
      toStatus: "open",
      reason: "to Slagelse Kommune",
    });
    const told = await demo.database.db
      .selectFrom("notification")
      .select(["kind", "organisationId"])
      .where("handoverId", "=", handoverId)
      .where("organisationId", "=", slagelse)
      .execute();
    expect(told).toEqual([{ kind: "handover.created", organisationId: slagelse }]);
  });

  it("climbs the new route's ladder from its first step when Slagelse does not confirm", async () => {
    await createSweeper(demo.database.db, {
      clock: () => new Date("2027-01-01T12:00:00Z"),
    }).sweep();
    const steps = await demo.database.db
      .selectFrom("handoverEscalation")
      .select(["route", "step", "targetOrganisationId"])
      .where("handoverId", "=", handoverId)
      .orderBy("route")
      .orderBy("step")
      .execute();
    const secondRoute = steps.filter((s) => s.route === 1);
    expect(secondRoute.map((s) => s.step)).toEqual([0, 1, 2]);
    expect(secondRoute[0]?.targetOrganisationId).toBe(slagelse);
    expect(steps.some((s) => s.route === 0 && s.step === 0)).toBe(true);
  });

  it("is not sent on twice: it is open again, so the coordinator's second send is a conflict", async () => {
    const again = await call("test.klynge", "POST", `/api/handovers/${handoverId}/reroute`, {
      version: 3,
      receiverOrganisationId: slagelse,
    });
    expect(again.statusCode).toBe(409);
  });
});
