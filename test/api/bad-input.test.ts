import { randomUUID } from "node:crypto";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCitizenAccess } from "../../src/access/citizen-access.ts";
import { defaultAccessPolicy } from "../../src/access/model.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createCitizenService } from "../../src/citizens/service.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { MAX_JSON_DEPTH } from "../../src/platform/http/input-limits.ts";
import type { RouteAccess } from "../../src/platform/http/route-access.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import {
  addStaff,
  authHeaders,
  citizenRegistryOf,
  type DemoApp,
  demoApp,
  nextIp,
} from "../support/access.ts";
import { integrationToken, organisationIdOf, postMessage } from "../support/messages.ts";

/**
 * Issue 18, point 6, on the JSON API: a text with U+0000, JSON nested too deep,
 * headers too large and a URL that does not decode get a 4xx problem+json,
 * never a 500 or Fastify's plain JSON.
 */

let demo: DemoApp;
let token: string;
const ids = { homeNursing: "", handover: "", version: 0, citizen: "", openStay: "" };
const NUL = "\u0000";

/** A demo user who may use a route of this role (src/synth/demo-seed.ts). */
const STAFF_BY_ROLE: Record<string, string> = {
  clinician: "demo.sygeplejerske",
  coordinator: "demo.udskrivning",
  body_lead: "demo.klyngeleder",
  committee_member: "demo.udvalg",
  administrator: "demo.admin",
};

beforeAll(async () => {
  demo = await demoApp();
  const db = demo.database.db;
  token = await integrationToken(db, ["messages:write", "fhir:read", "tasks:write"]);
  ids.homeNursing = await organisationIdOf(db, DEMO_UNITS.naestvedHomeNursing);
  await addStaff(db, {
    username: "input.admin",
    displayName: "Ida Input (test)",
    organisationId: ids.homeNursing,
    role: "administrator",
  });
  // A discharge, so that the ward has a handover to write its note on.
  const practice = await db
    .selectFrom("generalPractice")
    .select("id")
    .where("providerNumber", "=", "990001")
    .executeTakeFirstOrThrow();
  const patient = { cpr: "0302551235", family: "Input", given: ["Inge"] };
  ids.citizen = (
    await citizenRegistryOf(demo).register({
      cpr: patient.cpr,
      name: "Inge Input",
      homeMunicipalityCode: "370",
      listedPracticeId: practice.id,
      synthetic: true,
    })
  ).id;
  const unit = (u: { sorCode: string; gln: string; name: string }) => ({
    sor: u.sorCode,
    gln: u.gln,
    name: u.name,
  });
  const flow = new NotificationFlow(
    participants("bad-input", {
      sender: unit(DEMO_UNITS.slagelseMedical),
      receiver: unit(DEMO_UNITS.naestvedHomeNursing),
      patient,
    }),
  );
  flow.admit({ class: "inpatient", at: "2026-11-20T09:00:00+01:00" });
  flow.discharge({ at: "2026-11-21T10:00:00+01:00" });
  for (const m of flow.messages) {
    const { response } = await postMessage(demo.app, token, m);
    expect(response.statusCode, response.body).toBe(200);
  }
  // A second stay of hers, still admitted, for the ward to discharge by hand.
  const open = new NotificationFlow(
    participants("bad-input-open", {
      sender: unit(DEMO_UNITS.slagelseMedical),
      receiver: unit(DEMO_UNITS.naestvedHomeNursing),
      patient,
    }),
  );
  open.admit({ class: "inpatient", at: "2026-11-25T09:00:00+01:00" });
  for (const m of open.messages) {
    const { response } = await postMessage(demo.app, token, m);
    expect(response.statusCode, response.body).toBe(200);
  }
  ids.openStay = (
    await db
      .selectFrom("hospitalStay")
      .select("id")
      .where("citizenId", "=", ids.citizen)
      .where("status", "=", "admitted")
      .executeTakeFirstOrThrow()
  ).id;
  const handover = await db
    .selectFrom("handover")
    .select(["id", "version"])
    .where("citizenId", "=", ids.citizen)
    .executeTakeFirstOrThrow();
  ids.handover = handover.id;
  ids.version = handover.version;
});
afterAll(() => demo.close());

type Call = { method: string; url: string; as?: string; payload?: unknown };

async function call({ method, url, as, payload }: Call) {
  const headers = as ? authHeaders(await demo.sessionOf(as)) : {};
  return demo.app.inject({
    method: method as "GET",
    url,
    headers,
    remoteAddress: nextIp(),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

function expectNamed(
  response: Awaited<ReturnType<typeof call>>,
  place: string,
  field: string,
): void {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.headers["content-type"]).toContain("application/problem+json");
  const problem = response.json();
  expect(problem.code).toBe("TOV_ERR_VALIDATION");
  expect(problem.errors).toEqual([
    { in: place, field, reason: expect.any(String), i18n: { key: "validation.nullCharacter" } },
  ]);
  expect(response.body).not.toContain("\\u0000");
}

describe("a null character (U+0000) in the JSON API's input", () => {
  const cases: [string, () => Call, string, string][] = [
    [
      "the login username, before any login",
      () => ({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: `demo.admin${NUL}`, password: "tovholder-demo" },
      }),
      "body",
      "username",
    ],
    [
      "the hospital's note",
      () => ({
        method: "PUT",
        url: `/api/handovers/${ids.handover}/note`,
        as: "demo.sygeplejerske",
        payload: { version: ids.version, note: `Ny insulindosis${NUL}` },
      }),
      "body",
      "note",
    ],
    [
      "the emergency-access reason",
      () => ({
        method: "POST",
        url: `/api/citizens/${ids.citizen}/break-the-glass`,
        as: "demo.sygeplejerske",
        payload: { reason: `Bevidstløs i akutmodtagelsen${NUL}` },
      }),
      "body",
      "reason",
    ],
    [
      "a webhook's description",
      () => ({
        method: "POST",
        url: `/api/organisations/${ids.homeNursing}/webhooks`,
        as: "input.admin",
        payload: { url: "https://example.org/hook", description: `Omsorgssystem${NUL}` },
      }),
      "body",
      "description",
    ],
    [
      "openingHours",
      () => ({
        method: "PUT",
        url: `/api/organisations/${ids.homeNursing}/contact`,
        as: "input.admin",
        payload: { openingHours: `Hverdage 8-16${NUL}` },
      }),
      "body",
      "openingHours",
    ],
    [
      "a unit's name",
      () => ({
        method: "POST",
        url: "/api/admin/organisation-units",
        as: "demo.admin",
        payload: {
          sorCode: "999999999123456",
          name: `Hjemmeplejen Syd${NUL}`,
          kind: "municipal_unit",
          municipalityCode: "370",
        },
      }),
      "body",
      "name",
    ],
    [
      "displayName",
      () => ({
        method: "POST",
        url: "/api/admin/users",
        as: "demo.admin",
        payload: { username: "input.nul", displayName: `Nina${NUL}`, kind: "staff" },
      }),
      "body",
      "displayName",
    ],
    [
      "bodyId in the path",
      () => ({
        method: "GET",
        url: "/api/bodies/naestved-slagelse%00/handover-rules",
        as: "demo.klyngekoordinator",
      }),
      "path",
      "bodyId",
    ],
    [
      "a query parameter",
      () => ({
        method: "GET",
        url: "/api/admin/organisation-units?q=hjem%00",
        as: "demo.admin",
      }),
      "query",
      "q",
    ],
  ];

  it.each(cases)("in %s is a 400 naming the field", async (_name, request, place, field) => {
    expectNamed(await call(request()), place, field);
  });

  it("in a nested field or a key is named by its path", async () => {
    const response = await call({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "x", password: "y", extra: [{ a: 1 }, { [`b${NUL}`]: 2 }] },
    });
    expectNamed(response, "body", "extra.1.b\\0");
  });

  it("changes nothing it was refused for", async () => {
    const rows = await demo.database.db
      .selectFrom("webhook")
      .select("id")
      .where("organisationId", "=", ids.homeNursing)
      .execute();
    expect(rows).toEqual([]);
  });
});

/** Every JSON route's input, from the OpenAPI document: a 400 for U+0000 in each string field. */
describe("U+0000 in every string field of every JSON route", () => {
  type Schema = {
    type?: string | string[];
    properties?: Record<string, Schema>;
    items?: Schema;
    anyOf?: Schema[];
    oneOf?: Schema[];
    allOf?: Schema[];
  };
  type Operation = {
    requestBody?: { content?: Record<string, { schema?: Schema }> };
    parameters?: { in: string; name: string; schema?: Schema }[];
  };

  /** Paths (keys and 0 for array items) to every string a schema allows. */
  function stringPaths(schema: Schema | undefined, at: (string | number)[] = []) {
    if (!schema) return [] as (string | number)[][];
    const found: (string | number)[][] = [];
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.includes("string")) found.push(at);
    for (const [key, child] of Object.entries(schema.properties ?? {}))
      found.push(...stringPaths(child, [...at, key]));
    if (schema.items) found.push(...stringPaths(schema.items, [...at, 0]));
    for (const branch of [
      ...(schema.anyOf ?? []),
      ...(schema.oneOf ?? []),
      ...(schema.allOf ?? []),
    ])
      found.push(...stringPaths(branch, at));
    return found;
  }

  function valueAt(path: (string | number)[]): unknown {
    const [head, ...rest] = path;
    if (head === undefined) return `text${NUL}`;
    if (typeof head === "number") return [valueAt(rest)];
    return { [head]: valueAt(rest) };
  }

  async function callerFor(access: RouteAccess | undefined): Promise<Record<string, string>> {
    if (!access || access.public) return {};
    if (access.actors.includes("staff")) {
      const role = access.roles?.[0] ?? "clinician";
      return authHeaders(await demo.sessionOf(STAFF_BY_ROLE[role] ?? "demo.admin"));
    }
    if (access.actors.includes("citizen")) return authHeaders(await demo.sessionOf("demo.borger"));
    if (access.actors.includes("relative"))
      return authHeaders(await demo.sessionOf("demo.paaroerende"));
    return { authorization: `Bearer ${token}` };
  }

  /** problem+json names the place and the field; an OperationOutcome (on /fhir) the field. */
  function namesField(
    response: { statusCode: number; json(): unknown },
    place: string,
    field: string,
  ) {
    if (response.statusCode !== 400) return false;
    const body = response.json() as {
      errors?: { in: string; field: string }[];
      issue?: { expression?: string[] }[];
    };
    if (body.issue) return body.issue[0]?.expression?.[0] === field;
    return body.errors?.[0]?.field === field && body.errors[0].in === place;
  }

  it("is refused with a 400 naming the field, wherever it is", async () => {
    const doc = (await demo.app.inject({ url: "/api/docs/json" })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    let tried = 0;
    const wrong: string[] = [];
    for (const [openapiPath, operations] of Object.entries(doc.paths)) {
      if (openapiPath === "/fhir/$process-message") continue; // its own answer: bad-messages.test.ts
      const routeUrl = openapiPath.replace(/\{(\w+)\}/g, ":$1");
      for (const [method, op] of Object.entries(operations)) {
        const route = demo.app.registeredRoutes.find(
          (r) => r.url === routeUrl && r.method === method.toUpperCase(),
        );
        const headers = await callerFor(route?.access);
        const params = (op.parameters ?? []).filter((p) => p.in === "path");
        const filled = (nul: string | null) =>
          openapiPath.replace(/\{(\w+)\}/g, (_m, name: string) =>
            name === nul ? "x%00y" : "00000000-0000-4000-8000-000000000000",
          );
        const attempts: { url: string; payload?: unknown; place: string; field: string }[] = [];
        for (const p of params)
          attempts.push({ url: filled(p.name), place: "path", field: p.name });
        for (const q of (op.parameters ?? []).filter((p) => p.in === "query")) {
          if (stringPaths(q.schema).length === 0) continue;
          attempts.push({ url: `${filled(null)}?${q.name}=x%00y`, place: "query", field: q.name });
        }
        const body = op.requestBody?.content?.["application/json"]?.schema;
        for (const path of stringPaths(body).filter((p) => p.length > 0)) {
          attempts.push({
            url: filled(null),
            payload: valueAt(path),
            place: "body",
            field: path.join("."),
          });
        }
        for (const a of attempts) {
          tried++;
          const response = await demo.app.inject({
            method: method.toUpperCase() as "POST",
            url: a.url,
            headers,
            remoteAddress: nextIp(),
            ...(a.payload === undefined ? {} : { payload: a.payload as object }),
          });
          if (!namesField(response, a.place, a.field))
            wrong.push(
              `${method.toUpperCase()} ${a.url} ${a.place}:${a.field} → ${response.statusCode}`,
            );
        }
      }
    }
    expect(wrong).toEqual([]);
    // The document lists the routes' inputs: if it stopped, this test would check nothing.
    expect(tried).toBeGreaterThan(60);
  });
});

describe("JSON nested too deep", () => {
  const deepObject = `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`;
  const deepArray = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;

  it.each([
    ["application/json", deepObject],
    ["application/json", deepArray],
    ["application/json; charset=utf-8", deepArray],
    ["text/plain", deepArray],
  ])("as %s is a 400 problem, not a 500", async (type, payload) => {
    const response = await demo.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": type },
      remoteAddress: nextIp(),
      payload,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });

  it("names the limit", async () => {
    const response = await demo.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      remoteAddress: nextIp(),
      payload: deepObject,
    });
    expect(response.json()).toMatchObject({
      code: "TOV_ERR_BAD_JSON",
      i18n: { key: "validation.tooDeep", values: { limit: MAX_JSON_DEPTH } },
    });
  });

  it("is refused on the FHIR Task API as an OperationOutcome", async () => {
    const response = await demo.app.inject({
      method: "PUT",
      url: `/fhir/Task/${randomUUID()}`,
      headers: { "content-type": "application/fhir+json", authorization: `Bearer ${token}` },
      payload: deepObject,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ resourceType: "OperationOutcome" });
  });

  it("as deep as the limit is parsed as usual", async () => {
    const payload = `${'{"a":'.repeat(MAX_JSON_DEPTH - 1)}{"username":"x"}${"}".repeat(MAX_JSON_DEPTH - 1)}`;
    const response = await demo.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      remoteAddress: nextIp(),
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("TOV_ERR_VALIDATION");
  });
});

describe("requests refused before a route is found", () => {
  it("a URL that does not decode is a problem+json 400", async () => {
    const response = await demo.app.inject({ url: "/api/bodies/%E0%A4%A" });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.headers["x-request-id"]).toBeTruthy();
    expect(response.json()).toMatchObject({ code: "TOV_ERR_BAD_URL", status: 400 });
  });

  it("on /fhir, a URL that does not decode is an OperationOutcome", async () => {
    const response = await demo.app.inject({ url: "/fhir/Patient/%E0%A4%A" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ resourceType: "OperationOutcome" });
  });

  it("a path parameter past the router's limit is a problem+json 414", async () => {
    const response = await demo.app.inject({ url: `/api/bodies/${"a".repeat(200)}` });
    expect(response.statusCode).toBe(414);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ code: "TOV_ERR_URI_TOO_LONG" });
  });

  it("header fields too large are a problem+json 431 (sent over a raw socket)", async () => {
    const address = await demo.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = new URL(address);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1");
      let received = "";
      socket.on("data", (chunk) => {
        received += chunk.toString("utf8");
      });
      socket.on("close", () => resolve(received));
      socket.on("error", (err) => (received ? resolve(received) : reject(err)));
      socket.write(
        `GET /api/regions HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"a".repeat(64 * 1024)}\r\n\r\n`,
      );
    });
    const [head = "", body = ""] = raw.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head.toLowerCase()).toContain("content-type: application/problem+json");
    expect(JSON.parse(body)).toMatchObject({ code: "TOV_ERR_HEADERS_TOO_LARGE", status: 431 });
  });
});

describe("plausible values", () => {
  it("a discharge from the hospital view in the future is refused with a reason", async () => {
    const response = await call({
      method: "POST",
      url: `/api/stays/${ids.openStay}/discharge`,
      as: "demo.sygeplejerske",
      payload: { dischargedAt: "2999-01-01T10:00:00+01:00" },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: "dischargedAt", i18n: { key: "pathways.inFuture" } }),
    ]);
  });

  it("a consent whose expiry is in the past is refused, naming expiresAt", async () => {
    const response = await call({
      method: "POST",
      url: "/api/me/consents",
      as: "demo.borger",
      payload: { relativeUsername: "demo.paaroerende", expiresAt: "2020-01-01T00:00:00+01:00" },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({
        in: "body",
        field: "expiresAt",
        i18n: { key: "validation.inThePast" },
      }),
    ]);
  });

  it("a consent's expiry is judged by the service's clock", async () => {
    const db = demo.database.db;
    const cipher = createCipher(demo.masterKey);
    const at = new Date("2026-06-01T12:00:00Z");
    const citizens = createCitizenService(
      db,
      cipher,
      createCitizenAccess(db, defaultAccessPolicy),
      () => at,
    );
    const ctx = {
      actor: { kind: "citizen" as const, userId: randomUUID(), citizenId: ids.citizen },
      requestId: "consent-clock",
    };
    await expect(
      citizens.giveConsent(ctx, "demo.paaroerende", new Date("2026-06-01T12:00:00Z")),
    ).rejects.toMatchObject({ code: "TOV_ERR_VALIDATION" });
    const given = await citizens.giveConsent(
      ctx,
      "demo.paaroerende",
      new Date("2026-06-01T12:00:01Z"),
    );
    expect(given.id).toBeTruthy();
  });
});
