import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminService } from "../../src/access/admin-service.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import type { App } from "../../src/platform/http/app.ts";
import { createApp } from "../../src/platform/server.ts";
import { structureDatabase } from "../support/server.ts";

/** A real OpenID provider (oidc-provider) on loopback; its login step is answered by the test. */
const ACCOUNTS: Record<string, { email: string }> = {
  "sub-known": { email: "Lone.Laege@example.dk" },
  "sub-stranger": { email: "stranger@example.dk" },
};
let nextAccount = "sub-known";

let providerServer: http.Server;
let issuer: string;
let database: DatabaseHandle;
let app: App;
let appUrl: string;

async function startProvider(redirectUri: string): Promise<void> {
  providerServer = http.createServer();
  await new Promise<void>((r) => providerServer.listen(0, "127.0.0.1", r));
  issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "tovholder",
        client_secret: "a-test-secret-that-is-long-enough",
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    pkce: { required: () => true },
    // Put the scope claims (email) in the ID token itself, as brokers such as NemLog-in do.
    conformIdTokenClaims: false,
    claims: { openid: ["sub"], email: ["email"] },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, email: ACCOUNTS[id]?.email }),
    }),
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
  });
  const callback = provider.callback();
  providerServer.on("request", (req, res) => {
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

beforeAll(async () => {
  database = await structureDatabase();
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
  appUrl = `http://127.0.0.1:${port}`;
  await startProvider(`${appUrl}/api/auth/oidc/callback`);
  app = await createApp(database, {
    config: {
      demo: false,
      session: { idleMinutes: 30, absoluteHours: 12, secureCookie: false },
      access: { hospitalAfterDischargeHours: 720, breakGlassMinutes: 240 },
      publicUrl: undefined,
      oidc: {
        issuer,
        clientId: "tovholder",
        clientSecret: "a-test-secret-that-is-long-enough",
        redirectUri: `${appUrl}/api/auth/oidc/callback`,
        scope: "openid email",
        usernameClaim: "email",
      },
    },
  });
  await app.listen({ port, host: "127.0.0.1" });
  await createAdminService(database.db).createUser({
    username: "lone.laege@example.dk",
    displayName: "Lone Læge",
    kind: "staff",
  });
});

afterAll(async () => {
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
    const session = jar.get(new URL(appUrl).host)?.get("tovholder_session");
    expect(session).toBeTruthy();
    const me = await fetch(`${appUrl}/api/me`, {
      headers: { cookie: `tovholder_session=${session}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe(
      "lone.laege@example.dk",
    );
    const linked = await database.db
      .selectFrom("appUser")
      .select(["oidcIssuer", "oidcSubject"])
      .where("username", "=", "lone.laege@example.dk")
      .executeTakeFirstOrThrow();
    expect(linked).toEqual({ oidcIssuer: issuer, oidcSubject: "sub-known" });
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
  });

  it("answers 404 when OpenID Connect is not configured", async () => {
    const plain = await createApp(database);
    const res = await plain.inject({ url: "/api/auth/oidc/start" });
    expect(res.statusCode).toBe(404);
    await plain.close();
  });
});
