import { randomBytes } from "node:crypto";
import type { Writable } from "node:stream";
import { createAdminService, operator } from "../../src/access/admin-service.ts";
import { SESSION_COOKIE } from "../../src/access/authenticate.ts";
import { createCitizenAccess } from "../../src/access/citizen-access.ts";
import { defaultAccessPolicy, defaultThrottlePolicy, type Role } from "../../src/access/model.ts";
import { createSessionService } from "../../src/access/session-service.ts";
import { createApp } from "../../src/app/server.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createCitizenService } from "../../src/citizens/service.ts";
import type { Resolve } from "../../src/notifications/outbound.ts";
import type { Config } from "../../src/platform/config.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import type { App } from "../../src/platform/http/app.ts";
import { DEMO_PASSWORD, type DemoSeedOptions, seedDemo } from "../../src/synth/demo-seed.ts";
import { structureDatabase } from "./server.ts";

export { DEMO_PASSWORD } from "../../src/synth/demo-seed.ts";

export type AppConfig = Pick<Config, "demo" | "session" | "access" | "oidc" | "publicUrl"> &
  Partial<Pick<Config, "webhookAllowedHosts">>;

export const testConfig = (over: Partial<AppConfig> = {}): AppConfig => ({
  demo: true,
  session: { idleMinutes: 30, absoluteHours: 12, secureCookie: false },
  access: { hospitalAfterDischargeHours: 30 * 24, breakGlassMinutes: 240 },
  oidc: undefined,
  publicUrl: undefined,
  ...over,
});

export type DemoApp = {
  app: App;
  database: DatabaseHandle;
  masterKey: Buffer;
  /** A session for a user opened directly (no password check, no login rate limit). */
  sessionOf(username: string): Promise<Session>;
  close(): Promise<void>;
};

/**
 * The reference structure, the demo users and citizens (src/synth/demo-seed.ts)
 * and the full app, sharing one personal-data key.
 */
export async function demoApp(
  options: {
    config?: Partial<AppConfig>;
    logStream?: Writable;
    seed?: DemoSeedOptions;
    /** The app's now (and the demo seed's, unless seed.now says otherwise); see clockFrom. */
    clock?: () => Date;
    resolveHost?: Resolve;
  } = {},
): Promise<DemoApp> {
  const database = await structureDatabase();
  const masterKey = randomBytes(32);
  const seedNow = options.clock ? { now: options.clock().getTime() } : {};
  await seedDemo(database.db, createCipher(masterKey), { ...seedNow, ...options.seed });
  const config = testConfig(options.config);
  const app = await createApp(database, {
    masterKey,
    config,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
    ...(options.logStream ? { logger: { level: "debug", stream: options.logStream } } : {}),
  });
  await app.ready();
  const sessions = createSessionService(
    database.db,
    { session: config.session, throttle: defaultThrottlePolicy },
    options.clock,
  );
  const admin = createAdminService(database.db);
  const userIds = new Map<string, string>();
  return {
    app,
    database,
    masterKey,
    async sessionOf(username) {
      if (!userIds.has(username)) {
        for (const u of await admin.listUsers(operator("test"))) userIds.set(u.username, u.id);
      }
      const userId = userIds.get(username);
      if (!userId) throw new Error(`no user ${username}`);
      const opened = await sessions.openSession(userId, "password");
      return { cookie: opened.cookieValue, csrf: opened.csrfToken };
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export type Session = { cookie: string; csrf: string };

/** Headers that present a session: the cookie, and the CSRF token unless told otherwise. */
export function authHeaders(
  session: Session,
  csrf: string | null = session.csrf,
): Record<string, string> {
  return {
    cookie: `${SESSION_COOKIE}=${session.cookie}`,
    ...(csrf === null ? {} : { "x-csrf-token": csrf }),
  };
}

let ipCounter = 0;
/** A distinct source address per call, so the per-address login limits of one test do not leak into the next. */
/**
 * Headers of a demo user's new session, acting for a body's secretariat where
 * the user also works elsewhere (the demo's coordinator does): the work of a
 * body is done as its secretariat.
 */
export async function actingForSecretariat(demo: DemoApp, username: string) {
  const headers = authHeaders(await demo.sessionOf(username));
  const me = (await demo.app.inject({ url: "/api/me", headers })).json() as {
    memberships: { membershipId: string; organisation: { kind: string } }[];
  };
  const secretariat = me.memberships.find((m) => m.organisation.kind === "body_secretariat");
  if (secretariat && me.memberships.length > 1) {
    const chosen = await demo.app.inject({
      method: "PUT",
      url: "/api/me/active-membership",
      headers,
      payload: { membershipId: secretariat.membershipId },
    });
    if (chosen.statusCode !== 200)
      throw new Error(`could not act for the secretariat: ${chosen.body}`);
  }
  return headers;
}

export function nextIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

/** Logs in through the API. */
export async function login(app: App, username: string, password: string, ip = nextIp()) {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    remoteAddress: ip,
  });
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  const session: Session | null =
    response.statusCode === 200 && cookie
      ? { cookie: cookie.value, csrf: (response.json() as { csrfToken: string }).csrfToken }
      : null;
  return { response, cookie, session };
}

/** The id of a seeded citizen, found by CPR number through the look-up hash. */
export async function citizenIdByCpr(demo: DemoApp, cpr: string): Promise<string> {
  const row = await demo.database.db
    .selectFrom("citizen")
    .select("id")
    .where("cprHash", "=", createCipher(demo.masterKey).lookupHash(cpr.replace("-", "")))
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The demo app's citizen registry, as ingest and the demo seed use it: for a
 * test to register its own synthetic citizens with the app's key.
 */
export function citizenRegistryOf(demo: DemoApp) {
  const db = demo.database.db;
  return createCitizenService(
    db,
    createCipher(demo.masterKey),
    createCitizenAccess(db, defaultAccessPolicy),
  );
}

/** A fresh request id, to find the audit rows a request wrote. */
export function requestId(label: string): string {
  return `${label}-${randomBytes(6).toString("hex")}`;
}

/** A staff user who signs in with the demo password, holding `role` in one organisation. */
export async function addStaff(
  db: DatabaseHandle["db"],
  user: { username: string; displayName: string; organisationId: string; role: Role },
): Promise<void> {
  const admin = createAdminService(db);
  await admin.createUser(
    {
      username: user.username,
      displayName: user.displayName,
      kind: "staff",
      password: DEMO_PASSWORD,
    },
    operator("test"),
  );
  await admin.grant(user.username, user.organisationId, user.role, operator("test"));
}
