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
import { integrationToken, participantOf, postMessage } from "../support/messages.ts";

/**
 * Issue 21, section 4: decisions are deliberate and can be undone. A decline
 * names a reason (none is chosen for the receiver) and "other" says why; the
 * organisation that confirmed or declined may take it back for ten minutes,
 * until someone else acts on it, and the undo is in the history.
 */

let demo: DemoApp;
/** The app's clock, set by each test: the window is judged to the second. */
let now = new Date("2026-11-19T09:00:00Z");
const at = (iso: string) => {
  now = new Date(iso);
};
let confirmedId = "";
let declinedId = "";
let naestved = "";

async function discharge(
  db: DemoApp["database"]["db"],
  id: string,
  patient: { cpr: string; family: string; given: string[] },
  dischargedAt: string,
) {
  await citizenRegistryOf(demo).register({
    cpr: patient.cpr,
    name: `${patient.given[0]} ${patient.family}`,
    homeMunicipalityCode: "370",
    listedPracticeId: null,
    synthetic: true,
  });
  const flow = new NotificationFlow(
    participants(id, {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient,
    }),
  );
  flow.admit({ class: "inpatient", at: "2026-11-16T09:00:00+01:00" });
  flow.discharge({ at: dischargedAt });
  const token = await integrationToken(db);
  for (const m of flow.messages) {
    const { response } = await postMessage(demo.app, token, m);
    expect(response.statusCode, response.body).toBe(200);
  }
  const handover = await db
    .selectFrom("handover")
    .select("id")
    .where("dischargedAt", "=", new Date(dischargedAt))
    .where("sector", "=", "municipality")
    .executeTakeFirstOrThrow();
  return handover.id;
}

beforeAll(async () => {
  demo = await demoApp({ seed: { activity: false }, clock: () => now });
  const db = demo.database.db;
  const organisation = (kind: "municipality", code: string) =>
    db
      .selectFrom("organisation")
      .select("id")
      .where("kind", "=", kind)
      .where("municipalityCode", "=", code)
      .executeTakeFirstOrThrow();
  naestved = (await organisation("municipality", "370")).id;
  // Næstved Kommune itself: a receiver of Næstved's handovers, but not the unit that decided.
  await addStaff(db, {
    username: "test.naestved",
    displayName: "Nanna Næstved",
    organisationId: naestved,
    role: "coordinator",
  });
  confirmedId = await discharge(
    db,
    "undo-1",
    { cpr: "0508431234", family: "Fortryd", given: ["Frida"] },
    "2026-11-18T10:00:00+01:00",
  );
  declinedId = await discharge(
    db,
    "undo-2",
    { cpr: "0609442345", family: "Afvist", given: ["Anker"] },
    "2026-11-18T11:00:00+01:00",
  );
});
afterAll(() => demo.close());

async function call(username: string, url: string, payload: object) {
  return demo.app.inject({
    method: "POST",
    url,
    headers: authHeaders(await demo.sessionOf(username)),
    payload,
  });
}
const undo = (username: string, id: string, version: number) =>
  call(username, `/api/handovers/${id}/undo`, { version });

const row = (id: string) =>
  demo.database.db
    .selectFrom("handover")
    .select([
      "status",
      "statusReason",
      "version",
      "deadlineAt",
      "nextEscalationAt",
      "escalationStep",
    ])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
const history = (id: string) =>
  demo.database.db
    .selectFrom("handoverTransition")
    .select([
      "kind",
      "fromStatus",
      "toStatus",
      "at",
      "actorUserId",
      "actorOrganisationId",
      "reason",
    ])
    .where("handoverId", "=", id)
    .orderBy("id")
    .execute();
const worklistIds = async (username: string) =>
  (
    (
      await demo.app.inject({
        method: "GET",
        url: "/api/handovers?limit=200",
        headers: authHeaders(await demo.sessionOf(username)),
      })
    ).json() as { items: { id: string }[] }
  ).items.map((i) => i.id);

describe("a decline names its reason", () => {
  it("refuses a decline without a reason, naming the field", async () => {
    const response = await call("demo.visitator", `/api/handovers/${declinedId}/decline`, {
      version: 1,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().errors).toEqual([
      expect.objectContaining({
        in: "body",
        field: "reason",
        reason: expect.stringContaining("required"),
      }),
    ]);
    expect((await row(declinedId)).status).toBe("open");
  });

  it("refuses 'other' without words, naming the note, and takes any reason with words", async () => {
    for (const note of [undefined, "   "]) {
      const response = await call("demo.visitator", `/api/handovers/${declinedId}/decline`, {
        version: 1,
        reason: "other",
        ...(note === undefined ? {} : { note }),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        expect.objectContaining({ field: "note", reason: "is required when the reason is other" }),
      ]);
    }
    const tooLong = await call("demo.visitator", `/api/handovers/${declinedId}/decline`, {
      version: 1,
      reason: "citizen-moved",
      note: "x".repeat(2001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].field).toBe("note");
    expect((await row(declinedId)).status).toBe("open");
  });
});

describe("undoing a confirmation", () => {
  let before: Awaited<ReturnType<typeof row>>;

  it("confirms, and says until when it can be undone", async () => {
    before = await row(confirmedId);
    expect(before.nextEscalationAt).not.toBeNull();
    at("2026-11-19T09:00:00Z");
    const response = await call("demo.visitator", `/api/handovers/${confirmedId}/confirm`, {
      version: 1,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      id: confirmedId,
      status: "confirmed",
      version: 2,
      decidedAt: "2026-11-19T09:00:00.000Z",
      undoableUntil: "2026-11-19T09:10:00.000Z",
    });
    expect(await worklistIds("demo.sygeplejerske")).not.toContain(confirmedId);
  });

  it("refuses another organisation, even a receiver, and audits it", async () => {
    at("2026-11-19T09:01:00Z");
    const other = await undo("test.naestved", confirmedId, 2);
    expect(other.statusCode).toBe(403);
    expect(other.json().i18n.key).toBe("handovers.undo.not-own-decision");
    const hospital = await undo("demo.sygeplejerske", confirmedId, 2);
    expect(hospital.statusCode).toBe(403);
    const audit = await demo.database.db
      .selectFrom("auditLog")
      .select("outcome")
      .where("action", "=", "undo")
      .execute();
    expect(audit).toEqual([{ outcome: "denied" }, { outcome: "denied" }]);
  });

  it("undoes at 9:59: open again with its deadline and escalation, on the worklists, in the history", async () => {
    at("2026-11-19T09:09:59Z");
    const stale = await undo("demo.visitator", confirmedId, 1);
    expect(stale.statusCode).toBe(409);
    const response = await undo("demo.visitator", confirmedId, 2);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ id: confirmedId, status: "open", version: 3 });
    const after = await row(confirmedId);
    expect(after).toMatchObject({
      status: "open",
      statusReason: null,
      deadlineAt: before.deadlineAt,
      nextEscalationAt: before.nextEscalationAt,
      escalationStep: before.escalationStep,
    });
    const last = (await history(confirmedId)).at(-1);
    expect(last).toMatchObject({
      kind: "undone",
      fromStatus: "confirmed",
      toStatus: "open",
      at: new Date("2026-11-19T09:09:59Z"),
      actorUserId: expect.any(String),
      actorOrganisationId: expect.any(String),
    });
    // Nothing counts it as taken over: the citizen's pathway waits for the municipality again,
    // with no decision, and the ward and the receiver see it as waiting on their worklists.
    const citizen = await demo.database.db
      .selectFrom("handover")
      .select("citizenId")
      .where("id", "=", confirmedId)
      .executeTakeFirstOrThrow();
    const pathway = await demo.app.inject({
      url: `/api/citizens/${citizen.citizenId}/pathway`,
      headers: authHeaders(await demo.sessionOf("demo.sygeplejerske")),
    });
    expect(pathway.statusCode, pathway.body).toBe(200);
    const { handovers, responsibility } = pathway.json() as {
      handovers: { sector: string; status: string; decidedAt: string | null }[];
      responsibility: { reason: string; awaitingConfirmationFrom: { name: string }[] };
    };
    expect(handovers.find((h) => h.sector === "municipality")).toMatchObject({
      status: "open",
      decidedAt: null,
    });
    // The citizen has no listed GP: the pathway waits for the municipality and says no GP
    // was asked (issue 21, part 5), never "until the municipality and the GP confirm".
    expect(responsibility.reason).toBe("discharged-no-gp");
    expect(responsibility.awaitingConfirmationFrom.map((p) => p.name)).toContain("Næstved Kommune");
    expect(await worklistIds("demo.sygeplejerske")).toContain(confirmedId);
    expect(await worklistIds("demo.visitator")).toContain(confirmedId);
    const told = await demo.database.db
      .selectFrom("notification")
      .select("kind")
      .where("handoverId", "=", confirmedId)
      .where("kind", "=", "handover.undone")
      .execute();
    expect(told).toHaveLength(1);
    const audit = await demo.database.db
      .selectFrom("auditLog")
      .select("outcome")
      .where("action", "=", "undo")
      .where("outcome", "=", "allowed")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("is chased again: the sweeper escalates the reopened handover, its deadline long past", async () => {
    const escalated = await createSweeper(demo.database.db, { clock: () => now }).sweep();
    expect(escalated).toBeGreaterThan(0);
    const after = await row(confirmedId);
    expect(after.escalationStep).toBeGreaterThan(before.escalationStep);
    expect(after.version).toBe(3);
  });

  it("does not undo an undo", async () => {
    const response = await undo("demo.visitator", confirmedId, 3);
    expect(response.statusCode).toBe(409);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().i18n.key).toBe("handovers.undo.already-undone");
  });

  it("refuses at 10:00 and at 10:01 after a new confirmation", async () => {
    at("2026-11-19T10:00:00Z");
    const confirmed = await call("demo.visitator", `/api/handovers/${confirmedId}/confirm`, {
      version: 3,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    for (const when of ["2026-11-19T10:10:00Z", "2026-11-19T10:10:01Z"]) {
      at(when);
      const response = await undo("demo.visitator", confirmedId, 4);
      expect(response.statusCode).toBe(409);
      expect(response.json().i18n.key).toBe("handovers.undo.too-late");
      expect(response.json().detail).toContain("10 minutes");
    }
    expect((await row(confirmedId)).status).toBe("confirmed");
  });
});

describe("undoing a decline", () => {
  it("declines for another reason with words, and undoes it", async () => {
    at("2026-11-19T11:00:00Z");
    const declined = await call("demo.visitator", `/api/handovers/${declinedId}/decline`, {
      version: 1,
      reason: "other",
      note: "Borgeren er på ferie i Spanien",
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect((await history(declinedId)).at(-1)?.reason).toBe(
      "other: Borgeren er på ferie i Spanien",
    );
    at("2026-11-19T11:05:00Z");
    const response = await undo("demo.visitator", declinedId, 2);
    expect(response.statusCode, response.body).toBe(200);
    expect(await row(declinedId)).toMatchObject({ status: "open", statusReason: null });
  });

  it("refuses once the hospital has sent it on, even back to the same municipality", async () => {
    at("2026-11-19T11:06:00Z");
    const declined = await call("demo.visitator", `/api/handovers/${declinedId}/decline`, {
      version: 3,
      reason: "citizen-moved",
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const sent = await call("demo.sygeplejerske", `/api/handovers/${declinedId}/reroute`, {
      version: 4,
      receiverOrganisationId: naestved,
      note: "Borgeren bor stadig i Næstved",
    });
    expect(sent.statusCode, sent.body).toBe(200);
    at("2026-11-19T11:07:00Z");
    const response = await undo("demo.visitator", declinedId, 5);
    expect(response.statusCode).toBe(409);
    expect(response.json().i18n.key).toBe("handovers.undo.acted-on-since");
    expect((await row(declinedId)).status).toBe("open");
    const kinds = (await history(declinedId)).map((t) => t.kind).filter((k) => k !== "escalated");
    // The sweep of the morning found its whole ladder passed: unresolved before the decisions.
    expect(kinds).toEqual(["created", "unresolved", "declined", "undone", "declined", "rerouted"]);
  });
});
