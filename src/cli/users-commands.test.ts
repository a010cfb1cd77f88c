import { describe, expect, it } from "vitest";
import { runCli as run, withCliDatabase } from "../../test/support/cli.ts";
import { defaultThrottlePolicy } from "../access/model.ts";
import { createSessionService } from "../access/session-service.ts";
import * as accessStore from "../access/store.ts";

const PASSWORD = "correct horse battery";
const NO_ORG = "00000000-0000-4000-8000-000000000000";
const { inspect } = withCliDatabase();

describe("tovholder users", () => {
  it("creates a user with a password from stdin (never argv), who can then log in", async () => {
    const created = await run(
      ["users", "create", "Jens.Hansen", "--name", "Jens Hansen", "--password-stdin"],
      PASSWORD,
    );
    expect(created.status, created.err).toBe(0);
    expect(created.secretReads).toBe(1);
    expect(created.out).toContain("Created staff user jens.hansen (Jens Hansen)");
    expect(created.out).not.toContain(PASSWORD);

    const login = await inspect(async ({ db }) =>
      createSessionService(db, {
        session: { idleMinutes: 30, absoluteHours: 12 },
        throttle: defaultThrottlePolicy,
      }).login("jens.hansen", PASSWORD, "192.0.2.1"),
    );
    expect(login.cookieValue).toBeTruthy();

    // There is no way to pass a password as an argument.
    const argv = await run(["users", "create", "x.y.z", "--name", "X", "--password", PASSWORD]);
    expect(argv.status).not.toBe(0);
    expect(argv.err).toContain("unknown option '--password'");
  });

  it("creates an OIDC-only user without reading stdin, and a relative", async () => {
    const staff = await run(["users", "create", "oidc.only", "--name", "Olga OIDC"]);
    expect(staff.status, staff.err).toBe(0);
    expect(staff.secretReads).toBe(0);
    expect(staff.out).toContain("log in through OIDC");
    const relative = await run(["users", "create", "rita", "--name", "Rita", "--kind", "relative"]);
    expect(relative.status, relative.err).toBe(0);
    expect(relative.out).toContain("Created relative user rita");

    const users = await inspect(({ db }) => accessStore.findUserByUsername(db, "oidc.only"));
    expect(users?.passwordHash).toBeNull();
  });

  it("refuses bad input clearly, with a non-zero status", async () => {
    const cases: [string, RegExp, string?][] = [
      ["users create jens.hansen --name Again", /is taken/],
      ["users create Bad_Name! --name X", /username.*3-100 characters/s],
      ["users create short.pw --name X --password-stdin", /12 char/, "short"],
      ["users create empty.pw --name X --password-stdin", /No password/, ""],
      ["users create no.name", /required option '--name/],
      ["users create kind --name K --kind citizen", /choices/],
      ["users grant nobody --municipality 370 --role clinician", /not found/],
      ["users grant jens.hansen --municipality 370 --role boss", /Allowed choices/],
      ["users grant jens.hansen --role clinician", /exactly one organisation/],
      ["users grant jens.hansen --region 1085 --municipality 370 --role clinician", /exactly one/],
      ["users grant jens.hansen --organisation not-a-uuid --role clinician", /must be an org/],
      [
        `users grant jens.hansen --organisation ${NO_ORG} --role clinician`,
        /Organisation .* not found/,
      ],
      ["users grant jens.hansen --municipality 999 --role clinician", /municipality "999"/],
      ["users grant rita --municipality 370 --role clinician", /Only staff users/],
      ["users revoke jens.hansen --hospital slagelse-sygehus --role clinician", /not found/],
      ["users token --region 1085 --scope everything --name x", /Allowed choices/],
      ["users token --region 1085 --name x", /required option '--scope/],
      ["users token --region 1085 --scope fhir:read --name x --expires 2001-01-01", /the future/],
      ["users token --region 1085 --scope fhir:read --name x --expires soon", /ISO 8601/],
    ];
    for (const [command, message, stdin] of cases) {
      const result = await run(command.split(" "), stdin);
      expect(result.status, command).toBe(1);
      expect(result.err, command).toMatch(message);
      expect(result.err, command).not.toContain("unexpected failure");
    }
    // Nineteen commands, each opening and migrating the database: slow on a busy machine.
  }, 120_000);

  it("grants and revokes roles by organisation id or by the structure's own organisations", async () => {
    const organisations = await run(["users", "organisations"]);
    const slagelse = organisations.out.split("\n").find((l) => l.includes("Slagelse Sygehus"));
    const slagelseId = slagelse?.split(/\s+/)[0] ?? "";
    expect(slagelseId).toMatch(/^[0-9a-f-]{36}$/);

    const grants = [
      ["--organisation", slagelseId, "--role", "clinician"],
      ["--municipality", "370", "--role", "coordinator"],
      ["--body", "naestved-slagelse", "--role", "body_lead"],
      ["--region", "1085", "--role", "committee_member"],
    ];
    for (const g of grants) {
      const r = await run(["users", "grant", "jens.hansen", ...g]);
      expect(r.status, r.err).toBe(0);
    }
    let list = await run(["users", "list"]);
    expect(list.out).toMatch(/jens\.hansen {2}Jens Hansen {2}\(staff\)/);
    expect(list.out).toContain(`clinician in Slagelse Sygehus (${slagelseId})`);
    expect(list.out).toContain("coordinator in Næstved Kommune");
    expect(list.out).toMatch(/body_lead in .*Næstved/);
    expect(list.out).toMatch(/committee_member in Region Sjælland/);

    const revoked = await run([
      "users",
      "revoke",
      "jens.hansen",
      "--hospital",
      "slagelse-sygehus",
      "--role",
      "clinician",
    ]);
    expect(revoked.status, revoked.err).toBe(0);
    list = await run(["users", "list"]);
    expect(list.out).not.toContain("clinician in Slagelse Sygehus");
    expect(list.out).toContain("coordinator in Næstved Kommune");
  });

  it("creates an integration token, prints it once with a warning, and keeps only its hash", async () => {
    const r = await run([
      "users",
      "token",
      "--hospital",
      "slagelse-sygehus",
      "--scope",
      "messages:write",
      "--scope",
      "fhir:read",
      "--name",
      "Slagelse EPJ",
      "--expires",
      "2099-01-01T00:00:00Z",
    ]);
    expect(r.status, r.err).toBe(0);
    const token = r.out.trim();
    expect(token).toMatch(/^tovh_[A-Za-z0-9_-]{40,}$/);
    expect(r.err).toMatch(/shown only once/);
    expect(r.err).not.toContain(token);

    const checked = await inspect(async ({ db }) => {
      const sessions = createSessionService(db, {
        session: { idleMinutes: 30, absoluteHours: 12 },
        throttle: defaultThrottlePolicy,
      });
      const actor = await sessions.authenticateToken(token);
      const rows = await db.selectFrom("apiToken").selectAll().execute();
      return { actor, stored: JSON.stringify(rows) };
    });
    expect(checked.actor).toMatchObject({
      kind: "token",
      scopes: ["messages:write", "fhir:read"],
      organisation: { hospitalId: "slagelse-sygehus", kind: "hospital" },
    });
    expect(checked.stored).not.toContain(token);
    expect(checked.stored).not.toContain(token.slice(5));
  });

  it("audits the operator's grants, and grants them in any organisation, with the reason", async () => {
    const granted = await run([
      "users",
      "grant",
      "jens.hansen",
      "--region",
      "1085",
      "--role",
      "administrator",
      "--reason",
      "Regionens nye administrator",
    ]);
    expect(granted.status, granted.err).toBe(0);
    const { audit, membership } = await inspect(async ({ db }) => ({
      audit: await db
        .selectFrom("auditLog")
        .select(["actorKind", "actorName", "userId", "action", "grantedRole", "purpose"])
        .where("action", "=", "grant")
        .where("grantedRole", "=", "administrator")
        .execute(),
      membership: await db
        .selectFrom("membership as m")
        .innerJoin("appUser as u", "u.id", "m.userId")
        .select(["m.grantedBy", "m.grantedVia"])
        .where("u.username", "=", "jens.hansen")
        .where("m.role", "=", "administrator")
        .executeTakeFirst(),
    }));
    expect(audit).toEqual([
      {
        actorKind: "operator",
        actorName: expect.any(String),
        userId: null,
        action: "grant",
        grantedRole: "administrator",
        purpose: "Regionens nye administrator",
      },
    ]);
    expect(audit[0]?.actorName?.length).toBeGreaterThan(0);
    expect(membership).toEqual({ grantedBy: null, grantedVia: "operator" });
  });

  it("sets a password from stdin, disables with a reason and enables, all audited", async () => {
    const NEW = "another horse battery";
    const passwd = await run(["users", "passwd", "jens.hansen"], NEW);
    expect(passwd.status, passwd.err).toBe(0);
    expect(passwd.secretReads).toBe(1);
    expect(passwd.out).not.toContain(NEW);
    const noReason = await run(["users", "disable", "jens.hansen"]);
    expect(noReason.status).toBe(1);
    expect(noReason.err).toMatch(/required option '--reason/);
    const disabled = await run(["users", "disable", "jens.hansen", "--reason", "Fratrådt"]);
    expect(disabled.status, disabled.err).toBe(0);
    const tryLogin = () =>
      inspect(async ({ db }) =>
        createSessionService(db, {
          session: { idleMinutes: 30, absoluteHours: 12 },
          throttle: defaultThrottlePolicy,
        })
          .login("jens.hansen", NEW, "192.0.2.9")
          .then(
            () => "ok",
            (err: Error) => err.message,
          ),
      );
    expect(await tryLogin()).toMatch(/Wrong username or password/);
    expect((await run(["users", "list"])).out).toMatch(/jens\.hansen .*disabled/);
    const enabled = await run(["users", "enable", "jens.hansen"]);
    expect(enabled.status, enabled.err).toBe(0);
    expect(await tryLogin()).toBe("ok");
    const actions = await inspect(({ db }) =>
      db
        .selectFrom("auditLog")
        .select(["action", "actorKind", "purpose"])
        .where("action", "in", ["reset-password", "disable-user", "enable-user"])
        .orderBy("id")
        .execute(),
    );
    expect(actions).toEqual([
      { action: "reset-password", actorKind: "operator", purpose: null },
      { action: "disable-user", actorKind: "operator", purpose: "Fratrådt" },
      { action: "enable-user", actorKind: "operator", purpose: null },
    ]);
  });
});
