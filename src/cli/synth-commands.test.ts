import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, withCliDatabase } from "../../test/support/cli.ts";

const cli = withCliDatabase();

describe("tovholder synth", () => {
  it("generates a body with a summary and rate checks, then loads it", async () => {
    const out = path.join(cli.dataDir(), "synth");
    const made = await runCli([
      "synth",
      "--seed",
      "3",
      "--scope",
      "body:naestved-slagelse",
      "--scale",
      "0.01",
      "--workers",
      "0",
      "--out",
      out,
    ]);
    expect(made.status, made.err).toBe(0);
    expect(made.out).toMatch(/[0-9,]+ citizens in 4 municipalities, [0-9,]+ practices/);
    expect(made.out).toContain("messages");

    const loaded = await runCli(["synth", "load", out]);
    expect(loaded.status, loaded.err).toBe(0);
    expect(loaded.out).toMatch(
      /messages: [0-9]+ accepted, 0 duplicate, 0 rejected, 0 dead letters, 0 failed/,
    );
    expect(loaded.out).toContain("0 without a stay");
    const citizens = await cli.inspect(({ db }) =>
      db
        .selectFrom("citizen")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow(),
    );
    expect(made.out).toContain(`${Number(citizens.n).toLocaleString("en-GB")} citizens`);

    // The loaded year's quality indicators, rebuilt by hand, with a progress bar on stderr.
    const refreshed = await runCli(["indicators", "refresh"]);
    expect(refreshed.status, refreshed.err).toBe(0);
    expect(refreshed.out).toMatch(
      /Indicators computed at .*: [0-9]+ citizens, [0-9]+ monthly tables/,
    );
    const admissions = await cli.inspect(({ db }) =>
      db
        .selectFrom("indicatorCell")
        .select((eb) => eb.fn.sum<string>("numerator").as("n"))
        .where("indicator", "=", "admissions")
        .where("attribution", "=", "residence")
        .executeTakeFirstOrThrow(),
    );
    expect(Number(admissions.n)).toBeGreaterThan(0);
  }, 180_000);

  it("names a scope that does not exist", async () => {
    const run = await runCli(["synth", "--scope", "body:atlantis", "--out", cli.dataDir()]);
    expect(run.status).toBe(1);
    expect(run.err).toContain("scope: names no body: atlantis");
    const bad = await runCli(["synth", "--scope", "planet"]);
    expect(bad.err).toContain("scope: must be national, region:<code>");
    const seed = await runCli(["synth", "--seed", "x"]);
    expect(seed.status).toBe(1);
    expect(seed.err).toContain("--seed <n>' argument 'x' is invalid");
    expect(seed.err).not.toContain("unexpected failure");
  });
});
