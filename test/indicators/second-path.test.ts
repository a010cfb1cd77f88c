import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/app/server.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createIndicators, type Indicators } from "../../src/indicators/assemble.ts";
import { entryId } from "../../src/indicators/cube.ts";
import {
  exclusionRules,
  loadParameters,
  preventableClassifier,
} from "../../src/indicators/parameters.ts";
import { periodOfLabel } from "../../src/indicators/service.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import { generate, parseScope } from "../../src/synth/generate.ts";
import { loadSynthetic } from "../../src/synth/load.ts";
import { loadDepsFor } from "../../src/synth/load-deps.ts";
import { expectBothPathsAgree } from "../support/admission-paths.ts";
import {
  AGE_BANDS,
  monthsBetween,
  type SecondPathRow,
  type SecondPathRules,
  secondPathOfDir,
} from "../support/indicator-second-path.ts";
import { structureDatabase } from "../support/server.ts";

/**
 * Issue 20, "a second path": a synthetic year of Klyngen Næstved/Slagelse is
 * generated, loaded through the product's doors (register, ingest, facts),
 * and the product's full refresh computes the indicators from the messages.
 * The same counts are computed a second way from the generator's truth files
 * (what really happened, after every correction) by a simple implementation
 * that shares no code with src/indicators, and every numerator and
 * denominator per municipality and month must agree exactly, unsuppressed.
 *
 * The year runs from 1 April 2026 across the change to the councils on
 * 1 January 2027, and the clock is fixed after it, so the test means the same
 * on any day.
 */

const START = Date.UTC(2026, 3, 1);
const NOW = new Date("2027-06-15T12:00:00+02:00");
const FROM = "2026-04";
const TO = "2027-06";
const cipher = createCipher(randomBytes(32));

let dir: string;
let database: DatabaseHandle;
let indicators: Indicators;
let expected: SecondPathRow[];

/** The second path with the product's own code lists: the definitions are the same, the code is not. */
function productRules(): SecondPathRules {
  const parameters = loadParameters();
  const group = preventableClassifier(parameters);
  const exclusions = exclusionRules(parameters);
  const excludedAs = (side: "index" | "readmission") => (d: string) =>
    exclusions.some((e) => (e.appliesTo === side || e.appliesTo === "both") && e.matches(d));
  return {
    preventableGroup: (d) => group(d),
    indexExcluded: excludedAs("index"),
    readmissionExcluded: excludedAs("readmission"),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tovholder-second-path-"));
  await generate({
    seed: 20,
    scope: parseScope("body:naestved-slagelse"),
    years: 1,
    start: START,
    scale: 0.1,
    outDir: dir,
    dataDir: path.join(projectRoot, "data"),
    workers: 0,
  });
  database = await structureDatabase();
  await loadSynthetic(dir, loadDepsFor(database.db, cipher, { notify: false, clock: () => NOW }), {
    batch: 250,
    concurrency: 1,
  });
  indicators = createIndicators({ db: database.db, clock: () => NOW });
  await indicators.maintenance.rebuildAll();
  expected = await secondPathOfDir(dir, productRules(), {
    from: FROM,
    to: TO,
    asOf: NOW.getTime(),
  });
}, 180_000);

afterAll(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

type Counts = Record<string, number>;

/** The product's unsuppressed numerator and denominator of one unit in one month's table. */
async function productEntry(
  indicator: string,
  month: string,
  municipality: string,
  band = "",
  group = "",
) {
  const svc = indicators.service;
  const spec = svc.specOf(indicator);
  const t = await svc.table(spec, periodOfLabel("month", month), "residence", null);
  const e = t.cube.entries.get(entryId(`municipality:${municipality}`, band, group));
  return { numerator: e?.numerator ?? 0, denominator: e?.denominator ?? 0 };
}

/** Both paths' counts under the same keys, "indicator|municipality|month|band|group|n or d". */
async function bothPaths(
  indicator: string,
  variants: (
    r: SecondPathRow,
  ) => { band?: string; group?: string; numerator: number; denominator: number }[],
) {
  const product: Counts = {};
  const second: Counts = {};
  for (const r of expected)
    for (const v of variants(r)) {
      const key = `${indicator}|${r.municipality}|${r.month}|${v.band ?? ""}|${v.group ?? ""}`;
      const p = await productEntry(indicator, r.month, r.municipality, v.band, v.group);
      product[`${key}|n`] = p.numerator;
      product[`${key}|d`] = p.denominator;
      second[`${key}|n`] = v.numerator;
      second[`${key}|d`] = v.denominator;
    }
  return { product, second };
}

const total = (f: (r: SecondPathRow) => number) => expected.reduce((sum, r) => sum + f(r), 0);

describe("the indicators of a loaded synthetic year, computed a second way from what really happened", () => {
  it("covers every municipality of the body and every month, with enough events to mean something", () => {
    expect([...new Set(expected.map((r) => r.municipality))]).toEqual(["329", "330", "340", "370"]);
    expect(new Set(expected.map((r) => r.month)).size).toBe(monthsBetween(FROM, TO).length);
    // A tenth of about 230,000 people: some 2,800 admissions a year, a tenth of them readmitted.
    expect(total((r) => r.admissions.total)).toBeGreaterThan(2_000);
    expect(total((r) => r.readmission.readmitted)).toBeGreaterThan(100);
    expect(total((r) => r.preventable65.total)).toBeGreaterThan(100);
    expect(total((r) => r.medicallyReady.days)).toBeGreaterThan(100);
  });

  it("counts the same admissions and residents, in total and by age band", async () => {
    const { product, second } = await bothPaths("admissions", (r) => [
      { numerator: r.admissions.total, denominator: r.population.total },
      ...AGE_BANDS.map((band) => ({
        band,
        numerator: r.admissions.byBand[band],
        denominator: r.population.byBand[band],
      })),
    ]);
    expect(product).toEqual(second);
  });

  it("counts the same readmission indexes and readmissions, in total, by age band and for 65+", async () => {
    const { product, second } = await bothPaths("acute-readmission-30d", (r) => [
      { numerator: r.readmission.readmitted, denominator: r.readmission.indexes },
      ...AGE_BANDS.map((band) => ({
        band,
        numerator: r.readmission.byBand[band].readmitted,
        denominator: r.readmission.byBand[band].indexes,
      })),
      {
        band: "65+",
        numerator: r.readmission.aged65Plus.readmitted,
        denominator: r.readmission.aged65Plus.indexes,
      },
    ]);
    expect(product).toEqual(second);
  });

  it("counts the same preventable admissions of the 65+, in total and by group", async () => {
    const groups = indicators.service.specOf("preventable-admissions-65").groups.map((g) => g.key);
    const { product, second } = await bothPaths("preventable-admissions-65", (r) => [
      { numerator: r.preventable65.total, denominator: r.population.aged65Plus },
      ...groups.map((group) => ({
        group,
        numerator: r.preventable65.byGroup[group] ?? 0,
        denominator: r.population.aged65Plus,
      })),
    ]);
    expect(product).toEqual(second);
  });

  it("counts the same days after medically ready", async () => {
    const { product, second } = await bothPaths("medically-ready-days", (r) => [
      { numerator: r.medicallyReady.days, denominator: r.population.aged65Plus },
    ]);
    expect(product).toEqual(second);
  });
});

describe("the two paths to the admissions", () => {
  it("gives the full refresh's one statement the per-citizen rules' rows, field by field", async () => {
    expect(await expectBothPathsAgree(database.db, NOW)).toBeGreaterThan(0);
  });
});
