import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminService, operator, type TokenScope } from "../../src/access/admin-service.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { createOrganisationService } from "../../src/structure/organisations.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import {
  authHeaders,
  citizenIdByCpr,
  citizenRegistryOf,
  type DemoApp,
  demoApp,
} from "../support/access.ts";
import { clockFrom } from "../support/clock.ts";
import { integrationToken, participantOf, postMessage } from "../support/messages.ts";

/**
 * Confirming through the API as a FHIR Task update, for municipal and GP
 * systems: the worklist as Tasks, accept (confirm) or reject (decline) with
 * the version read, through the same use cases as the web pages.
 */

type Task = {
  resourceType: "Task";
  id: string;
  meta: { versionId: string };
  status: string;
  for: { reference: string };
  focus: { reference: string };
  code: { coding: { code: string }[] };
  owner: { reference: string; display: string };
  statusReason?: { coding: { code: string }[] };
  note?: { text: string }[];
};
type Bundle = { resourceType: "Bundle"; total?: number; entry: { resource: Task }[] };
type Outcome = { resourceType: "OperationOutcome"; issue: { expression?: string[] }[] };

const CPR = "1404521234";
const NAME = "Tove Task Opgave";
const DECLINE_SYSTEM = "https://tovholder.dk/fhir/CodeSystem/handover-decline-reason";
const sender = participantOf(DEMO_UNITS.slagelseMedical);
const receiver = participantOf(DEMO_UNITS.naestvedHomeNursing);
const patient = { cpr: CPR, family: "Opgave", given: ["Tove", "Task"] };

let demo: DemoApp;
let hospitalToken: string;
let citizenId = "";
const tokens = { naestved: "", slagelse: "", readOnly: "" };
let naestvedOrgId = "";

async function tokenOf(municipalityCode: string, scopes: TokenScope[]) {
  const org = await createOrganisationService(demo.database.db).structural({
    kind: "municipality",
    municipalityCode,
  });
  const created = await createAdminService(demo.database.db).createToken(
    {
      name: `fhir-task-${municipalityCode}-${scopes.join("-")}`,
      organisationId: org.id,
      scopes,
      expiresAt: null,
    },
    operator("test"),
  );
  return { token: created.token, organisationId: org.id };
}

beforeAll(async () => {
  // Its messages sit on fixed November 2026 dates, so the app's now is fixed after them
  // (the demo's citizens with it): who is responsible, and who may still read, are
  // judged the same on any day the suite runs.
  demo = await demoApp({ clock: clockFrom("2026-12-03T12:00:00Z") });
  const db = demo.database.db;
  hospitalToken = await integrationToken(db);
  const practice = await db
    .selectFrom("generalPractice")
    .select("id")
    .where("providerNumber", "=", "990001")
    .executeTakeFirstOrThrow();
  const citizens = citizenRegistryOf(demo);
  await citizens.register({
    cpr: CPR,
    name: NAME,
    homeMunicipalityCode: "370",
    listedPracticeId: practice.id,
    synthetic: true,
  });
  citizenId = await citizenIdByCpr(demo, CPR);
  const naestved = await tokenOf("370", ["fhir:read", "tasks:write"]);
  tokens.naestved = naestved.token;
  naestvedOrgId = naestved.organisationId;
  tokens.slagelse = (await tokenOf("330", ["fhir:read", "tasks:write"])).token;
  tokens.readOnly = (await tokenOf("370", ["fhir:read"])).token;
});
afterAll(() => demo.close());

async function discharge(seed: string, day: string) {
  const flow = new NotificationFlow(participants(seed, { sender, receiver, patient }));
  flow.admit({ class: "inpatient", at: `2026-11-${day}T08:00:00+01:00` });
  flow.discharge({ at: `2026-11-${day}T10:00:00+01:00` });
  for (const m of flow.messages) {
    const { response } = await postMessage(demo.app, hospitalToken, m);
    expect(response.statusCode, response.body).toBe(200);
  }
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function tasks(token: string, query = "") {
  const response = await demo.app.inject({ url: `/fhir/Task${query}`, headers: bearer(token) });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers["content-type"]).toContain("application/fhir+json");
  return (response.json() as Bundle).entry.map((e) => e.resource);
}

function put(
  token: string,
  id: string,
  body: object,
  headers: Record<string, string> = {},
  contentType = "application/fhir+json",
) {
  return demo.app.inject({
    method: "PUT",
    url: `/fhir/Task/${id}`,
    headers: { ...bearer(token), "content-type": contentType, ...headers },
    payload: JSON.stringify(body),
  });
}

const expressions = (body: unknown) => (body as Outcome).issue.flatMap((i) => i.expression ?? []);

async function staffWorklist(username: string, query = "") {
  const response = await demo.app.inject({
    url: `/api/handovers${query}`,
    headers: authHeaders(await demo.sessionOf(username)),
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: { id: string; status: string; statusReason: string }[] })
    .items;
}

describe("the worklist as FHIR Tasks", () => {
  let task: Task;

  it("lists the municipality's Task, naming the citizen by id only", async () => {
    await discharge("fhir-task-1", "16");
    const mine = (await tasks(tokens.naestved)).filter(
      (t) => t.for.reference === `Patient/${citizenId}`,
    );
    expect(mine).toHaveLength(1);
    task = mine[0] as Task;
    expect(task).toMatchObject({
      resourceType: "Task",
      status: "requested",
      meta: { versionId: "1" },
      code: { coding: [{ code: "municipality" }] },
      owner: { reference: `Organization/${naestvedOrgId}` },
    });
    expect(task.focus.reference).toMatch(/^Encounter\//);
    const text = JSON.stringify(task);
    expect(text).not.toContain("Tove");
    expect(text).not.toContain(CPR);
    const audited = await demo.database.db
      .selectFrom("auditLog")
      .select(["actorKind", "outcome"])
      .where("citizenId", "=", citizenId)
      .where("resource", "=", "fhir:Task")
      .execute();
    expect(audited).toContainEqual({ actorKind: "token", outcome: "allowed" });
  });

  it("reads one Task with its version as ETag; another municipality gets 404", async () => {
    const response = await demo.app.inject({
      url: `/fhir/Task/${task.id}`,
      headers: bearer(tokens.naestved),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe('W/"1"');
    expect(response.json()).toMatchObject({ id: task.id, status: "requested" });
    const other = await demo.app.inject({
      url: `/fhir/Task/${task.id}`,
      headers: bearer(tokens.slagelse),
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().resourceType).toBe("OperationOutcome");
  });

  it("answers 428 when neither If-Match nor meta.versionId says which version was read", async () => {
    const response = await put(tokens.naestved, task.id, {
      resourceType: "Task",
      id: task.id,
      status: "accepted",
    });
    expect(response.statusCode).toBe(428);
    expect(response.json().resourceType).toBe("OperationOutcome");
  });

  it("answers another municipality 404, as for a Task that does not exist, audited", async () => {
    const response = await put(
      tokens.slagelse,
      task.id,
      { ...task, status: "accepted" },
      { "if-match": 'W/"1"' },
    );
    expect(response.statusCode).toBe(404);
    expect(response.json().resourceType).toBe("OperationOutcome");
    const denied = await demo.database.db
      .selectFrom("auditLog")
      .select(["actorKind", "action"])
      .where("citizenId", "=", citizenId)
      .where("resource", "=", "fhir:Task")
      .where("outcome", "=", "denied")
      .execute();
    expect(denied).toContainEqual({ actorKind: "token", action: "confirm" });
  });

  it("refuses a token with only fhir:read", async () => {
    const response = await put(
      tokens.readOnly,
      task.id,
      { ...task, status: "accepted" },
      { "if-match": 'W/"1"' },
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().resourceType).toBe("OperationOutcome");
  });

  it("confirms with If-Match: the hospital lets go and responsibility moves", async () => {
    const response = await put(
      tokens.naestved,
      task.id,
      { ...task, status: "accepted" },
      { "if-match": 'W/"1"' },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe('W/"2"');
    expect(response.json()).toMatchObject({ status: "accepted", meta: { versionId: "2" } });
    const hospital = await staffWorklist("demo.sygeplejerske");
    expect(hospital.map((i) => i.id)).not.toContain(task.id);
    const all = await staffWorklist("demo.sygeplejerske", "?status=confirmed");
    expect(all.find((i) => i.id === task.id)?.status).toBe("confirmed");
    const pathway = await demo.app.inject({
      url: `/api/citizens/${citizenId}/pathway`,
      headers: authHeaders(await demo.sessionOf("demo.sygeplejerske")),
    });
    const responsible = (
      pathway.json() as { responsibility: { responsible: { for: string }[] } }
    ).responsibility.responsible.map((r) => r.for);
    expect(responsible.sort()).toEqual(["care", "treatment"]);
    const history = await demo.database.db
      .selectFrom("handoverTransition")
      .select(["kind", "actorOrganisationId", "actorUserId"])
      .where("handoverId", "=", task.id)
      .orderBy("id")
      .execute();
    expect(history.map((h) => h.kind)).toEqual(["created", "confirmed"]);
    expect(history[1]).toMatchObject({ actorOrganisationId: naestvedOrgId, actorUserId: null });
    const accepted = await tasks(tokens.naestved, "?status=accepted");
    expect(accepted.map((t) => t.id)).toContain(task.id);
  });

  it("answers a stale update with 409, the current status and version", async () => {
    const response = await put(
      tokens.naestved,
      task.id,
      { ...task, status: "accepted" },
      { "if-match": 'W/"1"' },
    );
    expect(response.statusCode).toBe(409);
    expect(response.headers.etag).toBe('W/"2"');
    expect(JSON.stringify(response.json())).toContain("accepted (version 2)");
    expect(expressions(response.json())).toEqual(["If-Match"]);
  });

  it("lets the GP's staff accept their Task through a session", async () => {
    const session = await demo.sessionOf("demo.laege");
    const list = await demo.app.inject({ url: "/fhir/Task", headers: authHeaders(session) });
    const gp = (list.json() as Bundle).entry
      .map((e) => e.resource)
      .find((t) => t.for.reference === `Patient/${citizenId}`) as Task;
    expect(gp.code.coding[0]?.code).toBe("general-practice");
    const response = await demo.app.inject({
      method: "PUT",
      url: `/fhir/Task/${gp.id}`,
      headers: { ...authHeaders(session), "content-type": "application/fhir+json" },
      payload: JSON.stringify({ ...gp, status: "accepted" }),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().status).toBe("accepted");
  });
});

describe("rejecting and bad input", () => {
  let task: Task;

  it("names the field of a bad update in the OperationOutcome", async () => {
    await discharge("fhir-task-2", "19");
    task = (await tasks(tokens.naestved)).find(
      (t) => t.for.reference === `Patient/${citizenId}` && t.status === "requested",
    ) as Task;
    const ifMatch = { "if-match": 'W/"1"' };
    const cases: [object, string][] = [
      [{ ...task, status: "rejected", statusReason: undefined }, "Task.statusReason"],
      [{ ...task, status: "completed" }, "Task.status"],
      [{ ...task, resourceType: "Patient", status: "accepted" }, "Task.resourceType"],
      [{ ...task, id: citizenId, status: "accepted" }, "Task.id"],
    ];
    for (const [body, field] of cases) {
      const response = await put(tokens.naestved, task.id, body, ifMatch);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().resourceType).toBe("OperationOutcome");
      expect(expressions(response.json())).toEqual([field]);
    }
    const badJson = await demo.app.inject({
      method: "PUT",
      url: `/fhir/Task/${task.id}`,
      headers: { ...bearer(tokens.naestved), "content-type": "application/fhir+json", ...ifMatch },
      payload: "{not json",
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().resourceType).toBe("OperationOutcome");
  });

  it("declines with the reason given, using meta.versionId; the hospital sees it declined", async () => {
    const response = await put(
      tokens.naestved,
      task.id,
      {
        resourceType: "Task",
        id: task.id,
        meta: { versionId: task.meta.versionId },
        status: "rejected",
        statusReason: {
          coding: [{ system: DECLINE_SYSTEM, code: "citizen-moved" }],
          text: "Flyttet til Ringsted",
        },
      },
      {},
      "application/json",
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: "rejected",
      statusReason: { coding: [{ code: "citizen-moved" }] },
    });
    const hospital = await staffWorklist("demo.sygeplejerske");
    expect(hospital.find((i) => i.id === task.id)).toMatchObject({
      status: "declined",
      statusReason: "citizen-moved",
    });
    const history = await demo.database.db
      .selectFrom("handoverTransition")
      .select(["kind", "reason"])
      .where("handoverId", "=", task.id)
      .orderBy("id")
      .execute();
    expect(history.at(-1)).toEqual({
      kind: "declined",
      reason: "citizen-moved: Flyttet til Ringsted",
    });
  });

  it("refuses bad search parameters", async () => {
    for (const query of ["?status=done", "?_count=0", "?_count=501"]) {
      const response = await demo.app.inject({
        url: `/fhir/Task${query}`,
        headers: bearer(tokens.naestved),
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().resourceType).toBe("OperationOutcome");
    }
  });
});

describe("the CapabilityStatement", () => {
  it("lists Task with read, search and update", async () => {
    const response = await demo.app.inject({ url: "/fhir/metadata" });
    const task = (
      response.json() as {
        rest: { resource: { type: string; interaction: { code: string }[] }[] }[];
      }
    ).rest[0]?.resource.find((r) => r.type === "Task");
    expect(task?.interaction.map((i) => i.code)).toEqual(["read", "search-type", "update"]);
  });
});
