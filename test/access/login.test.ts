import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultThrottlePolicy } from "../../src/access/model.ts";
import { sha256 } from "../../src/access/secrets.ts";
import { createSessionService } from "../../src/access/session-service.ts";
import { createApp } from "../../src/app/server.ts";
import {
  authHeaders,
  citizenIdByCpr,
  DEMO_PASSWORD,
  type DemoApp,
  demoApp,
  login,
  nextIp,
  type Session,
  testConfig,
} from "../support/access.ts";

let demo: DemoApp;
const KAREN_CPR = "120345-1962";

beforeAll(async () => {
  demo = await demoApp();
});
afterAll(async () => demo?.close());

async function me(session: Session) {
  return demo.app.inject({ method: "GET", url: "/api/me", headers: authHeaders(session) });
}

async function loggedIn(username: string): Promise<Session> {
  const { response, session } = await login(demo.app, username, DEMO_PASSWORD);
  expect(response.statusCode, response.body).toBe(200);
  if (!session) throw new Error("no session");
  return session;
}

function withoutRequestId(body: string) {
  const { requestId: _ignored, ...rest } = JSON.parse(body) as Record<string, unknown>;
  return rest;
}

describe("password login", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie and answers who one is", async () => {
    const { response, cookie } = await login(demo.app, "demo.laege", DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.maxAge).toBe(12 * 3600);
    const body = response.json();
    expect(body.user).toMatchObject({ username: "demo.laege", kind: "staff" });
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(response.body).not.toMatch(/argon2|passwordHash/);
    // Only a hash of the cookie value is kept.
    const stored = await demo.database.db.selectFrom("userSession").select("id").execute();
    expect(stored.map((s) => s.id)).toContain(sha256(cookie?.value ?? ""));
    expect(stored.map((s) => s.id)).not.toContain(cookie?.value);
  });

  it("marks the cookie Secure when the configuration says so", async () => {
    const config = testConfig();
    const secureApp = await createApp(demo.database, {
      masterKey: demo.masterKey,
      config: { ...config, session: { ...config.session, secureCookie: true } },
    });
    try {
      const { response, cookie } = await login(secureApp, "demo.laege", DEMO_PASSWORD);
      expect(response.statusCode).toBe(200);
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });
    } finally {
      await secureApp.close();
    }
  });

  it("answers a wrong password and an unknown user the same way", async () => {
    const wrong = await login(demo.app, "demo.visitator", "not the password");
    const unknown = await login(demo.app, "nobody.at.all", "not the password");
    expect(wrong.response.statusCode).toBe(401);
    expect(unknown.response.statusCode).toBe(401);
    expect(withoutRequestId(wrong.response.body)).toEqual(withoutRequestId(unknown.response.body));
    expect(wrong.response.json()).toMatchObject({ code: "TOV_ERR_LOGIN_FAILED" });
    expect(wrong.cookie).toBeUndefined();
  });

  it("locks the account after 5 failures, even for the right password from elsewhere", async () => {
    for (let i = 0; i < 5; i++) {
      const attempt = await login(demo.app, "demo.udvalg", `wrong-${i}`);
      expect(attempt.response.statusCode).toBe(401);
    }
    const right = await login(demo.app, "DEMO.UDVALG", DEMO_PASSWORD);
    expect(right.response.statusCode).toBe(429);
    expect(right.response.json()).toMatchObject({ code: "TOV_ERR_LOGIN_LOCKED" });
    expect(right.cookie).toBeUndefined();
  });

  it("counts failures that arrive at the same time", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) => login(demo.app, "demo.udskrivning", `wrong-${i}`)),
    );
    expect(attempts.map((a) => a.response.statusCode)).toEqual(Array(8).fill(401));
    const right = await login(demo.app, "demo.udskrivning", DEMO_PASSWORD);
    expect(right.response.statusCode).toBe(429);
  });

  it("locks a source address that fails across usernames", async () => {
    const ip = nextIp();
    for (const username of ["a.one", "b.two", "c.three", "demo.laege", "d.four"]) {
      expect((await login(demo.app, username, "guess", ip)).response.statusCode).toBe(401);
    }
    const fromThere = await login(demo.app, "demo.visitator", DEMO_PASSWORD, ip);
    expect(fromThere.response.statusCode).toBe(429);
    const fromElsewhere = await login(demo.app, "demo.visitator", DEMO_PASSWORD);
    expect(fromElsewhere.response.statusCode).toBe(200);
  });
});

describe("sessions", () => {
  it("end at logout", async () => {
    const session = await loggedIn("demo.visitator");
    expect((await me(session)).statusCode).toBe(200);
    const out = await demo.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: authHeaders(session),
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === "tovholder_session")?.value).toBe("");
    const after = await me(session);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: "TOV_ERR_UNAUTHENTICATED" });
  });

  it("refuse forged and missing cookies", async () => {
    for (const cookie of ["forged", "x".repeat(43), ""]) {
      const response = await me({ cookie, csrf: "x" });
      expect(response.statusCode, cookie).toBe(401);
    }
    expect((await demo.app.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(401);
  });

  it("end after the idle time and at the absolute expiry", async () => {
    const idle = await loggedIn("demo.laege");
    const absolute = await loggedIn("demo.laege");
    expect((await me(idle)).statusCode).toBe(200);
    const db = demo.database.db;
    await db
      .updateTable("userSession")
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where("id", "=", sha256(idle.cookie))
      .execute();
    await db
      .updateTable("userSession")
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where("id", "=", sha256(absolute.cookie))
      .execute();
    expect((await me(idle)).statusCode).toBe(401);
    expect((await me(absolute)).statusCode).toBe(401);
  });

  it("are kept alive by use, but never past the absolute limit (injected clock)", async () => {
    // Far from any day the suite runs: the limits are judged by the service's clock alone,
    // never by the database's (a session's first use once counted from the database's now).
    const start = new Date("2031-03-01T08:00:00Z");
    let now = start;
    const sessions = createSessionService(
      demo.database.db,
      { session: { idleMinutes: 30, absoluteHours: 12 }, throttle: defaultThrottlePolicy },
      () => now,
    );
    const user = await demo.database.db
      .selectFrom("appUser")
      .select("id")
      .where("username", "=", "demo.laege")
      .executeTakeFirstOrThrow();
    const opened = await sessions.openSession(user.id, "password");
    const advance = (minutes: number) => {
      now = new Date(now.getTime() + minutes * 60_000);
    };
    advance(29);
    expect(await sessions.resolveSession(opened.cookieValue)).not.toBeNull();
    for (let i = 0; i < 12 * 2 - 1; i++) {
      advance(29);
      expect(await sessions.resolveSession(opened.cookieValue), `step ${i}`).not.toBeNull();
    }
    advance(29); // 12 h 5 min after login, 29 minutes after the last use
    expect(await sessions.resolveSession(opened.cookieValue)).toBeNull();

    now = start;
    const idle = await sessions.openSession(user.id, "password");
    advance(29);
    expect(await sessions.resolveSession(idle.cookieValue)).not.toBeNull();
    advance(30); // exactly the idle time since that use
    expect(await sessions.resolveSession(idle.cookieValue)).toBeNull();
  });
});

describe("CSRF", () => {
  it("refuses a cookie-borne state change without the session's token", async () => {
    const session = await loggedIn("demo.visitator");
    const other = await loggedIn("demo.visitator");
    for (const csrf of [null, "wrong", other.csrf]) {
      const response = await demo.app.inject({
        method: "POST",
        url: "/api/auth/logout",
        headers: authHeaders(session, csrf),
      });
      expect(response.statusCode, String(csrf)).toBe(403);
      expect(response.json()).toMatchObject({ code: "TOV_ERR_CSRF" });
    }
    expect((await me(session)).statusCode).toBe(200);
    const right = await demo.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: authHeaders(session),
    });
    expect(right.statusCode).toBe(204);
  });
});

describe("choosing a membership", () => {
  it("starts with none chosen for two memberships, and only one's own can be chosen", async () => {
    const karen = await citizenIdByCpr(demo, KAREN_CPR);
    const session = await loggedIn("demo.klyngekoordinator");
    const start = (await me(session)).json();
    expect(start.memberships).toHaveLength(2);
    expect(start.activeMembershipId).toBeNull();
    const read = () =>
      demo.app.inject({
        method: "GET",
        url: `/api/citizens/${karen}`,
        headers: authHeaders(session),
      });
    expect((await read()).statusCode).toBe(403);

    const homeNursing = start.memberships.find(
      (m: { organisation: { kind: string } }) => m.organisation.kind === "municipal_unit",
    );
    const chosen = await demo.app.inject({
      method: "PUT",
      url: "/api/me/active-membership",
      headers: authHeaders(session),
      payload: { membershipId: homeNursing.membershipId },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().activeMembershipId).toBe(homeNursing.membershipId);
    expect((await read()).statusCode).toBe(200);

    const visitator = (await me(await loggedIn("demo.visitator"))).json();
    const foreign = await demo.app.inject({
      method: "PUT",
      url: "/api/me/active-membership",
      headers: authHeaders(session),
      payload: { membershipId: visitator.memberships[0].membershipId },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ code: "TOV_ERR_FORBIDDEN" });
    expect((await me(session)).json().activeMembershipId).toBe(homeNursing.membershipId);

    const malformed = await demo.app.inject({
      method: "PUT",
      url: "/api/me/active-membership",
      headers: authHeaders(session),
      payload: { membershipId: "first" },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors).toEqual([
      expect.objectContaining({ in: "body", field: "membershipId" }),
    ]);
  });

  it("forgets the membership acted in once it is revoked, and asks for a choice again", async () => {
    const session = await loggedIn("demo.klyngekoordinator");
    const { memberships } = (await me(session)).json();
    const chosen = memberships[0].membershipId as string;
    await demo.app.inject({
      method: "PUT",
      url: "/api/me/active-membership",
      headers: authHeaders(session),
      payload: { membershipId: chosen },
    });
    const revoke = (at: Date | null) =>
      demo.database.db
        .updateTable("membership")
        .set({ revokedAt: at })
        .where("id", "=", chosen)
        .execute();
    await revoke(new Date());
    try {
      const after = (await me(session)).json();
      expect(after.memberships).toHaveLength(1);
      expect(after.activeMembershipId).toBeNull();
    } finally {
      await revoke(null);
    }
  });

  it("single-membership users act in it from the start; citizens cannot choose one", async () => {
    expect((await me(await loggedIn("demo.visitator"))).json().activeMembershipId).toEqual(
      expect.any(String),
    );
    const citizen = await loggedIn("demo.borger");
    const response = await demo.app.inject({
      method: "PUT",
      url: "/api/me/active-membership",
      headers: authHeaders(citizen),
      payload: { membershipId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(response.statusCode).toBe(403);
  });
});
