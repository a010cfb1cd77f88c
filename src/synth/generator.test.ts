import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../app/server.ts";
import { parseCpr } from "../citizens/cpr.ts";
import { readHospitalNotification } from "../interop/medcom/read-hospital-notification.ts";
import { activityOf } from "./activity.ts";
import { citizenFact } from "./facts.ts";
import { generate, parseScope } from "./generate.ts";
import { loadGeography } from "./geography.ts";
import { runInputs } from "./inputs.ts";
import { readNdjsonLines } from "./ndjson-gz.ts";
import { AGE_BANDS, type AgeBandName, PARAMETERS } from "./parameters.ts";
import { citizensOf } from "./population.ts";
import { createRandom } from "./random.ts";
import type { Summary } from "./summary.ts";

/**
 * Issue 5, point 6: the generator's output checked as statistical properties.
 * One body-scale run (Klyngen Næstved/Slagelse, a quarter of its people)
 * is generated once and read by every test.
 */

const dataDir = path.join(projectRoot, "data");
const START = Date.UTC(2025, 0, 1);
let out: string;
let summary: Summary;

const options = (outDir: string, workers: number) => ({
  seed: 7,
  scope: parseScope("body:naestved-slagelse"),
  years: 1,
  start: START,
  scale: 0.25,
  outDir,
  dataDir,
  workers,
});

async function digestOf(dir: string): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const sub of ["messages", "facts"]) {
    for (const name of (await readdir(path.join(dir, sub))).sort()) {
      const bytes = await readFile(path.join(dir, sub, name));
      digests[`${sub}/${name}`] = createHash("sha256").update(bytes).digest("hex");
    }
  }
  for (const name of ["units.csv", "summary.json"])
    digests[name] = createHash("sha256")
      .update(await readFile(path.join(dir, name)))
      .digest("hex");
  return digests;
}

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), "tovholder-synth-"));
  summary = await generate(options(out, 0));
}, 120_000);
afterAll(() => rm(out, { recursive: true, force: true }));

describe("the synthetic Denmark generator", () => {
  it("is deterministic: the same seed gives byte-identical files, with or without worker threads", async () => {
    const again = await mkdtemp(path.join(tmpdir(), "tovholder-synth-"));
    try {
      await generate(options(again, 2));
      expect(await digestOf(again)).toEqual(await digestOf(out));
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  }, 120_000);

  it("gives valid CPR numbers, unique, whose date and sex digit match the citizen", async () => {
    const geography = await loadGeography(dataDir);
    const inputs = runInputs(geography, 7, 1);
    const seen = new Set<string>();
    for (const code of ["370", "330", "329", "340"]) {
      const m = inputs.byCode.get(code);
      if (!m) throw new Error(code);
      for (const c of citizensOf(m, { ...inputs, seed: 7, scale: 0.25, onDate: START })) {
        const info = parseCpr(c.cpr);
        expect(info?.birthDate).toBe(c.birthDate);
        expect(info?.sex).toBe(c.sex);
        expect(seen.has(c.cpr)).toBe(false);
        seen.add(c.cpr);
      }
    }
    expect(seen.size).toBe(summary.stats.citizens);
  });

  it("has a Danish age structure: about a fifth 65 or older", () => {
    const s = summary.stats;
    const old = (s.byBand.old + s.byBand.oldest) / s.citizens;
    expect(old).toBeGreaterThan(0.19);
    expect(old).toBeLessThan(0.235);
    expect(s.byBand.oldest / s.citizens).toBeGreaterThan(0.045);
    expect(s.female / s.citizens).toBeGreaterThan(0.48);
    expect(s.female / s.citizens).toBeLessThan(0.52);
  });

  it("lists most citizens in their own municipality, a few next door, some across a body border", () => {
    const l = summary.stats.listing;
    const listed = l.own + l.neighbour;
    expect(l.own / listed).toBeGreaterThan(0.95);
    expect(l.neighbour / listed).toBeGreaterThan(0.02);
    expect(l.neighbour / listed).toBeLessThan(0.05);
    // Næstved borders Vordingborg (Klyngen Nykøbing F), so some GPs are in another body.
    expect(l.otherBody).toBeGreaterThan(0);
    expect(summary.stats.citizens / summary.stats.practices).toBeGreaterThan(1_600);
    expect(summary.stats.citizens / summary.stats.practices).toBeLessThan(2_000);
  });

  it("admits by age band at the parameters' rates, the oldest far more often", () => {
    const s = summary.stats;
    const rate = (band: AgeBandName) => s.admissionsByBand[band] / s.byBand[band];
    for (const band of Object.keys(AGE_BANDS) as AgeBandName[]) {
      // First admissions at the parameter's rate, readmissions on top, ambulant-only visits off.
      const expected =
        PARAMETERS.admissionsPerYear[band] * (1 + PARAMETERS.readmission30Days[band]);
      expect(rate(band), band).toBeGreaterThan(expected * 0.75);
      expect(rate(band), band).toBeLessThan(expected * 1.15);
    }
    expect(rate("oldest")).toBeGreaterThan(3 * rate("adults"));
  });

  it("passes its own rate checks: volumes, readmissions, treatment across body borders", () => {
    expect(summary.checks.length).toBeGreaterThanOrEqual(7);
    expect(summary.checks.filter((c) => !c.ok)).toEqual([]);
    const s = summary.stats;
    expect(s.readmittedWithin30Days / s.indexAdmissions).toBeGreaterThan(0.05);
    expect(s.treatedInOtherBody / s.admissions).toBeGreaterThan(0.1);
    expect(s.deaths).toBeGreaterThan(0);
    expect(s.leaves).toBeGreaterThan(0);
    expect(s.medicallyReady).toBeGreaterThan(0);
  });

  it("writes only messages that pass the ingest's validation, and facts that pass theirs", async () => {
    let messages = 0;
    for (const name of await readdir(path.join(out, "messages"))) {
      for await (const line of readNdjsonLines(path.join(out, "messages", name))) {
        const read = readHospitalNotification(JSON.parse(line));
        if (!read.ok) throw new Error(JSON.stringify(read.issues));
        messages++;
      }
    }
    expect(messages).toBe(summary.stats.messages);
    for await (const line of readNdjsonLines(path.join(out, "facts", "370.ndjson.gz"))) {
      const value = JSON.parse(line) as { kind: string };
      if (value.kind === "citizen") expect(citizenFact.safeParse(value).success).toBe(true);
    }
  }, 120_000);

  it("never lets a citizen's stays overlap or go on after a death", async () => {
    const geography = await loadGeography(dataDir);
    const inputs = runInputs(geography, 7, 1);
    const m = inputs.byCode.get("370");
    if (!m) throw new Error("370");
    const random = createRandom(7, "overlap-test");
    const ctx = { ...inputs, start: START, end: START + 3 * 365 * 86_400_000, onDate: START };
    let checked = 0;
    for (const c of citizensOf(m, { ...inputs, seed: 7, scale: 0.05, onDate: START })) {
      const stays = activityOf(random, c, m, ctx);
      for (let i = 1; i < stays.length; i++) {
        expect(stays[i]?.arrivedAt).toBeGreaterThan(stays[i - 1]?.endedAt ?? 0);
        expect(stays[i - 1]?.died).toBe(false);
      }
      checked += stays.length;
    }
    expect(checked).toBeGreaterThan(500);
  });
});
