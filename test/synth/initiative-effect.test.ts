import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/app/server.ts";
import { danishMidnight } from "../../src/indicators/periods.ts";
import { generate, parseScope } from "../../src/synth/generate.ts";
import type { InitiativeEffect } from "../../src/synth/initiative-effect.ts";
import { readNdjsonLines } from "../../src/synth/ndjson-gz.ts";
import { PARAMETERS } from "../../src/synth/parameters.ts";
import type { Summary } from "../../src/synth/summary.ts";
import {
  monthsBetween,
  readTruth,
  type SecondPathRow,
  secondPath,
  type Truth,
} from "../support/indicator-second-path.ts";

/**
 * The initiative effect is in the data: one body-scale year generated twice
 * from the same seed, without and with an effect on the 65+ of Næstved and
 * Slagelse from 1 May. The truth states the effect; the second path (which
 * shares no code with the generator's effect or the product's indicators)
 * measures the 30-day readmission share of the participants' discharges from
 * then on in both sets, and the ratio must be the stated relative risk, within
 * a tolerance that a set without the effect (ratio 1) cannot pass. Nothing
 * else may change: the other municipalities' files are byte-identical, and so
 * is every citizen and every stay that was not prevented.
 */

const START = Date.UTC(2025, 0, 1);
const FROM_MONTH = "2025-05";
const effect: InitiativeEffect = {
  id: "test-readmissions-65",
  municipalityCodes: ["370", "330"],
  minimumAge: 65,
  from: danishMidnight(`${FROM_MONTH}-01`).getTime(),
  relativeRisk: PARAMETERS.initiativeReadmissionRelativeRisk,
};
/** How far the measured ratio may lie from the stated relative risk. */
const TOLERANCE = 0.15;

const dirs: { without: string; with: string } = { without: "", with: "" };
let summaries: { without: Summary; with: Summary };
let truths: { without: Truth; with: Truth };

const run = async (outDir: string, effects?: InitiativeEffect[]) =>
  generate({
    seed: 11,
    scope: parseScope("body:naestved-slagelse"),
    years: 1,
    start: START,
    scale: 0.1,
    outDir,
    dataDir: path.join(projectRoot, "data"),
    workers: 0,
    ...(effects ? { effects } : {}),
  });

/** Counts only; no diagnosis is excluded, since both sets are measured the same way. */
const rules = {
  preventableGroup: () => null,
  indexExcluded: () => false,
  readmissionExcluded: () => false,
};

beforeAll(async () => {
  dirs.without = await mkdtemp(path.join(tmpdir(), "tovholder-effect-"));
  dirs.with = await mkdtemp(path.join(tmpdir(), "tovholder-effect-"));
  summaries = { without: await run(dirs.without), with: await run(dirs.with, [effect]) };
  truths = { without: await readTruth(dirs.without), with: await readTruth(dirs.with) };
}, 180_000);

afterAll(async () => {
  await Promise.all(Object.values(dirs).map((d) => rm(d, { recursive: true, force: true })));
});

/** The 65+ readmission share of these municipalities' discharges in these months. */
function share65(rows: SecondPathRow[], codes: readonly string[], months: readonly string[]) {
  let indexes = 0;
  let readmitted = 0;
  for (const r of rows)
    if (codes.includes(r.municipality) && months.includes(r.month)) {
      indexes += r.readmission.aged65Plus.indexes;
      readmitted += r.readmission.aged65Plus.readmitted;
    }
  return { indexes, readmitted, share: readmitted / indexes };
}

async function digest(dir: string, file: string) {
  return createHash("sha256")
    .update(await readFile(path.join(dir, file)))
    .digest("hex");
}

describe("an initiative's effect in the generated data", () => {
  it("is stated by the truth and the summary, and counted", () => {
    expect(truths.with.effects).toEqual([
      {
        kind: "initiative-effect",
        id: "test-readmissions-65",
        municipalityCodes: ["370", "330"],
        minimumAge: 65,
        from: "2025-05-01T00:00:00+02:00",
        relativeRisk: effect.relativeRisk,
      },
    ]);
    expect(truths.without.effects).toEqual([]);
    expect(summaries.with.initiativeEffects).toEqual(truths.with.effects);
    expect(summaries.without.initiativeEffects).toBeUndefined();
    expect(summaries.with.stats.preventedByInitiatives).toBeGreaterThan(0);
    expect(summaries.without.stats.preventedByInitiatives).toBe(0);
  });

  it("moves the participants' 65+ readmission share by the relative risk the truth states", () => {
    const [stated] = truths.with.effects;
    if (!stated) throw new Error("the truth states no effect");
    const months = monthsBetween(FROM_MONTH, "2025-12");
    const measure = (t: Truth) =>
      share65(
        secondPath(t, rules, { from: "2025-01", to: "2025-12" }),
        stated.municipalityCodes,
        months,
      );
    const before = measure(truths.without);
    const after = measure(truths.with);
    // Enough discharges that the ratio says something: about 900 at this scale.
    expect(before.indexes).toBeGreaterThan(600);
    const ratio = after.share / before.share;
    expect(Math.abs(ratio - stated.relativeRisk)).toBeLessThan(TOLERANCE);
    // The tolerance cannot be met by data without the effect, whose ratio is 1.
    expect(Math.abs(1 - stated.relativeRisk)).toBeGreaterThan(TOLERANCE);
  });

  it("changes nothing else: the other municipalities' files and everything that was not prevented", async () => {
    const names = (await readdir(path.join(dirs.without, "messages"))).sort();
    expect((await readdir(path.join(dirs.with, "messages"))).sort()).toEqual(names);
    const others = names.filter((n) => !effect.municipalityCodes.includes(n.split(".")[0] ?? ""));
    expect(others.length).toBeGreaterThan(1);
    for (const name of others)
      for (const sub of ["messages", "facts", "truth"])
        expect(await digest(dirs.with, `${sub}/${name}`), `${sub}/${name}`).toBe(
          await digest(dirs.without, `${sub}/${name}`),
        );
    expect(await digest(dirs.with, "units.csv")).toBe(await digest(dirs.without, "units.csv"));

    // Same citizens; each one's stays with the effect are some of those without it, the same
    // lines, and every stay taken away began after the start, for a citizen of a
    // participating municipality who was at least 64 then (65 at the discharge before it).
    expect([...truths.with.citizens.keys()]).toEqual([...truths.without.citizens.keys()]);
    let removed = 0;
    for (const [cpr, stays] of truths.without.staysOf) {
      const kept = new Set((truths.with.staysOf.get(cpr) ?? []).map((s) => JSON.stringify(s)));
      const lines = new Set(stays.map((s) => JSON.stringify(s)));
      for (const line of kept) expect(lines.has(line)).toBe(true);
      const citizen = truths.without.citizens.get(cpr);
      for (const s of stays.filter((x) => !kept.has(JSON.stringify(x)))) {
        removed++;
        expect(effect.municipalityCodes).toContain(citizen?.municipalityCode);
        expect(Date.parse(s.admittedAt)).toBeGreaterThan(effect.from);
        expect(s.admission).toBe("acute");
        const born = Date.parse(`${citizen?.birthDate}T00:00:00Z`);
        expect(effect.from - born).toBeGreaterThan(64 * 365 * 86_400_000);
      }
    }
    expect(removed).toBe(summaries.with.stats.preventedByInitiatives);

    // The participants' messages differ only by the prevented stays' messages.
    for (const code of effect.municipalityCodes) {
      const without = new Set<string>();
      for await (const line of readNdjsonLines(
        path.join(dirs.without, "messages", `${code}.ndjson.gz`),
      ))
        without.add(line);
      for await (const line of readNdjsonLines(
        path.join(dirs.with, "messages", `${code}.ndjson.gz`),
      ))
        expect(without.has(line)).toBe(true);
    }
  });
});
