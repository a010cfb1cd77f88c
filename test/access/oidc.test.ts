import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminService, operator } from "../../src/access/admin-service.ts";
import { createApp } from "../../src/app/server.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import type { App } from "../../src/platform/http/app.ts";
import { structureDatabase } from "../support/server.ts";

/** A real OpenID provider (oidc-provider) on loopback; its login step is answered by the test. */
const ACCOUNTS: Record<string, { email: string; email_verified?: boolean }> = {
  "sub-known": { email: "Lone.Laege@example.dk" },
  "sub-stranger": { email: "stranger@example.dk" },
  // Claims the address of a provisioned user, but the provider says it is not verified.
  "sub-unverified": { email: "bo.borger@example.dk", email_verified: false },
  "sub-public": { email: "per.public@example.dk" },
};
const SECRET = "a-test-secret-that-is-long-enough";
let nextAccount = "sub-known";
/** How the client authenticated at the token endpoint, as the provider saw it. */
const tokenRequests: { client: string | null }[] = [];

let providerServer: http.Server;
let issuer: string;
let database: DatabaseHandle;
let app: App;
let appUrl: string;
/** A second Tovholder, configured as a public client (no secret; PKCE only). */
let publicApp: App;
let publicAppUrl: string;

async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
  return port;
}

async function startProvider(redirectUri: string, publicRedirectUri: string): Promise<void> {
  providerServer = http.createServer();
  await new Promise<void>((r) => providerServer.listen(0, "127.0.0.1", r));
  issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "tovholder",
        client_secret: SECRET,
        token_endpoint_auth_method: "client_secret_basic",
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
      {
        client_id: "tovholder-public",
        token_endpoint_auth_method: "none",
        redirect_uris: [publicRedirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    pkce: { required: () => true },
    // Put the scope claims (email) in the ID token itself, as brokers such as NemLog-in do.
    conformIdTokenClaims: false,
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, ...ACCOUNTS[id] }),
    }),
    // The test answers the interactions below; the built-in forms stay off.
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
  });
  const callback = provider.callback();
  providerServer.on("request", (req, res) => {
    if (req.url?.startsWith("/token")) {
      // oidc-provider accepts basic and post alike, so the method is observed here.
      const auth = req.headers.authorization;
      tokenRequests.push({ client: auth ? (auth.split(" ")[0] ?? null) : null });
    }
    if (!req.url?.startsWith("/interaction/")) return callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === "login") {
        await provider.interactionFinished(req, res, { login: { accountId: nextAccount } });
        return;
      }
      const grant = new provider.Grant({
        accountId: details.session?.accountId ?? nextAccount,
        clientId: details.params.client_id,
      });
      grant.addOIDCScope("openid email");
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    })();
  });
}

function tovholder(oidc: { issuer: string; clientId: string; clientSecret?: string }, url: string) {
  return createApp(database, {
    config: {
      demo: false,
      session: { idleMinutes: 30, absoluteHours: 12, secureCookie: false },
      access: { hospitalAfterDischargeHours: 720, breakGlassMinutes: 240 },
      publicUrl: undefined,
      oidc: {
        clientSecret: undefined,
        ...oidc,
        redirectUri: `${url}/api/auth/oidc/callback`,
        scope: "openid email",
        usernameClaim: "email",
      },
    },
  });
}

beforeAll(async () => {
  database = await structureDatabase();
  const [port, publicPort] = [await freePort(), await freePort()];
  appUrl = `http://127.0.0.1:${port}`;
  publicAppUrl = `http://127.0.0.1:${publicPort}`;
  await startProvider(`${appUrl}/api/auth/oidc/callback`, `${publicAppUrl}/api/auth/oidc/callback`);
  app = await tovholder({ issuer, clientId: "tovholder", clientSecret: SECRET }, appUrl);
  await app.listen({ port, host: "127.0.0.1" });
  publicApp = await tovholder({ issuer, clientId: "tovholder-public" }, publicAppUrl);
  await publicApp.listen({ port: publicPort, host: "127.0.0.1" });
  const admin = createAdminService(database.db);
  for (const [username, displayName] of [
    ["lone.laege@example.dk", "Lone Læge"],
    ["bo.borger@example.dk", "Bo Borger"],
    ["per.public@example.dk", "Per Public"],
  ] as const) {
    await admin.createUser({ username, displayName, kind: "staff" }, operator("test"));
  }
});

afterAll(async () => {
  await publicApp?.close();
  await app?.close();
  await new Promise((r) => providerServer?.close(r));
  await database?.close();
});

/** A browser in miniature: follows redirects by hand and keeps cookies per host. */
async function browse(
  startUrl: string,
): Promise<{ finalUrl: string; jar: Map<string, Map<string, string>> }> {
  const jar = new Map<string, Map<string, string>>();
  let url = startUrl;
  for (let hop = 0; hop < 20; hop++) {
    const host = new URL(url).host;
    const cookies = jar.get(host) ?? new Map<string, string>();
    jar.set(host, cookies);
    const res = await fetch(url, {
      redirect: "manual",
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name) cookies.set(name.trim(), value.join("="));
    }
    const location = res.headers.get("location");
    if (res.status < 300 || res.status >= 400 || !location) return { finalUrl: url, jar };
    url = new URL(location, url).href;
  }
  throw new Error("too many redirects");
}

async function linkOf(username: string) {
  return database.db
    .selectFrom("appUser")
    .select(["oidcIssuer", "oidcSubject"])
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
}

describe("OpenID Connect login", () => {
  it("redirects to the provider with PKCE (S256) and a state", async () => {
    const res = await fetch(`${appUrl}/api/auth/oidc/start`, { redirect: "manual" });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location") ?? "");
    expect(location.origin).toBe(issuer);
    expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    expect(location.searchParams.get("state")).toBeTruthy();
    expect(location.searchParams.get("nonce")).toBeTruthy();
  });

  it("logs in a provisioned user, links the account, and opens a session", async () => {
    nextAccount = "sub-known";
    const { finalUrl, jar } = await browse(`${appUrl}/api/auth/oidc/start`);
    expect(new URL(finalUrl).pathname).toBe("/");
    expect(tokenRequests.at(-1)).toEqual({ client: "Basic" });
    const session = jar.get(new URL(appUrl).host)?.get("tovholder_session");
    expect(session).toBeTruthy();
    const me = await fetch(`${appUrl}/api/me`, {
      headers: { cookie: `tovholder_session=${session}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe(
      "lone.laege@example.dk",
    );
    expect(await linkOf("lone.laege@example.dk")).toEqual({
      oidcIssuer: issuer,
      oidcSubject: "sub-known",
    });
    // The transaction cookie is spent: it is cleared on the callback.
    expect(jar.get(new URL(appUrl).host)?.get("tovholder_oidc")).toBe("");
  });

  it("logs in again by the linked subject", async () => {
    nextAccount = "sub-known";
    const { finalUrl, jar } = await browse(`${appUrl}/api/auth/oidc/start`);
    expect(new URL(finalUrl).pathname).toBe("/");
    expect(jar.get(new URL(appUrl).host)?.get("tovholder_session")).toBeTruthy();
  });

  it("works as a public client (no secret, PKCE only)", async () => {
    nextAccount = "sub-public";
    const { finalUrl, jar } = await browse(`${publicAppUrl}/api/auth/oidc/start`);
    expect(new URL(finalUrl).pathname).toBe("/");
    expect(tokenRequests.at(-1)).toEqual({ client: null });
    const session = jar.get(new URL(publicAppUrl).host)?.get("tovholder_session");
    const me = await fetch(`${publicAppUrl}/api/me`, {
      headers: { cookie: `tovholder_session=${session}` },
    });
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe(
      "per.public@example.dk",
    );
  });

  it("does not link an account by an address the provider marks unverified", async () => {
    nextAccount = "sub-unverified";
    const { finalUrl, jar } = await browse(`${appUrl}/api/auth/oidc/start`);
    expect(finalUrl).toContain("/login?error=oidc_unknown_user");
    expect(jar.get(new URL(appUrl).host)?.has("tovholder_session")).toBe(false);
    expect(await linkOf("bo.borger@example.dk")).toEqual({ oidcIssuer: null, oidcSubject: null });
  });

  it("sends an identity with no Tovholder user back to the login page without a session", async () => {
    nextAccount = "sub-stranger";
    const { finalUrl, jar } = await browse(`${appUrl}/api/auth/oidc/start`);
    expect(finalUrl).toContain("/login?error=oidc_unknown_user");
    expect(jar.get(new URL(appUrl).host)?.has("tovholder_session")).toBe(false);
  });

  it("refuses a callback without the transaction cookie or with a forged state", async () => {
    const noCookie = await fetch(`${appUrl}/api/auth/oidc/callback?code=x&state=y`, {
      redirect: "manual",
    });
    expect(noCookie.headers.get("location")).toBe("/login?error=oidc_failed");
    const start = await fetch(`${appUrl}/api/auth/oidc/start`, { redirect: "manual" });
    const cookie = (start.headers.getSetCookie()[0] ?? "").split(";")[0];
    const forged = await fetch(`${appUrl}/api/auth/oidc/callback?code=abc&state=forged`, {
      redirect: "manual",
      headers: { cookie: cookie ?? "" },
    });
    expect(forged.headers.get("location")).toBe("/login?error=oidc_failed");
    expect(forged.headers.getSetCookie().join()).not.toContain("tovholder_session=");
  });

  it("sends a provider error back to the login page", async () => {
    const start = await fetch(`${appUrl}/api/auth/oidc/start`, { redirect: "manual" });
    const cookie = (start.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
    const query = new URLSearchParams({ error: "access_denied", state, iss: issuer });
    const denied = await fetch(`${appUrl}/api/auth/oidc/callback?${query}`, {
      redirect: "manual",
      headers: { cookie },
    });
    expect(denied.headers.get("location")).toBe("/login?error=oidc_failed");
  });

  it("sends the browser back to the login page when the provider cannot be reached", async () => {
    const unreachable = await tovholder(
      { issuer: `http://127.0.0.1:${await freePort()}`, clientId: "tovholder" },
      appUrl,
    );
    const res = await unreachable.inject({ url: "/api/auth/oidc/start" });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("/login?error=oidc_failed");
    await unreachable.close();
  });

  it("answers 404 when OpenID Connect is not configured", async () => {
    const plain = await createApp(database);
    for (const url of ["/api/auth/oidc/start", "/api/auth/oidc/callback?code=x&state=y"]) {
      const res = await plain.inject({ url });
      expect(res.statusCode).toBe(404);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json<{ code: string }>().code).toBe("TOV_ERR_NOT_FOUND");
    }
    await plain.close();
  });
});
