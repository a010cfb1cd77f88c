import type { FastifyPluginAsync } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminService, operator } from "../../src/access/admin-service.ts";
import { contextOf } from "../../src/access/authenticate.ts";
import { createAccessFeature } from "../../src/access/feature.ts";
import { sha256 } from "../../src/access/secrets.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { type App, buildApp } from "../../src/platform/http/app.ts";
import { createOrganisationService } from "../../src/structure/organisations.ts";
import {
  authHeaders,
  type DemoApp,
  demoApp,
  requestId,
  type Session,
  testConfig,
} from "../support/access.ts";

/** Routes open to integration tokens; the real ones (MedCom, FHIR) arrive with interop. */
const probeRoutes: FastifyPluginAsync = async (app) => {
  app.post(
    "/api/test/messages",
    { config: { access: { actors: ["token"], scopes: ["messages:write"] } } },
    async (request) => {
      const { actor } = contextOf(request);
      return {
        kind: actor.kind,
        organisation: actor.kind === "token" ? actor.organisation.id : null,
      };
    },
  );
  app.get(
    "/api/test/fhir",
    {
      config: {
        access: { actors: ["token", "staff"], roles: ["clinician"], scopes: ["fhir:read"] },
      },
    },
    async () => ({ ok: true }),
  );
};

let demo: DemoApp;
let app: App;
let admin: Session;
let hospitalId: string;

beforeAll(async () => {
  demo = await demoApp();
  const access = createAccessFeature(demo.database.db, createCipher(demo.masterKey), testConfig());
  app = await buildApp({
    database: demo.database,
    authenticate: access.authenticate,
    onDenied: access.onDenied,
    features: [...access.plugins, probeRoutes],
  });
  admin = await demo.sessionOf("demo.admin");
  const organisations = createOrganisationService(demo.database.db);
  hospitalId = (
    await organisations.structural({ kind: "hospital", hospitalId: "slagelse-sygehus" })
  ).id;
});
afterAll(async () => {
  await app?.close();
  await demo?.close();
});

async function createToken(scopes: string[], session = admin) {
  return app.inject({
    method: "POST",
    url: "/api/admin/tokens",
    headers: authHeaders(session),
    payload: { name: `EPJ ${scopes.join(" ")}`, organisationId: hospitalId, scopes },
  });
}
async function issued(scopes: string[]): Promise<{ id: string; token: string }> {
  const response = await createToken(scopes);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const send = (token: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: "POST",
    url: "/api/test/messages",
    headers: { ...bearer(token), ...headers },
    payload: {},
  });

describe("integration tokens", () => {
  it("are created by administrators only, shown once and stored only as a hash", async () => {
    const clinician = await demo.sessionOf("demo.sygeplejerske");
    expect((await createToken(["messages:write"], clinician)).statusCode).toBe(403);

    const { id, token } = await issued(["messages:write"]);
    expect(token).toMatch(/^tovh_[A-Za-z0-9_-]{43}$/);
    const rows = await demo.database.db.selectFrom("apiToken").selectAll().execute();
    const everything = JSON.stringify(rows);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.slice("tovh_".length));
    expect(rows.find((r) => r.id === id)?.tokenHash).toBe(sha256(token));

    const list = await app.inject({
      method: "GET",
      url: "/api/admin/tokens",
      headers: authHeaders(admin),
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token.slice("tovh_".length));
    expect(list.json().find((t: { id: string }) => t.id === id)).toMatchObject({
      scopes: ["messages:write"],
      revokedAt: null,
    });
  });

  it("authenticate a bearer on routes open to tokens with the scope, without CSRF", async () => {
    const { token } = await issued(["messages:write", "fhir:read"]);
    const response = await send(token);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ kind: "token", organisation: hospitalId });
    const fhir = await app.inject({ method: "GET", url: "/api/test/fhir", headers: bearer(token) });
    expect(fhir.statusCode).toBe(200);
    const listed = await app.inject({
      method: "GET",
      url: "/api/admin/tokens",
      headers: authHeaders(admin),
    });
    expect(listed.json().some((t: { lastUsedAt: string | null }) => t.lastUsedAt !== null)).toBe(
      true,
    );
  });

  it("are refused, and the refusal audited, without the scope or on routes not open to tokens", async () => {
    const { id, token } = await issued(["fhir:read"]);
    const rid = requestId("scope");
    const response = await send(token, { "x-request-id": rid });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: "TOV_ERR_FORBIDDEN" });
    expect(response.json().detail).toContain("messages:write");
    const audit = await demo.database.db
      .selectFrom("auditLog")
      .selectAll()
      .where("requestId", "=", rid)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        actorKind: "token",
        tokenId: id,
        organisationId: hospitalId,
        outcome: "denied",
      }),
    ]);
    for (const url of ["/api/me", "/api/admin/users", `/api/citizens/${id}`]) {
      const r = await app.inject({ method: "GET", url, headers: bearer(token) });
      expect(r.statusCode, url).toBe(403);
    }
  });

  it("stop working when revoked or expired", async () => {
    const revoked = await issued(["messages:write"]);
    const expired = await issued(["messages:write"]);
    expect((await send(revoked.token)).statusCode).toBe(200);
    expect((await send(expired.token)).statusCode).toBe(200);

    const revoke = await app.inject({
      method: "POST",
      url: `/api/admin/tokens/${revoked.id}/revoke`,
      headers: authHeaders(admin),
    });
    expect(revoke.statusCode).toBe(204);
    const audited = await demo.database.db
      .selectFrom("auditLog")
      .select(["action", "outcome", "subjectTokenId", "subjectOrganisationId"])
      .where("action", "in", ["create-token", "revoke-token"])
      .where("subjectTokenId", "=", revoked.id)
      .orderBy("id")
      .execute();
    expect(audited).toEqual([
      {
        action: "create-token",
        outcome: "allowed",
        subjectTokenId: revoked.id,
        subjectOrganisationId: hospitalId,
      },
      {
        action: "revoke-token",
        outcome: "allowed",
        subjectTokenId: revoked.id,
        subjectOrganisationId: hospitalId,
      },
    ]);
    await demo.database.db
      .updateTable("apiToken")
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where("id", "=", expired.id)
      .execute();
    for (const token of [revoked.token, expired.token]) {
      const response = await send(token);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: "TOV_ERR_UNAUTHENTICATED" });
    }
  });

  it("are listed and revoked by an administrator only within their organisation's tree", async () => {
    const elsewhere = await createOrganisationService(demo.database.db).structural({
      kind: "municipality",
      municipalityCode: "370",
    });
    const theirs = await createAdminService(demo.database.db).createToken(
      {
        name: "Næstveds omsorgssystem",
        organisationId: elsewhere.id,
        scopes: ["tasks:write"],
        expiresAt: null,
      },
      operator("test"),
    );
    const list = await app.inject({
      method: "GET",
      url: "/api/admin/tokens",
      headers: authHeaders(admin),
    });
    expect(list.json().map((t: { id: string }) => t.id)).not.toContain(theirs.id);
    const revoke = await app.inject({
      method: "POST",
      url: `/api/admin/tokens/${theirs.id}/revoke`,
      headers: authHeaders(admin),
    });
    expect(revoke.statusCode).toBe(403);
    expect(revoke.json().i18n).toEqual({ key: "admin.refused.outsideTree" });
    expect((await send(theirs.token)).statusCode).toBe(403); // still valid: only the scope is missing
  });

  it("refuse forged and malformed bearers, and never fall back to a cookie", async () => {
    const { token } = await issued(["messages:write"]);
    const forged = [
      `tovh_${"A".repeat(43)}`,
      token.slice(0, -1),
      token.slice("tovh_".length),
      `${token}x`,
    ];
    for (const candidate of forged) expect((await send(candidate)).statusCode, candidate).toBe(401);
    for (const authorization of [`Basic ${token}`, "Bearer", `Bearer ${token} extra`, ""]) {
      const response = await app.inject({
        method: "POST",
        url: "/api/test/messages",
        headers: { authorization },
        payload: {},
      });
      expect(response.statusCode, authorization).toBe(401);
    }
    const withCookie = await app.inject({
      method: "GET",
      url: "/api/me",
      headers: { ...authHeaders(admin), authorization: "Bearer tovh_forged" },
    });
    expect(withCookie.statusCode).toBe(401);
  });
});
