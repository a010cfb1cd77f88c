import { randomBytes } from "node:crypto";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/app/server.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import { AppError } from "../../src/platform/http/errors.ts";
import { generate, parseScope } from "../../src/synth/generate.ts";
import { type LoadSummary, loadSynthetic } from "../../src/synth/load.ts";
import { loadDepsFor } from "../../src/synth/load-deps.ts";
import { NdjsonGzWriter } from "../../src/synth/ndjson-gz.ts";
import type { Summary } from "../../src/synth/summary.ts";
import { structureDatabase } from "../support/server.ts";

/**
 * Issue 5, point 3: generated data goes in through the product's own doors
 * (register import, ingest, facts import), is marked synthetic, and a second
 * load changes nothing. Runs on PGlite, or PostgreSQL with TEST_DATABASE_URL.
 */

let dir: string;
let database: DatabaseHandle;
let generated: Summary;
let first: LoadSummary;
const cipher = createCipher(randomBytes(32));

const load = (from = dir) =>
  loadSynthetic(from, loadDepsFor(database.db, cipher, { notify: false }), {
    batch: 250,
    concurrency: 2,
  });

async function count(query: string): Promise<number> {
  const result = await sql<{ n: string }>`${sql.raw(query)}`.execute(database.db);
  return Number(result.rows[0]?.n);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tovholder-synth-load-"));
  generated = await generate({
    seed: 11,
    scope: parseScope("body:naestved-slagelse"),
    years: 1,
    start: Date.UTC(2025, 0, 1),
    scale: 0.02,
    outDir: dir,
    dataDir: path.join(projectRoot, "data"),
    workers: 0,
  });
  database = await structureDatabase();
  first = await load();
}, 180_000);

afterAll(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("tovholder synth load", () => {
  it("applies every message through the ingest and every fact to its stay", async () => {
    expect(first.messages).toEqual({ accepted: generated.stats.messages });
    expect(first.citizens).toBe(generated.stats.citizens);
    expect(first.stayFacts).toEqual({
      matched: generated.stats.admissions + generated.stats.ambulantOnly,
      unmatched: 0,
    });
    expect(first.homeCare).toBe(generated.stats.homeCare);
    expect(first.units.added).toBeGreaterThan(80);
    // Most of the history's handovers were confirmed; a few per thousand fell between two
    // chairs (issue 21 §1: at this scale that may be none), and a citizen's death closed
    // those still open then (confirmed ones stay confirmed, though the history's
    // confirmations are loaded after its deaths).
    const handovers = await count("select count(*) as n from handover");
    const open = await count("select count(*) as n from handover where status = 'open'");
    const closed = await count("select count(*) as n from handover where status = 'closed'");
    const byDeath = await count(
      "select count(*) as n from handover where status = 'closed' and status_reason = 'death'",
    );
    expect(first.confirmedHandovers).toBeGreaterThan(handovers * 0.9);
    // Never confirmed, or confirmed after the cut: a few per thousand, not one in fifty.
    expect(open).toBeLessThanOrEqual(handovers * 0.01);
    expect(closed).toBe(byDeath);
    expect(open + first.confirmedHandovers + closed).toBe(handovers);
  });

  it("marks everything it stored as synthetic", async () => {
    expect(await count("select count(*) as n from citizen where not synthetic")).toBe(0);
    expect(await count("select count(*) as n from citizen where address_encrypted is null")).toBe(
      0,
    );
    expect(await count("select count(*) as n from stay_clinical_fact where not synthetic")).toBe(0);
    expect(await count("select count(*) as n from home_care_grant where not synthetic")).toBe(0);
    expect(await count("select count(*) as n from inbound_message where not synthetic")).toBe(0);
    expect(
      await count(
        "select count(*) as n from organisation where sor_code like '99%' and not synthetic and sor_code not like '999999999%'",
      ),
    ).toBe(0);
    expect(await count("select count(*) as n from general_practice where synthetic")).toBe(
      await count(
        "select count(*) as n from organisation where kind = 'general_practice' and synthetic",
      ),
    );
    expect(await count("select count(*) as n from citizen where listed_practice_id is null")).toBe(
      0,
    );
  });

  it("changes nothing when loaded again", async () => {
    const again = await load();
    expect(again.messages).toEqual({ duplicate: generated.stats.messages });
    expect(again.units.added + again.units.updated).toBe(0);
    expect(again.homeCare).toBe(0);
    expect(await count("select count(*) as n from citizen")).toBe(generated.stats.citizens);
  }, 120_000);

  it("refuses a facts file with a bad row, naming the file, line and field but not the value", async () => {
    const bad = await mkdtemp(path.join(tmpdir(), "tovholder-synth-bad-"));
    try {
      for (const file of ["units.csv", "summary.json"])
        await copyFile(path.join(dir, file), path.join(bad, file));
      await mkdir(path.join(bad, "facts"));
      await mkdir(path.join(bad, "messages"));
      const facts = new NdjsonGzWriter(path.join(bad, "facts", "370.ndjson.gz"));
      await facts.write({
        kind: "citizen",
        cpr: "3113999999",
        given: "A",
        family: "B",
        address: "C",
        municipalityCode: "37",
        practice: null,
        homeCareSince: null,
      });
      await facts.close();
      const error = await load(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      const text = JSON.stringify((error as AppError).errors);
      expect(text).toContain("370.ndjson.gz line 1: municipalityCode");
      expect(text).not.toContain("3113999999");
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
