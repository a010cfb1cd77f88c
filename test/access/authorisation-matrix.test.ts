import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAdminService,
  TOKEN_SCOPES,
  type TokenScope,
} from "../../src/access/admin-service.ts";
import { createBrokerTokenService } from "../../src/access/broker-tokens.ts";
import { createOrganisationService } from "../../src/structure/organisations.ts";
import { authHeaders, type DemoApp, demoApp } from "../support/access.ts";
import {
  expectedOutcome,
  fillPath,
  formatMatrix,
  type MatrixCaller,
  type MatrixCell,
  observedOutcome,
} from "../support/authorisation-matrix.ts";

let demo: DemoApp;
const callers: MatrixCaller[] = [
  { label: "anonymous", kind: "anonymous" },
  { label: "citizen", kind: "citizen", username: "demo.borger" },
  { label: "relative", kind: "relative", username: "demo.paaroerende" },
  { label: "clinician", kind: "staff", role: "clinician", username: "demo.sygeplejerske" },
  { label: "coordinator", kind: "staff", role: "coordinator", username: "demo.udskrivning" },
  { label: "clusterlead", kind: "staff", role: "cluster_lead", username: "demo.klyngeleder" },
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
    const created = await admin.createToken({
      name: label,
      organisationId: organisation.id,
      scopes,
      createdBy: null,
      expiresAt: null,
    });
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
