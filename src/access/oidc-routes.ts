import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Database } from "../platform/db/database.ts";
import { notFound } from "../platform/http/errors.ts";
import { setSessionCookie } from "./authenticate.ts";
import { OIDC_COOKIE, OIDC_COOKIE_SECONDS, type OidcClient } from "./oidc.ts";
import type { SessionService } from "./session-service.ts";
import * as store from "./store.ts";

export type OidcRoutesOptions = {
  db: Database;
  sessions: SessionService;
  client: OidcClient | undefined;
  cookie: { secure: boolean; maxAgeSeconds: number };
};

const loginPublic = { access: { public: true, reason: "OpenID Connect login" } } as const;

/**
 * `/api/auth/oidc/start` sends the browser to the identity provider;
 * `/api/auth/oidc/callback` verifies the answer, finds the Tovholder user
 * (accounts are provisioned by administrators, never created here) and opens
 * a session. Failures land on the login page with a code, never with details.
 */
export const oidcRoutes: FastifyPluginAsyncZod<OidcRoutesOptions> = async (app, opts) => {
  const { db, sessions, client } = opts;
  const tags = ["access"];

  app.get(
    "/api/auth/oidc/start",
    { config: loginPublic, schema: { tags, summary: "Start OpenID Connect login (302)" } },
    async (_request, reply) => {
      if (!client) throw notFound("OpenID Connect login");
      const { url, sealed } = await client.start();
      reply.setCookie(OIDC_COOKIE, sealed, {
        httpOnly: true,
        sameSite: "lax",
        secure: opts.cookie.secure,
        path: "/api/auth/oidc",
        maxAge: OIDC_COOKIE_SECONDS,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    "/api/auth/oidc/callback",
    { config: loginPublic, schema: { tags, summary: "OpenID Connect callback (302)" } },
    async (request, reply) => {
      if (!client) throw notFound("OpenID Connect login");
      const sealed = request.cookies[OIDC_COOKIE];
      reply.clearCookie(OIDC_COOKIE, { path: "/api/auth/oidc" });
      const fail = (code: string, reason: string) => {
        request.log.warn({ reason }, "OpenID Connect login failed");
        return reply.redirect(`/login?error=${code}`, 302);
      };
      if (!sealed) return fail("oidc_failed", "no transaction cookie");
      let identity: Awaited<ReturnType<OidcClient["finish"]>>;
      try {
        const base = `${request.protocol}://${request.host}`;
        identity = await client.finish(new URL(request.url, base), sealed);
      } catch (err) {
        return fail("oidc_failed", err instanceof Error ? err.name : "unknown");
      }
      let user = await store.findUserByOidc(db, identity.issuer, identity.subject);
      if (!user && identity.username) {
        const byName = await store.findUserByUsername(db, identity.username);
        if (byName && !byName.oidcSubject) {
          await store.linkOidc(db, byName.id, identity.issuer, identity.subject);
          user = byName;
        }
      }
      if (!user || user.disabledAt) return fail("oidc_unknown_user", "no linked user");
      const login = await sessions.openSession(user.id, "oidc");
      setSessionCookie(reply, login.cookieValue, opts.cookie);
      return reply.redirect("/", 302);
    },
  );
};
