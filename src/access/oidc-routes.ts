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

/** The kind of a failure (class, library code, OAuth error code): never its message or data. */
function errorName(err: unknown): string {
  if (!(err instanceof Error)) return "unknown";
  const { code, error } = err as Error & { code?: unknown; error?: unknown };
  return [err.name, code, error].filter((part) => typeof part === "string").join(" ");
}

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
    async (request, reply) => {
      if (!client) throw notFound("oidc");
      let started: Awaited<ReturnType<OidcClient["start"]>>;
      try {
        started = await client.start();
      } catch (err) {
        // Typically the provider cannot be reached for discovery.
        request.log.warn({ reason: errorName(err) }, "OpenID Connect login could not start");
        return reply.redirect("/login?error=oidc_failed", 302);
      }
      const { url, sealed } = started;
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
      if (!client) throw notFound("oidc");
      const sealed = request.cookies[OIDC_COOKIE];
      reply.clearCookie(OIDC_COOKIE, { path: "/api/auth/oidc" });
      const fail = (code: string, reason: string) => {
        request.log.warn({ reason }, "OpenID Connect login failed");
        return reply.redirect(`/login?error=${code}`, 302);
      };
      if (!sealed) return fail("oidc_failed", "no transaction cookie");
      let identity: Awaited<ReturnType<OidcClient["finish"]>>;
      try {
        const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
        identity = await client.finish(query, sealed);
      } catch (err) {
        // Only the error's name (and code) is logged: its message may quote the provider's answer.
        return fail("oidc_failed", errorName(err));
      }
      let user = await store.findUserByOidc(db, identity.issuer, identity.subject);
      if (!user && identity.username) {
        const byName = await store.findUserByUsername(db, identity.username);
        // An account already linked to another identity is never re-linked by a claim.
        if (byName && !byName.oidcSubject && !byName.disabledAt) {
          const linked = await store.linkOidc(db, byName.id, identity.issuer, identity.subject);
          user = linked
            ? byName
            : await store.findUserByOidc(db, identity.issuer, identity.subject);
        }
      }
      if (!user || user.disabledAt) return fail("oidc_unknown_user", "no usable linked user");
      const login = await sessions.openSession(user.id, "oidc");
      setSessionCookie(reply, login.cookieValue, opts.cookie);
      return reply.redirect("/", 302);
    },
  );
};
