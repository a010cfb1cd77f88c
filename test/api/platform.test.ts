import type { FastifyPluginAsync } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db/database.ts";
import { type App, buildApp } from "../../src/platform/http/app.ts";
import { freshDatabase } from "../support/database.ts";

let database: DatabaseHandle;
let app: App;
const logLines: string[] = [];

const faulty: FastifyPluginAsync = async (scope) => {
  const config = { access: { public: true, reason: "test" } } as const;
  scope.get("/api/test/boom", { config }, async () => {
    throw new Error("secret internal detail: connection string postgres://u:p@h/db");
  });
  scope.post("/api/test/echo", { config }, async (request) => ({ got: request.body }));
};

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildApp({
    database,
    features: [faulty],
    logger: { level: "info", stream: { write: (line: string) => void logLines.push(line) } },
  });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("the HTTP platform", () => {
  it("answers unknown /api and /fhir paths with JSON 404s", async () => {
    const api = await app.inject({ url: "/api/nope" });
    expect(api.statusCode).toBe(404);
    expect(api.headers["content-type"]).toContain("application/problem+json");
    expect(api.json()).toMatchObject({ code: "TOV_ERR_ROUTE_NOT_FOUND", status: 404 });
    const fhir = await app.inject({ url: "/fhir/Nothing" });
    expect(fhir.statusCode).toBe(404);
    expect(fhir.headers["content-type"]).toContain("application/fhir+json");
    expect(fhir.json()).toMatchObject({ resourceType: "OperationOutcome" });
  });

  it("sets security headers with a Content-Security-Policy", async () => {
    const res = await app.inject({ url: "/healthz" });
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it("echoes a valid x-request-id and makes one otherwise", async () => {
    const given = await app.inject({
      url: "/healthz",
      headers: { "x-request-id": "abc-12345678" },
    });
    expect(given.headers["x-request-id"]).toBe("abc-12345678");
    const bogus = await app.inject({ url: "/healthz", headers: { "x-request-id": "<script>" } });
    expect(bogus.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("hides internals of a server error but logs them with the request id", async () => {
    const res = await app.inject({ url: "/api/test/boom" });
    expect(res.statusCode).toBe(500);
    const body = res.json() as { code: string; requestId: string };
    expect(body.code).toBe("TOV_ERR_INTERNAL");
    expect(res.body).not.toContain("secret internal detail");
    expect(res.body).not.toContain("at ");
    const logged = logLines.find((l) => l.includes("secret internal detail"));
    expect(logged).toContain(body.requestId);
  });

  it("refuses a malformed JSON body with a 400", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/test/echo",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "TOV_ERR_BAD_JSON" });
  });

  it("serves OpenAPI at /api/docs", async () => {
    const html = await app.inject({ url: "/api/docs" });
    expect([200, 302]).toContain(html.statusCode);
    const json = await app.inject({ url: "/api/docs/json" });
    expect(json.json()).toMatchObject({ openapi: expect.stringMatching(/^3\./) });
  });

  it("reports liveness and readiness, and not ready once the database is gone", async () => {
    expect((await app.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    const ready = await app.inject({ url: "/readyz" });
    expect(ready.json()).toMatchObject({ status: "ready" });
    // A database nobody answers at: port 1 on loopback refuses at once.
    const other = await openDatabase({ engine: "postgres", url: "postgres://x@127.0.0.1:1/none" });
    const broken = await buildApp({ database: other, features: [] });
    const res = await broken.inject({ url: "/readyz" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: "TOV_ERR_UNAVAILABLE" });
    await broken.close();
    await other.close();
  });
});
