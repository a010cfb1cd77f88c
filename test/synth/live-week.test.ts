import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/app/server.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import type { IngestResult, MessageIngest } from "../../src/interop/service.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import { generate, parseScope, scopeMunicipalities } from "../../src/synth/generate.ts";
import { loadGeography } from "../../src/synth/geography.ts";
import { createLiveDemo } from "../../src/synth/live.ts";
import { loadSynthetic } from "../../src/synth/load.ts";
import { loadDepsFor } from "../../src/synth/load-deps.ts";
import { structureDatabase } from "../support/server.ts";

/**
 * Issue 18, point 8: the living demo sends only messages the ingest accepts.
 * Its accelerated clock once stated a corrected discharge 90 real minutes
 * before the correction was sent — on a clock where a day passes in two
 * minutes, before the admission — and the ingest refused it ("per-1: the
 * start shall not be after the end"), so the event was lost. This drives the
 * live generator through a simulated week with an injected clock (no
 * sleeping) against the real ingest, and checks every message it sent: each
 * accepted, and none stating a time after the clock it was sent by (the
 * ingest refuses event times far in the future).
 */

const structureDir = path.join(projectRoot, "data");
const cipher = createCipher(randomBytes(32));
const DAY = 86_400_000;
/** Where the history ends; fixed, and in the past, so nothing depends on today. */
const CUT = Date.UTC(2025, 10, 3, 9, 0);
const SPEED = 720;
/** Enough people that the week holds corrected discharges (seed 42: one). */
const SCALE = 0.1;
const HISTORY_YEARS = 0.05;

let dir: string;
let database: DatabaseHandle;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tovholder-live-week-"));
  await generate({
    seed: 42,
    scope: parseScope("body:naestved-slagelse"),
    years: HISTORY_YEARS,
    start: CUT - Math.round(HISTORY_YEARS * 365.25 * DAY),
    scale: SCALE,
    outDir: dir,
    dataDir: structureDir,
    workers: 0,
    cutAt: CUT,
  });
  database = await structureDatabase();
  await loadSynthetic(dir, loadDepsFor(database.db, cipher, { notify: false }), {
    batch: 250,
    concurrency: 1,
  });
}, 300_000);
afterAll(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

type Sent = { raw: string; result: IngestResult; clock: number };

/** Every date-time a message states (event times, period ends, the send time). */
const statedTimes = (raw: string) =>
  [...raw.matchAll(/"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[^"]*)"/g)].map((m) => Date.parse(m[1] ?? ""));

describe("the living demo over a simulated week", () => {
  it("sends only messages the ingest accepts, none stating a time ahead of its clock", async () => {
    const deps = loadDepsFor(database.db, cipher, { notify: false });
    const sent: Sent[] = [];
    let clock = CUT + 60_000;
    // The real ingest, with what went in and what came out written down.
    const ingest: MessageIngest = {
      ...deps.ingest,
      async receiveMany(raws, via) {
        const results = await deps.ingest.receiveMany(raws, via);
        for (const [i, result] of results.entries())
          sent.push({ raw: raws[i] ?? "", result, clock });
        return results;
      },
    };
    const geography = await loadGeography(structureDir);
    const live = await createLiveDemo({
      seed: 42,
      scale: SCALE,
      cutAt: CUT,
      speed: SPEED,
      dir,
      municipalities: scopeMunicipalities(geography, parseScope("body:naestved-slagelse")),
      geography,
      ingest,
      pathways: deps.pathways,
      now: () => clock,
    });
    // A tick every 10 real seconds (two simulated hours), for a simulated week.
    const end = clock + (7 * DAY) / SPEED;
    while (clock < end) {
      clock += 10_000;
      await live.tick();
    }

    expect(sent.length).toBeGreaterThan(50);
    const outcomes = new Map<string, number>();
    for (const s of sent) outcomes.set(s.result.outcome, (outcomes.get(s.result.outcome) ?? 0) + 1);
    expect(Object.fromEntries(outcomes)).toEqual({ accepted: sent.length });
    const refused = sent.filter((s) => s.result.outcome !== "accepted");
    expect(refused.map((s) => JSON.stringify(s.result.acknowledgement))).toEqual([]);
    // The week holds what used to be refused: a corrected discharge of a live stay.
    expect(sent.some((s) => s.raw.includes('"revise-discharge-'))).toBe(true);
    for (const s of sent) {
      const times = statedTimes(s.raw);
      expect(times.length).toBeGreaterThan(0);
      expect(Math.max(...times)).toBeLessThanOrEqual(s.clock);
    }
  }, 300_000);
});
