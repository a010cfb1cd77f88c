import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, withCliDatabase } from "../../test/support/cli.ts";

const cli = withCliDatabase();
const units = () =>
  cli.inspect(({ db }) =>
    db
      .selectFrom("organisation")
      .select(["sorCode", "name", "kind"])
      .where("sorCode", "is not", null)
      .orderBy("sorCode")
      .execute(),
  );

describe("tovholder organisations", () => {
  it("adds a department linked to its hospital, and refuses the same SOR code twice", async () => {
    const args = [
      "organisations",
      "add",
      "--sor",
      "11122233344455",
      "--name",
      "Slagelse, Akutmodtagelsen",
      "--kind",
      "hospital_department",
      "--hospital",
      "slagelse-sygehus",
    ];
    const added = await runCli(args);
    expect(added.status, added.err).toBe(0);
    expect(added.out).toContain("Registered SOR 11122233344455");
    const again = await runCli(args);
    expect(again.status).toBe(1);
    expect(again.err).toContain("already registered");
  });

  it("refuses a unit with bad options, naming each", async () => {
    const run = await runCli([
      "organisations",
      "add",
      "--sor",
      "12",
      "--name",
      "X Y",
      "--kind",
      "municipal_unit",
    ]);
    expect(run.status).toBe(1);
    expect(run.err).toContain("sorCode: must be a SOR code");
    expect(run.err).toContain("municipalityCode: is required for a municipal unit");
  });

  it("imports a CSV file all or nothing, then again without changes", async () => {
    const file = path.join(cli.dataDir(), "units.csv");
    const header = "sor_code;name;kind;unit_type;gln;hospital_id;municipality_code;provider_number";
    const good = [
      "22233344455566;Ringsted Kommune, Visitationen;municipal_unit;visitation;;;329;",
      "33344455566677;Lægerne i Sorø;general_practice;;;;340;990123",
    ];
    writeFileSync(
      file,
      [header, ...good, "44455566677788;Ukendt;hospital_department;;;no-such-hospital;;"].join(
        "\n",
      ),
    );
    const before = await units();
    const bad = await runCli(["organisations", "import", file]);
    expect(bad.status).toBe(1);
    expect(bad.err).toContain("line 4: hospitalId: names no hospital in the structure");
    expect(await units()).toEqual(before);

    writeFileSync(file, [header, ...good].join("\n"));
    const ok = await runCli(["organisations", "import", file]);
    expect(ok.status, ok.err).toBe(0);
    expect(ok.out).toContain("2 added, 0 updated, 0 unchanged");
    const again = await runCli(["organisations", "import", file]);
    expect(again.out).toContain("0 added, 0 updated, 2 unchanged");

    const list = await runCli(["organisations", "list", "--municipality", "340"]);
    expect(list.out).toContain("33344455566677\tgeneral_practice");
  });
});
