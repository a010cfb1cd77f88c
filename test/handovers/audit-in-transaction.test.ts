import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { authHeaders, citizenRegistryOf, type DemoApp, demoApp } from "../support/access.ts";
import { integrationToken, participantOf, postMessage } from "../support/messages.ts";

/**
 * A change to a citizen's handover (the ward's note, a confirmation, a
 * decline, an undo, sending it on) writes its audit entry in the change's own
 * transaction: when the entry cannot be written, the change is not made
 * either. The audit table is made to refuse the allowed entries of these
 * actions (a check constraint on this test's own database), on the engine the
 * suite runs on (PGlite, or PostgreSQL with TEST_DATABASE_URL).
 */
let demo: DemoApp;
let now = new Date("2026-11-19T09:00:00Z");
let handoverId = "";
let slagelse = "";
const ACTIONS = ["write-note", "confirm", "decline", "undo", "reroute"];

const refuseHandoverEntries = () =>
  sql`alter table audit_log add constraint test_refuses_handover_entries
    check (outcome = 'denied' or resource <> 'handover'
      or action not in (${sql.raw(ACTIONS.map((a) => `'${a}'`).join(", "))}))
    not valid`.execute(demo.database.db);
const acceptHandoverEntries = () =>
  sql`alter table audit_log drop constraint test_refuses_handover_entries`.execute(
    demo.database.db,
  );

beforeAll(async () => {
  demo = await demoApp({ seed: { activity: false }, clock: () => now });
  const db = demo.database.db;
  slagelse = (
    await db
      .selectFrom("organisation")
      .select("id")
      .where("kind", "=", "municipality")
      .where("municipalityCode", "=", "330")
      .executeTakeFirstOrThrow()
  ).id;
  const patient = { cpr: "0711453456", family: "Revision", given: ["Rikke"] };
  await citizenRegistryOf(demo).register({
    cpr: patient.cpr,
    name: `${patient.given[0]} ${patient.family}`,
    homeMunicipalityCode: "370",
    listedPracticeId: null,
    synthetic: true,
  });
  const flow = new NotificationFlow(
    participants("audit-tx-1", {
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
  handoverId = (
    await db
      .selectFrom("handover")
      .select("id")
      .where("sector", "=", "municipality")
      .where("dischargedAt", "=", new Date("2026-11-18T10:00:00+01:00"))
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => demo.close());

async function call(username: string, method: "POST" | "PUT", url: string, payload: object) {
  return demo.app.inject({
    method,
    url,
    headers: authHeaders(await demo.sessionOf(username)),
    payload,
  });
}
const state = () =>
  demo.database.db
    .selectFrom("handover")
    .select(["status", "version", "note", "receiverOrganisationId"])
    .where("id", "=", handoverId)
    .executeTakeFirstOrThrow();
const transitions = async () =>
  (
    await demo.database.db
      .selectFrom("handoverTransition")
      .select("kind")
      .where("handoverId", "=", handoverId)
      .orderBy("id")
      .execute()
  ).map((t) => t.kind);
const allowedEntries = async () =>
  (
    await demo.database.db
      .selectFrom("auditLog")
      .select("action")
      .where("resource", "=", "handover")
      .where("outcome", "=", "allowed")
      .where("action", "in", ACTIONS)
      .orderBy("id")
      .execute()
  ).map((a) => a.action);

/** With the audit refusing, the change fails as a server error and nothing of it is kept. */
async function refusedWithoutTrace(change: () => ReturnType<typeof call>) {
  const before = { handover: await state(), history: await transitions() };
  await refuseHandoverEntries();
  try {
    const response = await change();
    expect(response.statusCode, response.body).toBe(500);
  } finally {
    await acceptHandoverEntries();
  }
  expect(await state()).toEqual(before.handover);
  expect(await transitions()).toEqual(before.history);
}

describe("a handover change whose audit entry cannot be written is not made", () => {
  const url = (what: string) => `/api/handovers/${handoverId}/${what}`;

  it("keeps neither the ward's note, a confirmation nor a decline", async () => {
    const { version } = await state();
    await refusedWithoutTrace(() =>
      call("demo.sygeplejerske", "PUT", url("note"), { version, note: "Ny dosis" }),
    );
    await refusedWithoutTrace(() => call("demo.visitator", "POST", url("confirm"), { version }));
    await refusedWithoutTrace(() =>
      call("demo.visitator", "POST", url("decline"), { version, reason: "citizen-moved" }),
    );
    expect(await allowedEntries()).toEqual([]);
  });

  it("keeps no undo, and no sending on", async () => {
    const confirmed = await call("demo.visitator", "POST", url("confirm"), {
      version: (await state()).version,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    now = new Date("2026-11-19T09:02:00Z");
    await refusedWithoutTrace(() =>
      call("demo.visitator", "POST", url("undo"), { version: confirmed.json().version }),
    );
    const undone = await call("demo.visitator", "POST", url("undo"), {
      version: confirmed.json().version,
    });
    expect(undone.statusCode, undone.body).toBe(200);
    const declined = await call("demo.visitator", "POST", url("decline"), {
      version: undone.json().version,
      reason: "citizen-moved",
    });
    expect(declined.statusCode, declined.body).toBe(200);
    await refusedWithoutTrace(() =>
      call("demo.sygeplejerske", "POST", url("reroute"), {
        version: declined.json().version,
        receiverOrganisationId: slagelse,
      }),
    );
    expect(await allowedEntries()).toEqual(["confirm", "undo", "decline"]);
  });
});
