import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminService, operator } from "../../src/access/admin-service.ts";
import { BODY_COORDINATOR_RELATION_DAYS } from "../../src/access/handover-relations.ts";
import { createSweeper } from "../../src/handovers/sweeper.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import {
  addStaff,
  authHeaders,
  citizenRegistryOf,
  DEMO_PASSWORD,
  type DemoApp,
  demoApp,
} from "../support/access.ts";
import { integrationToken, participantOf, postMessage } from "../support/messages.ts";

/**
 * Issue 21, part 2: the people who must act on a handover see whom they act
 * for. Olga lives in Næstved and is discharged from Slagelse; nobody
 * confirms, the ladder reaches the cluster's coordinator, a month later
 * Næstved declines ("she has moved"), the ward sends it on to Slagelse, and
 * Slagelse confirms. Through the HTTP API as the demo roles, with the app's
 * clock moved along by the test.
 */

let demo: DemoApp;
let now = new Date("2026-10-01T09:00:00Z");
const clock = () => now;
const DAY = 24 * 3_600_000;
const WINDOW = BODY_COORDINATOR_RELATION_DAYS * DAY;
let handoverId = "";
let olgaId = "";
let slagelse = "";
const patient = { cpr: "0411521238", family: "Omvej", given: ["Olga"] };
const OLGA = "Olga Omvej";

beforeAll(async () => {
  demo = await demoApp({ seed: { activity: false }, clock });
  const db = demo.database.db;
  const orgId = (kind: "municipality" | "body_secretariat", column: string, value: string) =>
    db
      .selectFrom("organisation")
      .select("id")
      .where("kind", "=", kind)
      .where(column as "municipalityCode", "=", value)
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  slagelse = await orgId("municipality", "municipalityCode", "330");
  const staff = [
    ["test.klynge", await orgId("body_secretariat", "bodyId", "naestved-slagelse")],
    ["test.anden.klynge", await orgId("body_secretariat", "bodyId", "nykoebing-f")],
    ["test.slagelse", slagelse],
  ] as const;
  for (const [username, organisationId] of staff)
    await addStaff(db, { username, displayName: username, organisationId, role: "coordinator" });
  const olga = await citizenRegistryOf(demo).register({
    cpr: patient.cpr,
    name: OLGA,
    homeMunicipalityCode: "370",
    listedPracticeId: null,
    synthetic: true,
  });
  olgaId = olga.id;
  await createAdminService(db).createUser(
    {
      username: "test.olga",
      displayName: OLGA,
      kind: "citizen",
      citizenId: olgaId,
      password: DEMO_PASSWORD,
    },
    operator("test"),
  );
  const flow = new NotificationFlow(
    participants("relations-1", {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient,
    }),
  );
  flow.admit({ class: "inpatient", at: "2026-09-28T09:00:00+02:00" });
  flow.discharge({ at: "2026-10-01T10:00:00+02:00" });
  const token = await integrationToken(db);
  for (const m of flow.messages) {
    const { response } = await postMessage(demo.app, token, m);
    expect(response.statusCode, response.body).toBe(200);
  }
  const handover = await db
    .selectFrom("handover")
    .select("id")
    .where("citizenId", "=", olgaId)
    .where("sector", "=", "municipality")
    .executeTakeFirstOrThrow();
  handoverId = handover.id;
  // Olga has no listed GP, so her discharge also asked who follows up medically (issue 21,
  // part 5); the ward decides it at once, so what follows is about her handover alone.
  const item = await db
    .selectFrom("medicalFollowUp")
    .select(["id", "version"])
    .where("citizenId", "=", olgaId)
    .executeTakeFirstOrThrow();
  const resolved = await call("demo.sygeplejerske", "POST", `/api/follow-ups/${item.id}/resolve`, {
    version: item.version,
    resolution: { kind: "not-needed", reason: "Kontrol hos egen læge i Sverige er aftalt" },
  });
  expect(resolved.statusCode, resolved.body).toBe(200);
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

type Item = {
  id: string;
  citizenName: string | null;
  relationScope: string | null;
  note: string | null;
  declineNote: string | null;
  version: number;
};
async function itemOf(username: string, query = "") {
  const response = await call(username, "GET", `/api/handovers?limit=200${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: Item[] }).items.find((i) => i.id === handoverId);
}

/** The relation of the last audit row of `username`'s reads of Olga. */
async function lastRead(username: string) {
  const row = await demo.database.db
    .selectFrom("auditLog as a")
    .innerJoin("appUser as u", "u.id", "a.userId")
    .select(["a.outcome", "a.relation", "a.resource"])
    .where("u.username", "=", username)
    .where("a.citizenId", "=", olgaId)
    .orderBy("a.id", "desc")
    .executeTakeFirst();
  return row;
}

const readCitizen = (username: string) => call(username, "GET", `/api/citizens/${olgaId}`);

describe("a handover the cluster's coordinator was called in on", () => {
  it("hides Olga from the coordinator while the handover is only overdue to the receiver", async () => {
    now = new Date("2026-10-01T12:30:00Z");
    await createSweeper(demo.database.db, { clock }).sweep();
    const item = await itemOf("test.klynge");
    expect(item).toMatchObject({ citizenName: null, relationScope: null });
    expect(await lastRead("test.klynge")).toMatchObject({ outcome: "denied", relation: null });
  });

  it("names her once the ladder reaches the coordinator: name and basic facts only", async () => {
    now = new Date("2026-10-01T18:00:00Z");
    await createSweeper(demo.database.db, { clock }).sweep();
    const item = await itemOf("test.klynge");
    expect(item).toMatchObject({ citizenName: OLGA, relationScope: "basic", note: null });
    expect(await lastRead("test.klynge")).toEqual({
      outcome: "allowed",
      relation: "body-coordinator-overdue",
      resource: "worklist",
    });
    // Not the course of care: the citizen record is refused, and the refusal says why.
    const record = await readCitizen("test.klynge");
    expect(record.statusCode).toBe(403);
    expect(record.json().i18n?.key ?? record.body).toContain("basicOnly");
    // Another cluster's coordinator gets nothing.
    expect((await readCitizen("test.anden.klynge")).statusCode).toBe(403);
    expect(await lastRead("test.anden.klynge")).toMatchObject({ outcome: "denied" });
  });
});

describe("the discharging hospital while the handover is open", () => {
  it("still names her a month after discharge, past its own 30 days", async () => {
    now = new Date("2026-11-01T10:00:00Z");
    const item = await itemOf("demo.sygeplejerske");
    expect(item).toMatchObject({ citizenName: OLGA, relationScope: "full" });
    expect(await lastRead("demo.sygeplejerske")).toMatchObject({
      outcome: "allowed",
      relation: "handover-discharging-hospital",
    });
    expect((await readCitizen("demo.sygeplejerske")).statusCode).toBe(200);
  });
});

describe("a decline, a reroute and a confirmation", () => {
  it("shows the coordinator and the hospital the municipality's decline note", async () => {
    now = new Date("2026-11-01T10:05:00Z");
    const declined = await call("demo.visitator", "POST", `/api/handovers/${handoverId}/decline`, {
      version: 1,
      reason: "citizen-moved",
      note: "Flyttet til Slagelse i september",
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const seen = await itemOf("test.klynge");
    expect(seen).toMatchObject({
      citizenName: OLGA,
      declineNote: "Flyttet til Slagelse i september",
    });
    expect(await lastRead("test.klynge")).toMatchObject({
      relation: "body-coordinator-declined-municipality",
    });
    expect(await itemOf("demo.sygeplejerske")).toMatchObject({
      declineNote: "Flyttet til Slagelse i september",
    });
  });

  it("gives the new receiver the name once the ward sends it on", async () => {
    now = new Date("2026-11-01T10:10:00Z");
    const before = await call("test.slagelse", "GET", `/api/citizens/${olgaId}`);
    expect(before.statusCode).toBe(403);
    const sent = await call("demo.sygeplejerske", "POST", `/api/handovers/${handoverId}/reroute`, {
      version: 2,
      receiverOrganisationId: slagelse,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(await itemOf("test.slagelse")).toMatchObject({ citizenName: OLGA });
    expect(await lastRead("test.slagelse")).toMatchObject({ relation: "handover-receiver" });
    // Open again with a deadline from now: off the coordinator's list until it is overdue.
    expect(await itemOf("test.klynge")).toBeUndefined();
  });

  it("ends the hospital's and the receiver's relation with the confirmation", async () => {
    now = new Date("2026-11-01T10:30:00Z");
    const confirmed = await call("test.slagelse", "POST", `/api/handovers/${handoverId}/confirm`, {
      version: 3,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await readCitizen("demo.sygeplejerske")).statusCode).toBe(403);
    expect(await lastRead("demo.sygeplejerske")).toMatchObject({ outcome: "denied" });
    expect((await readCitizen("test.slagelse")).statusCode).toBe(403);
  });

  it("ends the coordinator's two weeks after the confirmation: just before, at", async () => {
    const confirmedAt = new Date("2026-11-01T10:30:00Z").getTime();
    now = new Date(confirmedAt + WINDOW - 60_000);
    expect(await itemOf("test.klynge", "&status=confirmed")).toMatchObject({ citizenName: OLGA });
    now = new Date(confirmedAt + WINDOW + 1);
    expect(await itemOf("test.klynge", "&status=confirmed")).toMatchObject({ citizenName: null });
    expect(await lastRead("test.klynge")).toMatchObject({ outcome: "denied", relation: null });
  });
});

describe("Olga's own access log", () => {
  type Entry = {
    organisationName: string | null;
    relation: string | null;
    bodyKind: string | null;
    outcome: string;
  };
  it("says who read her name and why, as what each relation is", async () => {
    const response = await call("test.olga", "GET", "/api/me/access-log");
    expect(response.statusCode, response.body).toBe(200);
    const allowed = (response.json() as Entry[]).filter((e) => e.outcome === "allowed");
    const said = (relation: string) => allowed.find((e) => e.relation === relation);
    expect(said("body-coordinator-overdue")).toMatchObject({ bodyKind: "sundhedsklynge" });
    expect(said("body-coordinator-declined-municipality")).toMatchObject({
      bodyKind: "sundhedsklynge",
    });
    expect(said("handover-discharging-hospital")).toMatchObject({
      organisationName: "Slagelse Sygehus, Medicinsk Afdeling",
      bodyKind: null,
    });
    expect(said("handover-receiver")).toMatchObject({ organisationName: "Slagelse Kommune" });
  });
});
