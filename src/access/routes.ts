import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../platform/db/database.ts";
import { notFound } from "../platform/http/errors.ts";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import { contextOf, SESSION_COOKIE, sessionOf, setSessionCookie } from "./authenticate.ts";
import type { CitizenAccess } from "./citizen-access.ts";
import type { SessionContext, SessionService } from "./session-service.ts";
import * as store from "./store.ts";

export type AccessRoutesOptions = {
  db: Database;
  sessions: SessionService;
  citizenAccess: CitizenAccess;
  demo: boolean;
  oidcEnabled: boolean;
  cookie: { secure: boolean; maxAgeSeconds: number };
};

const PEOPLE = ["staff", "citizen", "relative"] as const;

const meSchema = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    kind: z.enum(["staff", "citizen", "relative"]),
  }),
  memberships: z.array(
    z.object({
      membershipId: z.string(),
      role: z.string(),
      organisation: z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        /** Which hospital or body it belongs to, so pages can offer what it may do. */
        hospitalId: z.string().nullable(),
        bodyId: z.string().nullable(),
        /** A region's organisation: its region (a committee member's landing page is its bodies). */
        regionCode: z.string().nullable(),
      }),
    }),
  ),
  activeMembershipId: z.string().nullable(),
  csrfToken: z.string(),
});

type MeUser = SessionContext["user"];

export const accessRoutes: FastifyPluginAsyncZod<AccessRoutesOptions> = async (app, opts) => {
  const { db, sessions, citizenAccess } = opts;
  const tags = ["access"];

  /** The user comes with the session (or the login); only the memberships are read here. */
  async function meOf(user: MeUser, activeMembershipId: string | null, csrfToken: string) {
    const memberships = await store.activeMemberships(db, user.id);
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        kind: user.kind,
      },
      memberships: memberships.map((m) => ({
        membershipId: m.membershipId,
        role: m.role,
        organisation: {
          id: m.organisation.id,
          name: m.organisation.name,
          kind: m.organisation.kind,
          hospitalId: m.organisation.hospitalId,
          bodyId: m.organisation.bodyId,
          regionCode: m.organisation.regionCode,
        },
      })),
      activeMembershipId,
      csrfToken,
    };
  }

  app.get(
    "/api/auth/config",
    {
      config: { access: { public: true, reason: "the login page needs to know how to log in" } },
      schema: {
        tags,
        summary: "How one can log in here",
        response: { 200: z.object({ demo: z.boolean(), oidc: z.boolean() }) },
      },
    },
    async () => ({ demo: opts.demo, oidc: opts.oidcEnabled }),
  );

  app.get(
    "/api/auth/demo-users",
    {
      config: { access: { public: true, reason: "demo mode only: lists synthetic demo users" } },
      schema: {
        tags,
        summary: "Demo users, one per role (demo mode only)",
        response: {
          200: z.array(
            z.object({ username: z.string(), displayName: z.string(), kind: z.string() }),
          ),
        },
      },
    },
    async () => {
      if (!opts.demo) throw notFound("demoUsers");
      return (await store.listDemoUsers(db)).map((u) => ({
        username: u.username,
        displayName: u.displayName,
        kind: u.kind,
      }));
    },
  );

  app.post(
    "/api/auth/login",
    {
      config: {
        access: { public: true, reason: "logging in" },
        rateLimit: { max: 30, timeWindow: "1 minute" },
      },
      schema: {
        tags,
        summary: "Log in with username and password; sets the session cookie",
        body: z.object({
          username: z.string().min(1).max(TEXT_LIMITS.username),
          password: z.string().min(1).max(TEXT_LIMITS.password),
        }),
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const login = await sessions.login(request.body.username, request.body.password, request.ip);
      setSessionCookie(reply, login.cookieValue, opts.cookie);
      const user = await store.findUserById(db, login.userId);
      if (!user) throw notFound("user");
      return meOf(user, login.activeMembershipId, login.csrfToken);
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { access: { actors: PEOPLE } },
      schema: { tags, summary: "End the session", response: { 204: z.null() } },
    },
    async (request, reply) => {
      await sessions.logout(sessionOf(request).sessionKey);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/me",
    {
      config: { access: { actors: PEOPLE } },
      schema: {
        tags,
        summary: "Who I am, my memberships and the one I act in",
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      return meOf(session.user, session.activeMembershipId, session.csrfToken);
    },
  );

  app.put(
    "/api/me/active-membership",
    {
      config: { access: { actors: ["staff"] } },
      schema: {
        tags,
        summary: "Choose the membership (organisation and role) to act in",
        body: z.object({ membershipId: z.uuid({ error: "must be a membership id (uuid)" }) }),
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      await sessions.switchMembership(session, request.body.membershipId);
      return meOf(session.user, request.body.membershipId, session.csrfToken);
    },
  );

  app.get(
    "/api/me/access-log",
    {
      config: { access: { actors: ["citizen"], citizen: "relation" } },
      schema: {
        tags,
        summary: "Who has looked at my data, and when",
        response: {
          200: z.array(
            z.object({
              at: z.string(),
              actorKind: z.string(),
              userName: z.string().nullable(),
              organisationName: z.string().nullable(),
              role: z.string().nullable(),
              action: z.string(),
              resource: z.string(),
              outcome: z.string(),
              relation: z.string().nullable(),
              purpose: z.string().nullable(),
              breakGlass: z.boolean(),
              breakGlassReason: z.string().nullable(),
              /** The kind of body whose secretariat read (a cluster's or a council's coordinators). */
              bodyKind: z.enum(["sundhedsklynge", "sundhedsraad"]).nullable(),
              /** Set when the reader's role was granted by an administrator, not the ordinary way. */
              roleGrantedByAdministrator: z
                .object({ organisationName: z.string().nullable(), at: z.string() })
                .nullable(),
            }),
          ),
        },
      },
    },
    async (request) =>
      (await citizenAccess.accessLog(contextOf(request))).map(
        ({ roleGrantedAt, roleGrantedBy, ...e }) => ({
          ...e,
          at: e.at.toISOString(),
          roleGrantedByAdministrator: roleGrantedAt
            ? { organisationName: roleGrantedBy, at: roleGrantedAt.toISOString() }
            : null,
        }),
      ),
  );
};
