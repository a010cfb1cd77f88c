import type { FastifyPluginAsync } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/server.ts";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db/database.ts";
import { type App, buildApp } from "../../src/platform/http/app.ts";
import { freshDatabase, testEngine } from "../support/database.ts";

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
    expect(fhir.json()).toMatchObject({
      resourceType: "OperationOutcome",
      issue: [{ code: "not-found", details: { coding: [{ code: "TOV_ERR_ROUTE_NOT_FOUND" }] } }],
    });
  });

  it.each(["/healthz", "/api/nope", "/api/test/boom"])(
    "sets security headers with a Content-Security-Policy on %s",
    async (url) => {
      const res = await app.inject({ url });
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-eval");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["strict-transport-security"]).toContain("max-age=");
    },
  );

  it("echoes a valid x-request-id and makes one otherwise", async () => {
    const given = await app.inject({
      url: "/healthz",
      headers: { "x-request-id": "abc-12345678" },
    });
    expect(given.headers["x-request-id"]).toBe("abc-12345678");
    const bogus = await app.inject({ url: "/healthz", headers: { "x-request-id": "<script>" } });
    expect(bogus.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const none = await app.inject({ url: "/api/nope" });
    const made = none.headers["x-request-id"];
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(made).not.toBe(bogus.headers["x-request-id"]);
    // The problem quotes the same id, so a user's report can be found in the log.
    expect(none.json()).toMatchObject({ requestId: made });
  });

  it("hides internals of a server error but logs them with the request id", async () => {
    const res = await app.inject({ url: "/api/test/boom" });
    expect(res.statusCode).toBe(500);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const body = res.json() as { code: string; requestId: string };
    expect(body.code).toBe("TOV_ERR_INTERNAL");
    expect(Object.keys(body).sort()).toEqual(
      ["code", "detail", "instance", "requestId", "status", "title", "type"].sort(),
    );
    expect(res.body).not.toContain("secret internal detail");
    expect(res.body).not.toContain("postgres://");
    expect(res.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
    const logged = logLines.find((l) => l.includes(body.requestId) && l.includes('"level":50'));
    expect(logged).toContain("secret internal detail");
  });

  it("refuses a malformed JSON body with a 400", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/test/echo",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ code: "TOV_ERR_BAD_JSON", status: 400 });
    const fine = await app.inject({ method: "POST", url: "/api/test/echo", payload: { a: 1 } });
    expect(fine.json()).toEqual({ got: { a: 1 } });
  });

  it("serves the whole application's OpenAPI document and its HTML viewer at /api/docs", async () => {
    const full = await createApp(database);
    try {
      const html = await full.inject({ url: "/api/docs" });
      expect(html.statusCode).toBe(200);
      expect(html.headers["content-type"]).toContain("text/html");
      expect(html.body).toMatch(/<html/i);
      const json = await full.inject({ url: "/api/docs/json" });
      const doc = json.json() as {
        openapi: string;
        paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
      };
      expect(doc.openapi).toMatch(/^3\./);
      const parameters = doc.paths["/api/bodies"]?.get?.parameters ?? [];
      expect(parameters).toContainEqual(expect.objectContaining({ name: "date", in: "query" }));
      expect(doc.paths).toHaveProperty(["/api/municipalities/{code}"]);
    } finally {
      await full.close();
    }
  });

  it("reports liveness and readiness, and not ready once the database is gone", async () => {
    const live = await app.inject({ url: "/healthz" });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: "ok" });
    const ready = await app.inject({ url: "/readyz" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", engine: testEngine });

    // A database that has been closed under a running app.
    const dedicated = await freshDatabase();
    const orphan = await buildApp({ database: dedicated, features: [] });
    expect((await orphan.inject({ url: "/readyz" })).statusCode).toBe(200);
    await dedicated.close();
    const closed = await orphan.inject({ url: "/readyz" });
    expect(closed.statusCode).toBe(503);
    expect(closed.headers["content-type"]).toContain("application/problem+json");
    expect(closed.json()).toMatchObject({ code: "TOV_ERR_UNAVAILABLE", status: 503 });
    expect((await orphan.inject({ url: "/healthz" })).statusCode).toBe(200);
    await orphan.close();

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
