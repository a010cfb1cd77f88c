import type { FastifyInstance, FastifyPluginAsync, RouteHandlerMethod } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/server.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import { type App, buildApp } from "../../src/platform/http/app.ts";
import type { RegisteredRoute } from "../../src/platform/http/route-access.ts";
import { freshDatabase } from "../support/database.ts";

/** "GET /api/x" for every route that does not say who may call it. */
function undeclared(routes: readonly RegisteredRoute[]): string[] {
  return routes.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
}

/**
 * The public surface of the API: every route anybody may call without logging in.
 * API documentation and the web client's files are public by nature and not listed.
 * Making another route public means adding it here, on purpose.
 */
const publicApi = [
  "GET /healthz",
  "GET /readyz",
  "GET /api/regions",
  "GET /api/bodies",
  "GET /api/bodies/:id",
  "GET /api/clusters",
  "GET /api/clusters/:id",
  "GET /api/health-councils",
  "GET /api/health-councils/:id",
  "GET /api/structure/today",
  "GET /api/structure/versions",
  "GET /api/hospitals",
  "GET /api/municipalities",
  "GET /api/municipalities/:code",
  "GET /api/public/agreements/:id",
  "GET /api/public/bodies/:bodyId/agreements",
  "GET /api/public/bodies/:bodyId/initiatives",
  "GET /api/public/initiatives/:id",
  "GET /api/public/initiatives/:id/effect",
  "GET /api/public/bodies/:bodyId/meetings",
  "GET /api/public/meetings/:id",
  "GET /api/public/meetings/:id/pack",
  "GET /api/public/meetings/:id/pack.pdf",
  "GET /api/public/agreements/:id/decisions",
  "GET /api/public/initiatives/:id/decisions",
  "GET /api/public/bodies/:bodyId/gp-capacity",
  "GET /api/public/bodies/:bodyId/ledger",
  "GET /api/geo/municipalities",
  "GET /api/indicators",
  "GET /api/indicators/dashboard",
  "GET /api/indicators/:id/values",
  "GET /api/indicators/:id/funnel",
  "GET /fhir/metadata",
  "GET /api/auth/config",
  "GET /api/auth/demo-users",
  "POST /api/auth/login",
  "GET /api/auth/oidc/start",
  "GET /api/auth/oidc/callback",
];
const publicByNature = ["API documentation", "web client assets"];

const handler: RouteHandlerMethod = async () => ({ ok: true });
const declared = { access: { public: true, reason: "test" } } as const;

/** Ways a feature can register routes, and the routes among them that lack a declaration. */
const registrations: { name: string; register: (s: FastifyInstance) => void; missing: string[] }[] =
  [
    {
      name: "a GET without config",
      register: (s) => s.get("/api/t/plain", handler),
      missing: ["GET /api/t/plain"],
    },
    {
      name: "a config without access",
      register: (s) => s.post("/api/t/other", { config: {} }, handler),
      missing: ["POST /api/t/other"],
    },
    {
      name: "one route() for several methods",
      register: (s) => s.route({ method: ["PUT", "DELETE"], url: "/api/t/many", handler }),
      missing: ["PUT /api/t/many", "DELETE /api/t/many"],
    },
    {
      name: "a HEAD route of its own",
      register: (s) => s.head("/api/t/head", handler),
      missing: ["HEAD /api/t/head"],
    },
    {
      name: "a route in a plugin nested under a prefix",
      register: (s) =>
        void s.register(async (inner) => void inner.get("/deep", handler), { prefix: "/api/t" }),
      missing: ["GET /api/t/deep"],
    },
    {
      name: "a declared GET, whose automatic HEAD inherits the declaration",
      register: (s) => s.get("/api/t/fine", { config: declared }, handler),
      missing: [],
    },
  ];

let database: DatabaseHandle;
let app: App;

beforeAll(async () => {
  database = await freshDatabase();
  app = await createApp(database);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("every route of the application", () => {
  it("declares who may call it", () => {
    expect(app.registeredRoutes.length).toBeGreaterThan(publicApi.length);
    expect(undeclared(app.registeredRoutes)).toEqual([]);
  });

  it("gives a reason when public, and names its callers when not", () => {
    for (const route of app.registeredRoutes) {
      const label = `${route.method} ${route.url}`;
      if (route.access?.public) expect(route.access.reason.trim(), label).not.toBe("");
      else expect(route.access?.actors.length, label).toBeGreaterThan(0);
    }
  });

  it("is public only if it is on the list of the public surface", () => {
    const isPublic = app.registeredRoutes.filter(
      (r) => r.access?.public && !publicByNature.includes(r.access.reason),
    );
    expect(isPublic.map((r) => `${r.method} ${r.url}`).sort()).toEqual([...publicApi].sort());
  });
});

describe("the check for a missing declaration", () => {
  it.each(registrations)("finds $name", async ({ register, missing }) => {
    const feature: FastifyPluginAsync = async (scope) => {
      register(scope);
    };
    const probe = await buildApp({ database, features: [feature] });
    try {
      await probe.ready();
      const ours = probe.registeredRoutes.filter((r) => r.url.startsWith("/api/t/"));
      expect(ours.length).toBeGreaterThan(0);
      expect(undeclared(ours).sort()).toEqual([...missing].sort());
    } finally {
      await probe.close();
    }
  });

  it("is backed by the guard: an undeclared route is refused, never served", async () => {
    const feature: FastifyPluginAsync = async (scope) => {
      scope.get("/api/t/plain", handler);
      scope.get("/api/t/fine", { config: declared }, handler);
    };
    const probe = await buildApp({ database, features: [feature] });
    try {
      const refused = await probe.inject({ url: "/api/t/plain" });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: "TOV_ERR_FORBIDDEN" });
      expect(refused.body).not.toContain("ok");
      const served = await probe.inject({ url: "/api/t/fine" });
      expect(served.json()).toEqual({ ok: true });
    } finally {
      await probe.close();
    }
  });
});
