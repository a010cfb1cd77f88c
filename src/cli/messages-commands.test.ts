import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, withCliDatabase } from "../../test/support/cli.ts";
import { flowFor } from "../interop/medcom/fixtures.ts";
import { writeHospitalNotification } from "../interop/medcom/write-hospital-notification.ts";
import { ensureDemoUnits } from "../synth/demo-units.ts";

const cli = withCliDatabase();

describe("tovholder messages import", () => {
  it("applies an NDJSON file through the ingest and sums up accepted, duplicate and rejected", async () => {
    await cli.inspect(({ db }) => ensureDemoUnits(db));
    const lines = flowFor("SLHJ", "cli-import").messages.map((m) =>
      JSON.stringify(writeHospitalNotification(m)),
    );
    const broken = JSON.parse(lines[0] ?? "{}") as {
      id: string;
      entry: { resource: { id: string } }[];
    };
    broken.id = "another-bundle";
    const header = broken.entry[0]?.resource;
    if (header) header.id = "bc2f6a7e-0000-4000-8000-000000000001";
    const encounter = broken.entry[1]?.resource as { status?: string } | undefined;
    if (encounter) encounter.status = "planned";
    const file = path.join(cli.dataDir(), "messages.ndjson");
    writeFileSync(file, [...lines, lines[1], "", JSON.stringify(broken), "{oops"].join("\n"));

    const run = await runCli(["messages", "import", file]);
    expect(run.status, run.err).toBe(0);
    expect(run.out).toContain("Imported 7 messages");
    expect(run.out).toContain(
      "4 accepted, 1 duplicate, 2 rejected, 0 kept as dead letters, 0 failed",
    );
    expect(run.out).toMatch(/line 7: Bundle\.entry\[1\]\.resource\.status: must be one of/);
    expect(run.out).not.toContain("0101010000");

    const stays = await cli.inspect(({ db }) =>
      db.selectFrom("hospitalStay").select("status").execute(),
    );
    expect(stays).toEqual([{ status: "discharged" }]);

    const again = await runCli(["messages", "import", file]);
    // A refused message sent again is a duplicate too, and gets the same negative answer.
    expect(again.out).toContain("0 accepted, 6 duplicate, 1 rejected");
  });

  it("says clearly when the file does not exist", async () => {
    const run = await runCli(["messages", "import", "/nonexistent/file.ndjson"]);
    expect(run.status).toBe(1);
    expect(run.err).toContain("no such file");
  });

  it("refuses a bad --batch with a usage error, not a crash", async () => {
    const run = await runCli(["messages", "import", "x.ndjson", "--batch", "0"]);
    expect(run.status).toBe(1);
    expect(run.err).toContain("--batch <n>' argument '0' is invalid");
    expect(run.err).not.toContain("unexpected failure");
  });
});
