import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createOrganisationService } from "../../src/structure/organisations.ts";
import { seedDemo } from "../../src/synth/demo-seed.ts";
import {
  authHeaders,
  DEMO_PASSWORD,
  type DemoApp,
  demoApp,
  login,
  type Session,
} from "../support/access.ts";

/**
 * Accounts: one's own password change ends every other session; the demo
 * administrator (of Slagelse Sygehus) resets, disables and enables users whose
 * roles lie in the hospital's tree, and no one else. Every change is audited.
 */

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
});
afterAll(async () => demo?.close());

const NEW_PASSWORD = "et-nyt-kodeord-2026";

async function loggedIn(username: string, password = DEMO_PASSWORD): Promise<Session> {
  const { response, session } = await login(demo.app, username, password);
  expect(response.statusCode, response.body).toBe(200);
  if (!session) throw new Error("no session");
  return session;
}
const me = (session: Session) =>
  demo.app.inject({ method: "GET", url: "/api/me", headers: authHeaders(session) });
const post = (session: Session, url: string, payload: object) =>
  demo.app.inject({ method: "POST", url, headers: authHeaders(session), payload });
const auditOf = (action: string) =>
  demo.database.db
    .selectFrom("auditLog as a")
    .innerJoin("appUser as s", "s.id", "a.subjectUserId")
    .select(["a.actorKind", "a.userId", "a.outcome", "a.purpose", "s.username as subject"])
    .where("a.action", "=", action)
    .orderBy("a.id")
    .execute();

describe("changing one's own password", () => {
  it("needs the current password and a long enough new one, and counts a wrong guess", async () => {
    const session = await loggedIn("demo.laege");
    const wrong = await post(session, "/api/me/password", {
      currentPassword: "not-the-password",
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().i18n).toEqual({ key: "access.wrongPassword" });
    const short = await post(session, "/api/me/password", {
      currentPassword: DEMO_PASSWORD,
      newPassword: "kort",
    });
    expect(short.statusCode).toBe(400);
    const throttle = await demo.database.db
      .selectFrom("loginThrottle")
      .select("failures")
      .where("key", "=", "user:demo.laege")
      .executeTakeFirst();
    expect(throttle?.failures).toBe(1);
  });

  it("ends every other session of the user, keeps this one, and is audited", async () => {
    const elsewhere = await loggedIn("demo.laege");
    const here = await loggedIn("demo.laege");
    const changed = await post(here, "/api/me/password", {
      currentPassword: DEMO_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().endedSessions).toBeGreaterThanOrEqual(1);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await me(here)).statusCode).toBe(200);
    expect((await login(demo.app, "demo.laege", DEMO_PASSWORD)).response.statusCode).toBe(401);
    await loggedIn("demo.laege", NEW_PASSWORD);
    expect(await auditOf("change-password")).toEqual([
      expect.objectContaining({ actorKind: "staff", subject: "demo.laege", outcome: "allowed" }),
    ]);
  });
});

describe("an administrator's account management", () => {
  it("disables a user of the hospital: no login, sessions end; enables them again", async () => {
    const admin = await loggedIn("demo.admin");
    const nurse = await loggedIn("demo.sygeplejerske");
    const reason = "Fratrådt 1. december";
    const disabled = await post(admin, "/api/admin/users/demo.sygeplejerske/disable", { reason });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toEqual({ username: "demo.sygeplejerske", disabled: true });
    expect((await me(nurse)).statusCode).toBe(401);
    expect((await login(demo.app, "demo.sygeplejerske", DEMO_PASSWORD)).response.statusCode).toBe(
      401,
    );
    const users = await demo.app.inject({
      method: "GET",
      url: "/api/admin/users",
      headers: authHeaders(admin),
    });
    expect(users.json()).toContainEqual(
      expect.objectContaining({ username: "demo.sygeplejerske", disabled: true }),
    );

    const enabled = await post(admin, "/api/admin/users/demo.sygeplejerske/enable", {});
    expect(enabled.statusCode, enabled.body).toBe(200);
    await loggedIn("demo.sygeplejerske");
    expect(await auditOf("disable-user")).toEqual([
      expect.objectContaining({
        subject: "demo.sygeplejerske",
        outcome: "allowed",
        purpose: reason,
      }),
    ]);
    expect(await auditOf("enable-user")).toHaveLength(1);
  });

  it("sets a new password for a user of the hospital, ending their sessions", async () => {
    const admin = await loggedIn("demo.admin");
    const coordinator = await loggedIn("demo.udskrivning");
    const reset = await post(admin, "/api/admin/users/demo.udskrivning/password", {
      password: NEW_PASSWORD,
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await me(coordinator)).statusCode).toBe(401);
    await loggedIn("demo.udskrivning", NEW_PASSWORD);
  });

  it("refuses users with a role outside the hospital, and their own account, audited", async () => {
    const admin = await loggedIn("demo.admin");
    for (const username of ["demo.visitator", "demo.klyngekoordinator", "demo.udvalg"]) {
      const refused = await post(admin, `/api/admin/users/${username}/disable`, { reason: "test" });
      expect(refused.statusCode, username).toBe(403);
      expect(refused.json().i18n).toEqual({ key: "admin.refused.notAdministeredUser" });
      await loggedIn(username);
    }
    const own = await post(admin, "/api/admin/users/demo.admin/disable", { reason: "test" });
    expect(own.json().i18n).toEqual({ key: "admin.refused.ownAccount" });
    const reset = await post(admin, "/api/admin/users/demo.visitator/password", {
      password: NEW_PASSWORD,
    });
    expect(reset.statusCode).toBe(403);
    await loggedIn("demo.visitator");
    const denied = (await auditOf("disable-user")).filter((r) => r.outcome === "denied");
    expect(denied.map((r) => r.subject).sort()).toEqual([
      "demo.admin",
      "demo.klyngekoordinator",
      "demo.udvalg",
      "demo.visitator",
    ]);
  });

  it("lists only the users with a role in the hospital's tree, and staff with none", async () => {
    const admin = await loggedIn("demo.admin");
    const users = (
      await demo.app.inject({ method: "GET", url: "/api/admin/users", headers: authHeaders(admin) })
    ).json() as { username: string; memberships: { organisationName: string }[] }[];
    const names = users.map((u) => u.username);
    expect(names).toEqual(
      expect.arrayContaining(["demo.admin", "demo.sygeplejerske", "demo.udskrivning"]),
    );
    // A relative holds no role anywhere: a person outside every organisation, not a
    // hospital's to see (their name is personal data).
    for (const outside of [
      "demo.visitator",
      "demo.laege",
      "demo.udvalg",
      "demo.borger",
      "demo.paaroerende",
    ]) {
      expect(names).not.toContain(outside);
    }
    for (const u of users) {
      for (const m of u.memberships) expect(m.organisationName).toMatch(/^Slagelse Sygehus/);
    }
    const organisations = (
      await demo.app.inject({
        method: "GET",
        url: "/api/admin/organisations",
        headers: authHeaders(admin),
      })
    ).json() as { name: string }[];
    expect(organisations.length).toBeGreaterThan(1);
    for (const o of organisations) expect(o.name).toMatch(/^Slagelse Sygehus/);
  });
});

describe("demo data from before these rules", () => {
  it("has its demo administrator moved from the region to the hospital on a later start", async () => {
    const db = demo.database.db;
    const organisations = createOrganisationService(db);
    const region = await organisations.structural({ kind: "region", regionCode: "1085" });
    const hospital = await organisations.structural({
      kind: "hospital",
      hospitalId: "slagelse-sygehus",
    });
    const admin = await db
      .selectFrom("appUser")
      .select("id")
      .where("username", "=", "demo.admin")
      .executeTakeFirstOrThrow();
    // As an older demo seeded it: administrator of the region only.
    await db
      .updateTable("membership")
      .set({ revokedAt: new Date() })
      .where("userId", "=", admin.id)
      .execute();
    await db
      .insertInto("membership")
      .values({
        userId: admin.id,
        organisationId: region.id,
        role: "administrator",
        revokedAt: null,
      })
      .execute();
    expect(await seedDemo(db, createCipher(demo.masterKey))).toBe(false);
    const held = await db
      .selectFrom("membership")
      .select(["organisationId", "role", "grantedVia"])
      .where("userId", "=", admin.id)
      .where("revokedAt", "is", null)
      .execute();
    expect(held).toEqual([
      { organisationId: hospital.id, role: "administrator", grantedVia: "seed" },
    ]);
    // A second start changes nothing more.
    expect(await seedDemo(db, createCipher(demo.masterKey))).toBe(false);
    const again = await db
      .selectFrom("membership")
      .select("id")
      .where("userId", "=", admin.id)
      .where("revokedAt", "is", null)
      .execute();
    expect(again).toHaveLength(1);
  });
});
