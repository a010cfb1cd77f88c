import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminService, type TokenScope } from "../../src/access/admin-service.ts";
import { operator } from "../../src/access/administrator.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { createOrganisationService } from "../../src/structure/organisations.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import {
  addStaff,
  authHeaders,
  citizenRegistryOf,
  type DemoApp,
  demoApp,
  requestId,
} from "../support/access.ts";
import { integrationToken, participantOf, postMessage } from "../support/messages.ts";

/**
 * Issue 18, point 8: every refusal of a read or write of citizen data or of
 * protected configuration leaves exactly one audit entry, saying it was
 * denied, who asked, and what they asked for — whether the route guard, a
 * service, or the guard's net under the services refused it. A FHIR Task the
 * caller may not see and a Task that does not exist are the same 404 to the
 * caller, and both are audited.
 */

let demo: DemoApp;
const ids = {
  citizen: "",
  task: "",
  admittedStay: "",
  ward: "",
  region: "",
};
const tokens = { naestved: "", slagelse: "", slagelseTokenId: "", readOnly: "" };
const NO_SUCH_TASK = "3f1c2b9a-7d4e-4c5f-9a8b-1e2d3c4b5a69";

const sender = participantOf(DEMO_UNITS.slagelseMedical);
const receiver = participantOf(DEMO_UNITS.naestvedHomeNursing);
const patient = { cpr: "0704551231", family: "Afvist", given: ["Alma", "Test"] };

async function municipalToken(code: string, scopes: TokenScope[]) {
  const org = await createOrganisationService(demo.database.db).structural({
    kind: "municipality",
    municipalityCode: code,
  });
  return createAdminService(demo.database.db).createToken(
    {
      name: `denials-${code}-${scopes.join("-")}`,
      organisationId: org.id,
      scopes,
      expiresAt: null,
    },
    operator("test"),
  );
}

beforeAll(async () => {
  demo = await demoApp();
  const db = demo.database.db;
  const practice = await db
    .selectFrom("generalPractice")
    .select("id")
    .where("providerNumber", "=", "990001")
    .executeTakeFirstOrThrow();
  ids.citizen = (
    await citizenRegistryOf(demo).register({
      cpr: patient.cpr,
      name: "Alma Test Afvist",
      homeMunicipalityCode: "370",
      listedPracticeId: practice.id,
      synthetic: true,
    })
  ).id;
  const hospital = await integrationToken(db);
  const discharged = new NotificationFlow(participants("denials-1", { sender, receiver, patient }));
  discharged.admit({ class: "inpatient", at: "2026-11-16T09:00:00+01:00" });
  discharged.discharge({ at: "2026-11-17T11:00:00+01:00" });
  const admitted = new NotificationFlow(participants("denials-2", { sender, receiver, patient }));
  admitted.admit({ class: "inpatient", at: "2026-11-20T09:00:00+01:00" });
  for (const m of [...discharged.messages, ...admitted.messages]) {
    const { response } = await postMessage(demo.app, hospital, m);
    expect(response.statusCode, response.body).toBe(200);
  }
  const handover = await db
    .selectFrom("handover")
    .select("id")
    .where("citizenId", "=", ids.citizen)
    .where("sector", "=", "municipality")
    .executeTakeFirstOrThrow();
  ids.task = handover.id;
  const stay = await db
    .selectFrom("hospitalStay")
    .select("id")
    .where("citizenId", "=", ids.citizen)
    .where("status", "=", "admitted")
    .executeTakeFirstOrThrow();
  ids.admittedStay = stay.id;
  const org = db.selectFrom("organisation").select("id");
  ids.ward = (
    await org.where("sorCode", "=", DEMO_UNITS.slagelseMedical.sorCode).executeTakeFirstOrThrow()
  ).id;
  ids.region = (
    await org
      .where("kind", "=", "region")
      .where("regionCode", "=", "1085")
      .executeTakeFirstOrThrow()
  ).id;
  const holbaek = (
    await org
      .where("kind", "=", "hospital")
      .where("hospitalId", "=", "holbaek-sygehus")
      .executeTakeFirstOrThrow()
  ).id;

  tokens.naestved = (await municipalToken("370", ["fhir:read", "tasks:write"])).token;
  const slagelse = await municipalToken("330", ["fhir:read", "tasks:write"]);
  tokens.slagelse = slagelse.token;
  tokens.slagelseTokenId = slagelse.id;
  tokens.readOnly = (await municipalToken("370", ["fhir:read"])).token;
  // A clinician of another hospital, and a coordinator of an organisation with no worklist.
  await addStaff(db, {
    username: "test.holbaek",
    displayName: "Hanne Holbæk (test)",
    organisationId: holbaek,
    role: "clinician",
  });
  await addStaff(db, {
    username: "test.region",
    displayName: "Rasmus Region (test)",
    organisationId: ids.region,
    role: "coordinator",
  });
});
afterAll(() => demo?.close());

type Caller = { session: string } | { token: keyof typeof tokens };

async function headersOf(caller: Caller): Promise<Record<string, string>> {
  if ("token" in caller) return { authorization: `Bearer ${tokens[caller.token]}` };
  return authHeaders(await demo.sessionOf(caller.session));
}

type Denied = {
  name: string;
  as: Caller;
  method: "GET" | "PUT" | "POST";
  url: () => string;
  payload?: () => object;
  headers?: Record<string, string>;
  status: number;
  /** The one entry: who (actor kind, and role for staff), what, and the citizen concerned. */
  entry: {
    actorKind: "staff" | "token";
    role?: string;
    action: string;
    resource: string;
    citizen: "the citizen" | null;
  };
};

const accepted = () => ({ resourceType: "Task", id: ids.task, status: "accepted" });
const ifMatch = { "if-match": 'W/"1"' };
const rule = {
  deadlineMinutes: 120,
  hours: { weekday: { start: "07:00", end: "22:00" }, weekend: { start: "08:00", end: "20:00" } },
  ladder: [{ afterMinutes: 0, target: "receiver" }],
};
const contact = { phone: "13 00 09 98", email: "ikke.min@example.org" };

const DENIED: Denied[] = [
  {
    name: "GET /fhir/Task/:id of another municipality's Task",
    as: { token: "slagelse" },
    method: "GET",
    url: () => `/fhir/Task/${ids.task}`,
    status: 404,
    entry: { actorKind: "token", action: "read", resource: "fhir:Task", citizen: "the citizen" },
  },
  {
    name: "GET /fhir/Task/:id of no Task at all",
    as: { token: "slagelse" },
    method: "GET",
    url: () => `/fhir/Task/${NO_SUCH_TASK}`,
    status: 404,
    entry: { actorKind: "token", action: "read", resource: "fhir:Task", citizen: null },
  },
  {
    name: "PUT /fhir/Task/:id of another municipality's Task",
    as: { token: "slagelse" },
    method: "PUT",
    url: () => `/fhir/Task/${ids.task}`,
    payload: accepted,
    headers: ifMatch,
    status: 404,
    entry: { actorKind: "token", action: "confirm", resource: "fhir:Task", citizen: "the citizen" },
  },
  {
    name: "PUT /fhir/Task/:id of no Task at all",
    as: { token: "slagelse" },
    method: "PUT",
    url: () => `/fhir/Task/${NO_SUCH_TASK}`,
    payload: () => ({ ...accepted(), id: NO_SUCH_TASK }),
    headers: ifMatch,
    status: 404,
    entry: { actorKind: "token", action: "confirm", resource: "fhir:Task", citizen: null },
  },
  {
    name: "PUT /fhir/Task/:id with a token without tasks:write (the route guard)",
    as: { token: "readOnly" },
    method: "PUT",
    url: () => `/fhir/Task/${ids.task}`,
    payload: accepted,
    headers: ifMatch,
    status: 403,
    entry: { actorKind: "token", action: "put", resource: "/fhir/Task/:id", citizen: null },
  },
  ...(
    [
      ["demo.visitator", "coordinator", "naestved-slagelse", "municipality"],
      ["demo.visitator", "coordinator", "naestved-slagelse", "general-practice"],
      ["demo.udskrivning", "coordinator", "naestved-slagelse", "municipality"],
      ["demo.udskrivning", "coordinator", "naestved-slagelse", "general-practice"],
      ["demo.klyngeleder", "body_lead", "holbaek", "municipality"],
      ["demo.klyngeleder", "body_lead", "holbaek", "general-practice"],
    ] as const
  ).map(
    ([session, role, body, sector]): Denied => ({
      name: `PUT handover-rules of ${body}/${sector} by ${session}`,
      as: { session },
      method: "PUT",
      url: () => `/api/bodies/${body}/handover-rules/${sector}`,
      payload: () => rule,
      status: 403,
      entry: {
        actorKind: "staff",
        role,
        action: "set-rule",
        resource: "handover-rules",
        citizen: null,
      },
    }),
  ),
  {
    name: "POST handover-rules/:sector/confirm of another body by a municipal coordinator",
    as: { session: "demo.visitator" },
    method: "POST",
    url: () => "/api/bodies/naestved-slagelse/handover-rules/municipality/confirm",
    status: 403,
    entry: {
      actorKind: "staff",
      role: "coordinator",
      action: "confirm-rule",
      resource: "handover-rules",
      citizen: null,
    },
  },
  {
    name: "PUT /api/organisations/:id/contact of another organisation",
    as: { session: "demo.admin" },
    method: "PUT",
    url: () => `/api/organisations/${ids.ward}/contact`,
    payload: () => contact,
    status: 403,
    entry: {
      actorKind: "staff",
      role: "administrator",
      action: "set-contact",
      resource: "organisation-contact",
      citizen: null,
    },
  },
  {
    name: "POST /api/stays/:id/discharge by another hospital's clinician",
    as: { session: "test.holbaek" },
    method: "POST",
    url: () => `/api/stays/${ids.admittedStay}/discharge`,
    payload: () => ({}),
    status: 403,
    entry: {
      actorKind: "staff",
      role: "clinician",
      action: "read",
      resource: "hospital-stay",
      citizen: "the citizen",
    },
  },
  {
    name: "POST /api/handovers/:id/confirm by an organisation that is not the receiver",
    as: { session: "demo.udskrivning" },
    method: "POST",
    url: () => `/api/handovers/${ids.task}/confirm`,
    payload: () => ({ version: 1 }),
    status: 403,
    entry: {
      actorKind: "staff",
      role: "coordinator",
      action: "confirm",
      resource: "handover",
      citizen: "the citizen",
    },
  },
  {
    name: "GET /api/handovers for an organisation with no worklist (the guard's net)",
    as: { session: "test.region" },
    method: "GET",
    url: () => "/api/handovers",
    status: 403,
    entry: {
      actorKind: "staff",
      role: "coordinator",
      action: "get",
      resource: "/api/handovers",
      citizen: null,
    },
  },
];

async function send(c: Denied) {
  const rid = requestId("denied");
  const response = await demo.app.inject({
    method: c.method,
    url: c.url(),
    headers: { ...(await headersOf(c.as)), ...c.headers, "x-request-id": rid },
    ...(c.payload ? { payload: c.payload() } : {}),
  });
  const entries = await demo.database.db
    .selectFrom("auditLog")
    .selectAll()
    .where("requestId", "=", rid)
    .execute();
  return { response, entries };
}

describe("every refusal leaves exactly one audit entry", () => {
  it.each(DENIED.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { response, entries } = await send(c);
    expect(response.statusCode, response.body).toBe(c.status);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      outcome: "denied",
      actorKind: c.entry.actorKind,
      action: c.entry.action,
      resource: c.entry.resource,
      citizenId: c.entry.citizen ? ids.citizen : null,
      ...(c.entry.role ? { role: c.entry.role } : {}),
    });
    if (c.entry.actorKind === "token" && "token" in c.as && c.as.token === "slagelse")
      expect(entries[0]?.tokenId).toBe(tokens.slagelseTokenId);
    if (c.entry.actorKind === "staff") expect(entries[0]?.userId).toEqual(expect.any(String));
  });

  it("gives the same 404 for a Task one may not see as for no Task at all", async () => {
    const [forbidden, missing] = await Promise.all([
      send(DENIED[0] as Denied),
      send(DENIED[1] as Denied),
    ]);
    const putForbidden = await send(DENIED[2] as Denied);
    const putMissing = await send(DENIED[3] as Denied);
    for (const [a, b] of [
      [forbidden, missing],
      [putForbidden, putMissing],
    ] as const) {
      expect(a.response.statusCode).toBe(404);
      expect(b.response.statusCode).toBe(404);
      expect(a.response.headers["content-type"]).toBe(b.response.headers["content-type"]);
      const without = (body: string) => body.replace(/denied-[0-9a-f]{12}/g, "<request>");
      expect(without(a.response.body)).toBe(without(b.response.body));
    }
    // The one that names a citizen is in that citizen's own log; neither answer shows which.
    expect(forbidden.entries[0]?.citizenId).toBe(ids.citizen);
    expect(missing.entries[0]?.citizenId).toBeNull();
  });

  it("still lets the receiving municipality read and the route answer as before", async () => {
    const own = await demo.app.inject({
      url: `/fhir/Task/${ids.task}`,
      headers: { authorization: `Bearer ${tokens.naestved}` },
    });
    expect(own.statusCode, own.body).toBe(200);
  });
});
