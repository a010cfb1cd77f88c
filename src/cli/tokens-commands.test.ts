import { describe, expect, it } from "vitest";
import { runCli as run, withCliDatabase } from "../../test/support/cli.ts";
import { defaultThrottlePolicy } from "../access/model.ts";
import { createSessionService } from "../access/session-service.ts";

const A = "99999999900011";
const B = "99999999900022";
const C = "99999999900033";
const NO_TOKEN = "00000000-0000-4000-8000-000000000000";
const { inspect } = withCliDatabase();

/** How a presented token authenticates now, and the audit entries about it. */
const check = (token: string) =>
  inspect(async ({ db }) => {
    const sessions = createSessionService(db, {
      session: { idleMinutes: 30, absoluteHours: 12 },
      throttle: defaultThrottlePolicy,
    });
    const actor = await sessions.authenticateToken(token);
    const stored = JSON.stringify(await db.selectFrom("apiToken").selectAll().execute());
    const audit = await db
      .selectFrom("auditLog")
      .select(["action", "actorKind", "actorName", "subjectTokenId as tokenId", "purpose"])
      .where("resource", "=", "broker-token")
      .orderBy("id")
      .execute();
    return { actor, stored, audit };
  });

describe("tovholder tokens broker", () => {
  it("creates a broker's token for its senders, shown once, that authenticates as a broker", async () => {
    const r = await run([
      "tokens",
      "broker",
      "create",
      "--name",
      "Region Sjælland integrationsplatform",
      "--sender",
      A,
      "--sender",
      B,
    ]);
    expect(r.status, r.err).toBe(0);
    const token = r.out.trim();
    expect(token).toMatch(/^tovh_[A-Za-z0-9_-]{40,}$/);
    expect(r.err).toMatch(/shown only once/);
    expect(r.err).toContain(`${A}, ${B}`);
    const checked = await check(token);
    expect(checked.actor).toMatchObject({
      kind: "broker",
      name: "Region Sjælland integrationsplatform",
      scopes: ["messages:write"],
      senders: [A, B],
    });
    expect(checked.stored).not.toContain(token.slice(5));
    expect(checked.audit).toMatchObject([
      { action: "broker-token.create", actorKind: "operator", purpose: `senders ${A}, ${B}` },
    ]);
  });

  it("lists, adds and removes senders, and revokes, each audited", async () => {
    const created = await run([
      "tokens",
      "broker",
      "create",
      "--name",
      "Beskedfordeler",
      "--sender",
      A,
    ]);
    expect(created.status, created.err).toBe(0);
    const token = created.out.trim();
    const id = /\(id ([0-9a-f-]{36})\)/.exec(created.err)?.[1] ?? "";
    expect(id).not.toBe("");

    const added = await run(["tokens", "broker", "add-sender", id, "--sender", B, C]);
    expect(added.status, added.err).toBe(0);
    expect(added.out).toContain(`Senders now: ${A}, ${B}, ${C}`);
    const removed = await run(["tokens", "broker", "remove-sender", id, "--sender", A]);
    expect(removed.status, removed.err).toBe(0);
    expect((await check(token)).actor).toMatchObject({ kind: "broker", senders: [B, C] });

    const list = await run(["tokens", "broker", "list"]);
    expect(list.status, list.err).toBe(0);
    expect(list.out).toContain(`${id}  Beskedfordeler  (active)`);
    expect(list.out).toContain(`senders: ${B}, ${C}`);

    const revoked = await run(["tokens", "broker", "revoke", id]);
    expect(revoked.status, revoked.err).toBe(0);
    const after = await check(token);
    expect(after.actor).toBeNull();
    expect(after.audit.filter((a) => a.tokenId === id).map((a) => a.action)).toEqual([
      "broker-token.create",
      "broker-token.add-senders",
      "broker-token.remove-senders",
      "broker-token.revoke",
    ]);
    expect((await run(["tokens", "broker", "list"])).out).toMatch(/Beskedfordeler {2}\(revoked /);
    const again = await run(["tokens", "broker", "add-sender", id, "--sender", A]);
    expect(again.status).not.toBe(0);
    expect(again.err).toContain("not found");
  });

  it("refuses bad input clearly, with a non-zero status", async () => {
    const cases: [string[], RegExp][] = [
      [["create", "--name", "X"], /required option '--sender/],
      [["create", "--sender", A], /required option '--name/],
      [["create", "--name", "X", "--sender", "12345"], /12345 is not a SOR code/],
      [["create", "--name", " ", "--sender", A], /--name: must not be empty/],
      [["create", "--name", "X", "--sender", A, "--expires", "2001-01-01"], /future/],
      [["add-sender", "not-a-uuid", "--sender", A], /must be a token id/],
      [["add-sender", NO_TOKEN, "--sender", A], /not found/],
      [["remove-sender", NO_TOKEN, "--sender", A], /not found/],
      [["revoke", NO_TOKEN], /not found/],
    ];
    for (const [args, expected] of cases) {
      const r = await run(["tokens", "broker", ...args]);
      expect(r.status, args.join(" ")).not.toBe(0);
      expect(r.err, args.join(" ")).toMatch(expected);
    }
  });
});
