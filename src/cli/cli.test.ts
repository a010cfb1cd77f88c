import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { scratchDatabaseUrl } from "../../test/support/database.ts";
import { referenceStructureFile } from "../../test/support/server.ts";
import { openDatabase } from "../platform/db/database.ts";
import { main } from "./main.ts";

let dataDir: string;
let databaseUrl: string | undefined;
let dropScratch: (() => Promise<void>) | undefined;

async function run(args: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi
    .spyOn(console, "log")
    .mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  const error = vi
    .spyOn(console, "error")
    .mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((c) => !!out.push(String(c)));
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((c) => !!err.push(String(c)));
  try {
    const status = await main(["node", "tovholder", ...args]);
    return { status, out: out.join("\n"), err: err.join("\n") };
  } finally {
    for (const spy of [log, error, stdout, stderr]) spy.mockRestore();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "tovholder-cli-basic-"));
  vi.stubEnv("TOVHOLDER_DATA_DIR", dataDir);
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const scratch = await scratchDatabaseUrl(server);
    databaseUrl = scratch.url;
    vi.stubEnv("DATABASE_URL", scratch.url);
    dropScratch = scratch.drop;
  } else {
    vi.stubEnv("DATABASE_URL", undefined);
  }
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await dropScratch?.();
  rmSync(dataDir, { recursive: true, force: true });
});

/** How many bodies the CLI's database holds (the CLI closes it after each command). */
async function bodiesInDatabase(): Promise<number> {
  const database = databaseUrl
    ? await openDatabase({ engine: "postgres", url: databaseUrl, poolSize: 1 })
    : await openDatabase({ engine: "pglite", dataDir: path.join(dataDir, "pgdata") });
  try {
    const rows = await database.db.selectFrom("body").select("id").execute();
    return rows.length;
  } finally {
    await database.close();
  }
}

describe(`tovholder on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("prints help and exits 0", async () => {
    const help = await run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.out).toContain("serve");
    expect(help.out).toContain("structure");
  });

  it("exits non-zero on an unknown command", async () => {
    const unknown = await run(["frobnicate"]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.err).toContain("frobnicate");
  });

  it("migrates, and a second time says the database is up to date", async () => {
    const first = await run(["migrate"]);
    expect(first.status, first.err).toBe(0);
    expect(first.out).toContain("Applied");
    const again = await run(["migrate"]);
    expect(again.status).toBe(0);
    expect(again.out).toContain("up to date");
  });

  it("fails clearly on a missing structure file", async () => {
    const missing = await run(["structure", "load", path.join(dataDir, "nope.json")]);
    expect(missing.status).toBe(1);
    expect(missing.err).toContain("ENOENT");
  });

  it("refuses an invalid structure file, names the municipality, and writes nothing", async () => {
    const file = JSON.parse(readFileSync(referenceStructureFile, "utf8")) as {
      clusters: { municipalityCodes: string[] }[];
    };
    file.clusters[1]?.municipalityCodes.push("370");
    const bad = path.join(dataDir, "bad.json");
    writeFileSync(bad, JSON.stringify(file));
    const refused = await run(["structure", "load", bad]);
    expect(refused.status).toBe(1);
    expect(refused.err).toContain("municipality 370 is in");
    expect(await bodiesInDatabase()).toBe(0);
  });

  it("loads the reference structure, and loading it again changes nothing", async () => {
    const first = await run(["structure", "load", referenceStructureFile]);
    expect(first.status, first.err).toBe(0);
    expect(first.out).toContain("22 clusters");
    expect(await bodiesInDatabase()).toBe(22);
    const second = await run(["structure", "load", referenceStructureFile]);
    expect(second.status, second.err).toBe(0);
    expect(second.out).toContain("nothing changed");
    // Without a file: the configured ones, oldest first; the 2027 councils come on top.
    const both = await run(["structure", "load"]);
    expect(both.status, both.err).toBe(0);
    expect(both.out).toContain("as of 2022-07-01 was already loaded");
    expect(both.out).toContain("17 healthCouncils");
    expect(both.out).toContain("On 2027-01-01, 98 municipalities change body.");
    expect(await bodiesInDatabase()).toBe(39);
    const again = await run(["structure", "load"]);
    expect(again.out.match(/nothing changed/g)).toHaveLength(2);
    // A file older than the loaded one is refused, as before.
    const older = JSON.parse(readFileSync(referenceStructureFile, "utf8")) as { asOf: string };
    older.asOf = "2024-01-01";
    const olderFile = path.join(dataDir, "older.json");
    writeFileSync(olderFile, JSON.stringify(older));
    const refused = await run(["structure", "load", olderFile]);
    expect(refused.status).toBe(1);
    expect(refused.err).toContain("a structure as of 2027-01-01 is loaded");
  });

  it("names the variable when the configuration is invalid", async () => {
    vi.stubEnv("DATABASE_URL", "mysql://somewhere/db");
    try {
      const res = await run(["migrate"]);
      expect(res.status).toBe(1);
      expect(res.err).toContain("DATABASE_URL");
      expect(res.err).not.toContain("unexpected failure");
    } finally {
      vi.stubEnv("DATABASE_URL", databaseUrl);
    }
  });
});
