import { describe, expect, it } from "vitest";
import { createTransition } from "../../src/transition/service.ts";
import { runCli, withCliDatabase } from "../support/cli.ts";
import { councilStructureFile } from "../support/server.ts";

/**
 * Issue 19, point 2: access is never granted silently. `tovholder structure
 * transition` tells the operator, per council, the rules it starts with and
 * from which cluster, and per person the membership moved from which
 * secretariat to which, with the role; with --dry-run before the day,
 * writing nothing. The test holds on any day the suite runs: before 1
 * January 2027 the command refuses to carry the change over early (the
 * server's own step does it at midnight, here with its clock); from that day
 * it carries it over itself.
 */

const cli = withCliDatabase();
const dayHasCome = Date.now() >= Date.parse("2027-01-01T00:00:00+01:00");

async function state() {
  return cli.inspect(async ({ db }) => ({
    carried: (await db.selectFrom("bodyCarryOver").select("id").execute()).length,
    active: (
      await db
        .selectFrom("membership as m")
        .innerJoin("appUser as u", "u.id", "m.userId")
        .innerJoin("organisation as o", "o.id", "m.organisationId")
        .select(["o.bodyId", "m.role", "m.grantedVia"])
        .where("u.username", "=", "kirsten.klynge")
        .where("m.revokedAt", "is", null)
        .execute()
    ).map((m) => [m.bodyId, m.role, m.grantedVia]),
  }));
}

describe("tovholder structure transition", () => {
  it("shows before the day what the change would carry over, and writes nothing", async () => {
    expect((await runCli(["structure", "load", councilStructureFile])).status).toBe(0);
    expect(
      (await runCli(["users", "create", "kirsten.klynge", "--name", "Kirsten Klynge"])).status,
    ).toBe(0);
    const granted = await runCli([
      "users",
      "grant",
      "kirsten.klynge",
      "--body",
      "naestved-slagelse",
      "--role",
      "coordinator",
    ]);
    expect(granted.status, granted.err).toBe(0);

    const dry = await runCli(["structure", "transition", "--date", "2027-01-01", "--dry-run"]);
    expect(dry.status, dry.err).toBe(0);
    expect(dry.out).toContain(
      "Change of structure of 2027-01-01: not carried over: this is what it would do (nothing was written).",
    );
    expect(dry.out).toContain(
      "Sundhedsråd Midt- og Vestsjælland (sundhedsraad-midt-og-vestsjaelland, sundhedsraad)",
    );
    expect(dry.out).toContain(
      "rule municipality: the default, as Klyngen Næstved/Slagelse (from naestved-slagelse)",
    );
    expect(dry.out).toMatch(
      /membership: kirsten\.klynge \(user [0-9a-f-]{36}\) as coordinator: Klyngen Næstved\/Slagelse \(sekretariat\) -> Sundhedsråd Midt- og Vestsjælland \(sekretariat\)/,
    );
    expect(dry.out).toContain("17 bodies, 34 rules carried over (0 to confirm), 1 memberships");
    expect(await state()).toEqual({
      carried: 0,
      active: [["naestved-slagelse", "coordinator", "operator"]],
    });
  });

  it("refuses a date that is not a date", async () => {
    const run = await runCli(["structure", "transition", "--date", "1.1.2027"]);
    expect(run.status).toBe(1);
    expect(run.err).toContain("--date: must be a date YYYY-MM-DD");
  });

  it("carries the change over once its day has come, and reports what moved", async () => {
    if (dayHasCome) {
      const run = await runCli(["structure", "transition"]);
      expect(run.status, run.err).toBe(0);
      expect(run.out).toContain("Change of structure of 2027-01-01: carried over now");
      expect(run.out).toContain("1 memberships moved, each audited as revoke and grant.");
    } else {
      const early = await runCli(["structure", "transition", "--date", "2027-01-01"]);
      expect(early.status).toBe(1);
      expect(early.err).toContain("takes effect at midnight in Denmark");
      expect((await state()).carried).toBe(0);
      // The server's step at that midnight, with its clock.
      await cli.inspect(({ db }) =>
        createTransition({
          db,
          clock: () => new Date("2027-01-01T00:00:10+01:00"),
        }).applyDue(),
      );
    }
    const after = await state();
    expect(after.active).toEqual([
      ["sundhedsraad-midt-og-vestsjaelland", "coordinator", "carry-over"],
    ]);
    expect(after.carried).toBe(35);
  });

  it("answers what was done when asked again, and changes nothing", async () => {
    const args = dayHasCome
      ? ["structure", "transition"]
      : ["structure", "transition", "--date", "2027-01-01", "--dry-run"];
    const run = await runCli(args);
    expect(run.status, run.err).toBe(0);
    expect(run.out).toContain("carried over before; this is what it did");
    expect(run.out).toMatch(
      /membership: kirsten\.klynge \(user [0-9a-f-]{36}\) as coordinator: Klyngen Næstved\/Slagelse \(sekretariat\) -> Sundhedsråd Midt- og Vestsjælland \(sekretariat\)/,
    );
    expect((await state()).carried).toBe(35);
  });
});
