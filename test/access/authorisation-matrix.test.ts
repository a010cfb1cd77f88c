import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAdminService,
  operator,
  TOKEN_SCOPES,
  type TokenScope,
} from "../../src/access/admin-service.ts";
import { createBrokerTokenService } from "../../src/access/broker-tokens.ts";
import type { ROLES } from "../../src/access/model.ts";
import * as accessStore from "../../src/access/store.ts";
import { createOrganisationService } from "../../src/structure/organisations.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { authHeaders, type DemoApp, demoApp } from "../support/access.ts";
import {
  ADMINISTRATION_CASES,
  type AdministrationCase,
  expectedOutcome,
  fillPath,
  formatMatrix,
  MATRIX_ADMINISTRATORS,
  type MatrixAdministrator,
  type MatrixCaller,
  type MatrixCell,
  type MatrixOrganisation,
  observedOutcome,
} from "../support/authorisation-matrix.ts";

let demo: DemoApp;
const callers: MatrixCaller[] = [
  { label: "anonymous", kind: "anonymous" },
  { label: "citizen", kind: "citizen", username: "demo.borger" },
  { label: "relative", kind: "relative", username: "demo.paaroerende" },
  { label: "clinician", kind: "staff", role: "clinician", username: "demo.sygeplejerske" },
  { label: "coordinator", kind: "staff", role: "coordinator", username: "demo.udskrivning" },
  { label: "bodylead", kind: "staff", role: "body_lead", username: "demo.klyngeleder" },
  { label: "committee", kind: "staff", role: "committee_member", username: "demo.udvalg" },
  { label: "admin", kind: "staff", role: "administrator", username: "demo.admin" },
];

beforeAll(async () => {
  demo = await demoApp();
  const organisation = await createOrganisationService(demo.database.db).structural({
    kind: "hospital",
    hospitalId: "slagelse-sygehus",
  });
  const admin = createAdminService(demo.database.db);
  const tokens: [string, TokenScope[]][] = [
    ["token+all", [...TOKEN_SCOPES]],
    ["token-none", []],
  ];
  for (const [label, scopes] of tokens) {
    const created = await admin.createToken(
      {
        name: label,
        organisationId: organisation.id,
        scopes,
        expiresAt: null,
      },
      operator("test"),
    );
    callers.push({ label, kind: "token", scopes, token: created.token });
  }
  // A message broker's token reaches only the routes that name brokers ($process-message).
  const broker = await createBrokerTokenService(demo.database.db).create({
    name: "matrix broker",
    senders: ["999999999000011"],
    expiresAt: null,
  });
  callers.push({
    label: "broker",
    kind: "broker",
    scopes: ["messages:write"],
    token: broker.token,
  });
});
afterAll(async () => demo?.close());

async function headersFor(caller: MatrixCaller): Promise<Record<string, string>> {
  switch (caller.kind) {
    case "anonymous":
      return {};
    case "token":
    case "broker":
      return { authorization: `Bearer ${caller.token}` };
    default:
      // A fresh session per request, so that logging out does not affect the next one.
      return authHeaders(await demo.sessionOf(caller.username));
  }
}

/**
 * One request, read as a stream so that a server-sent event stream (which
 * never ends) is judged by its status and headers, then dropped.
 */
async function call(method: "GET" | "HEAD", url: string, headers: Record<string, string>) {
  const response = await demo.app.inject({ method, url, headers, payloadAsStream: true });
  const stream = response.stream();
  if (String(response.headers["content-type"]).startsWith("text/event-stream")) {
    stream.destroy();
    return { statusCode: response.statusCode, body: "" };
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return { statusCode: response.statusCode, body: Buffer.concat(chunks).toString("utf8") };
}

describe("the authorisation matrix", () => {
  it("has a declaration on every route, and a reason on every public one", () => {
    const routes = demo.app.registeredRoutes;
    expect(routes.length).toBeGreaterThan(20);
    const undeclared = routes.filter((r) => r.access === undefined);
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    for (const r of routes) {
      if (r.access?.public) expect(r.access.reason.length, r.url).toBeGreaterThan(3);
      else expect(r.access?.actors.length, r.url).toBeGreaterThan(0);
    }
  });

  it("lets in exactly the callers each route declares, and never answers 500", async () => {
    const cells: MatrixCell[] = [];
    // HEAD is answered for every GET route too, so it must be guarded the same way.
    const routes = demo.app.registeredRoutes.flatMap((r) =>
      r.method === "GET" && !r.access?.public ? [r, { ...r, method: "HEAD" }] : [r],
    );
    for (const route of routes) {
      if (!route.access) continue;
      const who = route.access.public ? callers.slice(0, 1) : callers;
      for (const caller of who) {
        const { statusCode, body } = await call(
          route.method as "GET" | "HEAD",
          fillPath(route.url),
          await headersFor(caller),
        );
        const code = body.startsWith("{")
          ? (JSON.parse(body) as { code?: string }).code
          : undefined;
        cells.push({
          route,
          caller,
          expected: expectedOutcome(route.access, caller),
          observed: observedOutcome(statusCode, code),
          status: statusCode,
        });
      }
    }
    const wrong = cells.filter((c) => c.expected !== c.observed);
    expect(wrong.length, `\n${formatMatrix(cells, callers)}`).toBe(0);
    // The matrix is not vacuous: each kind of outcome occurs.
    const outcomes = new Set(cells.map((c) => c.expected));
    expect([...outcomes].sort()).toEqual(["401", "403", "guard"]);
  });

  it("writes the expectation from the declaration, not from the guard", () => {
    const staffOnly = { actors: ["staff"], roles: ["administrator"] } as const;
    const tokens = { actors: ["token", "staff"], scopes: ["fhir:read"] } as const;
    const admin = callers.find((c) => c.label === "admin");
    const clinician = callers.find((c) => c.label === "clinician");
    const all = callers.find((c) => c.label === "token+all");
    const none = callers.find((c) => c.label === "token-none");
    const broker = callers.find((c) => c.label === "broker");
    if (!admin || !clinician || !all || !none || !broker) throw new Error("callers missing");
    expect(expectedOutcome(tokens, broker)).toBe("403");
    expect(
      expectedOutcome({ actors: ["token", "broker"], scopes: ["messages:write"] }, broker),
    ).toBe("guard");
    expect(expectedOutcome(staffOnly, admin)).toBe("guard");
    expect(expectedOutcome(staffOnly, clinician)).toBe("403");
    expect(expectedOutcome(staffOnly, all)).toBe("403");
    expect(expectedOutcome(tokens, all)).toBe("guard");
    expect(expectedOutcome(tokens, none)).toBe("403");
    expect(expectedOutcome(tokens, clinician)).toBe("guard");
    expect(observedOutcome(403, "TOV_ERR_NO_RELATION")).toBe("guard");
    expect(observedOutcome(403, "TOV_ERR_CSRF")).toBe("403");
    expect(observedOutcome(404, "TOV_ERR_NOT_FOUND")).toBe("guard");
    expect(observedOutcome(500, "TOV_ERR_INTERNAL")).toBe("5xx");
  });
});

/** The organisations and administrators of the administration matrix, made in the database. */
async function administrationFixture() {
  const db = demo.database.db;
  const structural = createOrganisationService(db);
  const bySor = async (sorCode: string) =>
    (
      await db
        .selectFrom("organisation")
        .select("id")
        .where("sorCode", "=", sorCode)
        .executeTakeFirstOrThrow()
    ).id;
  const aarhus = await db
    .selectFrom("organisation")
    .select(["id", "hospitalId", "regionCode"])
    .where("kind", "=", "hospital")
    .where("name", "=", "Aarhus Universitetshospital")
    .executeTakeFirstOrThrow();
  const aarhusDepartment = await db
    .insertInto("organisation")
    .values({
      kind: "hospital_department",
      name: "Aarhus Universitetshospital, Testafdeling (matrix)",
      sorCode: null,
      regionCode: aarhus.regionCode,
      municipalityCode: null,
      hospitalId: aarhus.hospitalId,
      generalPracticeId: null,
      bodyId: null,
      parentId: aarhus.id,
      gln: null,
      unitType: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const organisations: Record<MatrixOrganisation, string> = {
    region: (await structural.structural({ kind: "region", regionCode: "1085" })).id,
    secretariat: (
      await structural.structural({ kind: "body_secretariat", bodyId: "naestved-slagelse" })
    ).id,
    slagelse: (await structural.structural({ kind: "hospital", hospitalId: "slagelse-sygehus" }))
      .id,
    ward: await bySor(DEMO_UNITS.slagelseMedical.sorCode),
    aarhusDepartment: aarhusDepartment.id,
    slagelseKommune: (
      await structural.structural({ kind: "municipality", municipalityCode: "330" })
    ).id,
    naestvedKommune: (
      await structural.structural({ kind: "municipality", municipalityCode: "370" })
    ).id,
    homeNursing: await bySor(DEMO_UNITS.naestvedHomeNursing.sorCode),
  };
  // Made straight in the database, as the operator would, without the service under test.
  const user = async (username: string) =>
    (await accessStore.insertUser(db, { username, displayName: username, kind: "staff" })).id;
  const adminOf: Record<MatrixAdministrator, MatrixOrganisation> = {
    region: "region",
    slagelse: "slagelse",
    slagelse2: "slagelse",
    ward: "ward",
    naestved: "naestvedKommune",
  };
  const admins = {} as Record<MatrixAdministrator, { id: string; username: string }>;
  for (const name of MATRIX_ADMINISTRATORS) {
    const username = `matrix.admin.${name}`;
    const id = await user(username);
    const organisationId = organisations[adminOf[name]];
    await db
      .insertInto("membership")
      .values({ userId: id, organisationId, role: "administrator", revokedAt: null })
      .execute();
    admins[name] = { id, username };
  }
  const staff = { id: await user("matrix.staff"), username: "matrix.staff" };
  return { organisations, admins, staff };
}

describe("the administration matrix: who may grant what", () => {
  it("refuses, audits and records each request as its row says", async () => {
    const { organisations, admins, staff } = await administrationFixture();
    const db = demo.database.db;
    const wrong: string[] = [];
    for (const c of ADMINISTRATION_CASES) {
      const actor = admins[c.as];
      const rid = `matrix-${Math.random().toString(36).slice(2)}`;
      const headers = { ...authHeaders(await demo.sessionOf(actor.username)), "x-request-id": rid };
      const r = c.request;
      const subject =
        r.kind === "token"
          ? null
          : r.to === "self"
            ? actor
            : r.to === "staff"
              ? staff
              : admins[r.to];
      const response = await demo.app.inject(
        r.kind === "token"
          ? {
              method: "POST",
              url: "/api/admin/tokens",
              headers,
              payload: {
                name: c.label,
                organisationId: organisations[r.organisation],
                scopes: r.scopes,
              },
            }
          : {
              method: "POST",
              url: `/api/admin/users/${subject?.username}/memberships${r.kind === "revoke" ? "/revoke" : ""}`,
              headers,
              payload: { organisationId: organisations[r.organisation], role: r.role },
            },
      );
      const body = response.json() as { i18n?: { key: string } };
      const audit = await db
        .selectFrom("auditLog")
        .select(["action", "outcome", "userId", "subjectUserId", "subjectOrganisationId"])
        .where("requestId", "=", rid)
        .where("resource", "in", ["membership", "token"])
        .execute();
      const expected = describeExpected(c);
      const observed =
        response.statusCode === 403 ? `403 ${body.i18n?.key}` : `${response.statusCode}`;
      const auditOk =
        audit.length === 1 &&
        audit[0]?.userId === actor.id &&
        audit[0]?.outcome === (c.expected === "done" ? "allowed" : "denied") &&
        audit[0]?.subjectOrganisationId === organisations[r.organisation] &&
        audit[0]?.subjectUserId === (subject?.id ?? null);
      if (observed !== expected || !auditOk) {
        wrong.push(
          `${c.label}: expected ${expected}, got ${observed}; audit ${JSON.stringify(audit)}`,
        );
      }
      if (c.expected === "done" && r.kind === "grant" && subject) {
        const membership = await db
          .selectFrom("membership")
          .select(["grantedBy", "grantedByOrganisationId", "grantedVia"])
          .where("userId", "=", subject.id)
          .where("organisationId", "=", organisations[r.organisation])
          .where("role", "=", r.role as (typeof ROLES)[number])
          .where("revokedAt", "is", null)
          .executeTakeFirst();
        if (membership?.grantedBy !== actor.id || membership.grantedVia !== "administrator") {
          wrong.push(
            `${c.label}: the membership does not record its grantor: ${JSON.stringify(membership)}`,
          );
        }
      }
    }
    expect(wrong, `\n${wrong.join("\n")}`).toEqual([]);
  });

  it("shows the citizen a read through a role an administrator granted, for what it is", async () => {
    // The matrix made matrix.admin.slagelse clinician in the ward, granted by the second administrator.
    const karen = await demo.database.db
      .selectFrom("hospitalStay")
      .innerJoin("appUser", "appUser.citizenId", "hospitalStay.citizenId")
      .select("hospitalStay.citizenId")
      .where("appUser.username", "=", "demo.borger")
      .executeTakeFirstOrThrow();
    const session = await demo.sessionOf("matrix.admin.slagelse");
    const memberships = (
      await demo.app.inject({ method: "GET", url: "/api/me", headers: authHeaders(session) })
    ).json() as { memberships: { membershipId: string; role: string }[] };
    const clinician = memberships.memberships.find((m) => m.role === "clinician");
    expect(clinician).toBeDefined();
    const chosen = await demo.app.inject({
      method: "PUT",
      url: "/api/me/active-membership",
      headers: authHeaders(session),
      payload: { membershipId: clinician?.membershipId },
    });
    expect(chosen.statusCode, chosen.body).toBeLessThan(300);
    const read = await demo.app.inject({
      method: "GET",
      url: `/api/citizens/${karen.citizenId}`,
      headers: authHeaders(session),
    });
    expect(read.statusCode).toBe(200);
    const nurse = await demo.app.inject({
      method: "GET",
      url: `/api/citizens/${karen.citizenId}`,
      headers: authHeaders(await demo.sessionOf("demo.sygeplejerske")),
    });
    expect(nurse.statusCode).toBe(200);

    const log = await demo.app.inject({
      method: "GET",
      url: "/api/me/access-log",
      headers: authHeaders(await demo.sessionOf("demo.borger")),
    });
    const entries = log.json() as {
      userName: string | null;
      relation: string | null;
      roleGrantedByAdministrator: { organisationName: string | null; at: string } | null;
    }[];
    const granted = entries.find((e) => e.userName === "matrix.admin.slagelse");
    expect(granted).toMatchObject({
      relation: "hospital-stay",
      roleGrantedByAdministrator: { organisationName: "Slagelse Sygehus", at: expect.any(String) },
    });
    const ordinary = entries.find((e) => e.userName === "Sofie Sygeplejerske (demo)");
    expect(ordinary).toMatchObject({ roleGrantedByAdministrator: null });
  });
});

function describeExpected(c: AdministrationCase): string {
  if (c.expected !== "done") return `403 admin.refused.${c.expected.refused}`;
  return c.request.kind === "revoke" ? "200" : "201";
}
