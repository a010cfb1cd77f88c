import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, withCliDatabase } from "../../test/support/cli.ts";

const cli = withCliDatabase();
const facts = () =>
  cli.inspect(({ db }) =>
    db.selectFrom("gpCapacityFact").select(["doctors", "listedPatients", "source"]).execute(),
  );

describe("tovholder capacity import", () => {
  it("imports a CSV file as the operator, and refuses a bad one whole, naming row and column", async () => {
    const added = await runCli([
      "organisations",
      "add",
      "--sor",
      "33344455566677",
      "--name",
      "Lægerne i Sorø",
      "--kind",
      "general_practice",
      "--municipality",
      "340",
      "--provider-number",
      "990123",
    ]);
    expect(added.status, added.err).toBe(0);
    const header = "provider_number;doctors;listed_patients;closed_to_new;as_of";
    const bad = path.join(cli.dataDir(), "bad.csv");
    writeFileSync(bad, `${header}\n990123;2;3000;nej;2020-01-01\n990123;0;3000;nej;2020-02-01\n`);
    const refused = await runCli(["capacity", "import", bad]);
    expect(refused.status).toBe(1);
    expect(refused.err).toContain("line 3: doctors");
    expect(await facts()).toEqual([]);
    const good = path.join(cli.dataDir(), "good.csv");
    writeFileSync(good, `${header}\n990123;2;3000;ja;2020-01-01\n`);
    const run = await runCli(["capacity", "import", good]);
    expect(run.status, run.err).toBe(0);
    expect(run.out).toContain("Imported 1 capacity facts for 1 practices");
    expect(await facts()).toEqual([{ doctors: 2, listedPatients: 3000, source: "csv-import" }]);
  });
});
