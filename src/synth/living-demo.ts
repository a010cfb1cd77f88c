import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FastifyBaseLogger } from "fastify";
import type { PersonalDataCipher } from "../citizens/crypto.ts";
import type { Database, DatabaseHandle } from "../platform/db/database.ts";
import { createStructureService, danishDate } from "../structure/service.ts";
import { ensureDemoCapacity } from "./demo-capacity.ts";
import { demoInitiativeEffect } from "./demo-initiative-effect.ts";
import { applyDemoTempo, startSimulatedStaff } from "./demo-staff.ts";
import { generate, parseScope, scopeMunicipalities } from "./generate.ts";
import { loadGeography } from "./geography.ts";
import { createLiveDemo, type LiveDemo } from "./live.ts";
import { loadSynthetic } from "./load.ts";
import { loadDepsFor } from "./load-deps.ts";

/**
 * The `npm start` demo's synthetic body: the first start generates a year
 * of Klyngen Næstved/Slagelse up to now and loads it through the real doors;
 * every start then keeps new hospital notifications coming in accelerated
 * time. It all runs in the background, so the server answers (and the demo
 * users can log in) while the history loads. A second start finds the
 * history loaded and only resumes the simulation.
 *
 * Everything runs on the demo's clock (`clock`; TOVHOLDER_DEMO_DATE), so the
 * demo can start at 23:50 on 31 December 2026: its history is the clusters'
 * year, and the discharges it simulates after midnight land under the councils.
 */

export const DEMO_SEED = 42;
export const DEMO_BODY = "naestved-slagelse";
export const DEMO_SCOPE = `body:${DEMO_BODY}`;
const YEAR_MS = Math.round(365.25 * 86_400_000);

type Marker = { seed: number; scale: number; cutAt: number; loadedAt: string };

export type LivingDemoOptions = {
  database: DatabaseHandle;
  cipher: PersonalDataCipher;
  dataDir: string;
  structureDir: string;
  scale: number;
  speed: number;
  logger: FastifyBaseLogger;
  workers?: number;
  /** The demo's now; the real clock unless TOVHOLDER_DEMO_DATE set another start. */
  clock?: () => Date;
};

async function readMarker(file: string): Promise<Marker | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Marker;
  } catch {
    return null;
  }
}

/** Generates and loads the history unless an earlier start did; returns where it cuts off. */
async function ensureHistory(o: LivingDemoOptions, dir: string): Promise<Marker> {
  const markerFile = path.join(dir, "loaded.json");
  const marker = await readMarker(markerFile);
  if (marker && marker.seed === DEMO_SEED && marker.scale === o.scale) return marker;
  await rm(dir, { recursive: true, force: true });
  const cutAt = Math.floor(nowOf(o) / 60_000) * 60_000;
  const started = Date.now();
  o.logger.info(
    { scope: DEMO_SCOPE, scale: o.scale },
    "demo: generating a year of hospital activity",
  );
  const summary = await generate({
    seed: DEMO_SEED,
    scope: parseScope(DEMO_SCOPE),
    years: 1,
    start: cutAt - YEAR_MS,
    scale: o.scale,
    outDir: dir,
    dataDir: o.structureDir,
    workers: o.workers ?? 2,
    cutAt,
    // The demo body's running initiative works: its page has an effect to show.
    effects: [demoInitiativeEffect(cutAt)],
  });
  o.logger.info(
    {
      citizens: summary.stats.citizens,
      messages: summary.stats.messages,
      ms: Date.now() - started,
    },
    "demo: generated; loading through the register, the ingest and the facts import",
  );
  const concurrency = o.database.engine === "postgres" ? 4 : 1;
  const loaded = await loadSynthetic(
    dir,
    loadDepsFor(o.database.db, o.cipher, { notify: false, ...clockOf(o) }),
    { batch: 250, concurrency },
  );
  o.logger.info(
    { ...loaded.messages, confirmedHandovers: loaded.confirmedHandovers, ms: Date.now() - started },
    "demo: history loaded",
  );
  const done: Marker = {
    seed: DEMO_SEED,
    scale: o.scale,
    cutAt,
    loadedAt: new Date(nowOf(o)).toISOString(),
  };
  await writeFile(markerFile, JSON.stringify(done));
  return done;
}

const nowOf = (o: LivingDemoOptions) => (o.clock ? o.clock().getTime() : Date.now());
const clockOf = (o: LivingDemoOptions) => (o.clock ? { clock: o.clock } : {});

/**
 * The bodies the demo's municipalities belong to from `from` on: the cluster
 * until 2026 and the council from 2027, for a demo that starts before the change.
 * The first is the body of the demo's start.
 */
export async function demoBodies(db: Database, municipalityCodes: string[], from: number) {
  const structure = createStructureService(db);
  const start = danishDate(from);
  const changes = (await structure.versions()).map((v) => v.asOf).filter((d) => d > start);
  const timelines = await structure.bodyTimelines({ municipalityCodes, hospitalIds: [] });
  const ids = [start, ...changes].flatMap((date) =>
    municipalityCodes.flatMap((code) => timelines.ofMunicipality(code, date)?.id ?? []),
  );
  return [...new Set(ids)];
}

export function startLivingDemo(o: LivingDemoOptions) {
  const dir = path.join(o.dataDir, "demo-synth");
  let live: LiveDemo | null = null;
  let staff: ReturnType<typeof startSimulatedStaff> | null = null;
  let stopped = false;
  const ready = (async () => {
    const marker = await ensureHistory(o, dir);
    if (stopped) return;
    // The synthetic practices' GP capacity, dated by the history's cut (every start: idempotent).
    const capacityFacts = await ensureDemoCapacity(o.database.db, DEMO_SEED, marker.cutAt);
    if (capacityFacts > 0) o.logger.info({ capacityFacts }, "demo: synthetic GP capacity");
    if (marker.cutAt > nowOf(o)) {
      // Simulating would send messages dated before the ones already loaded.
      o.logger.error(
        {
          historyUntil: new Date(marker.cutAt).toISOString(),
          now: new Date(nowOf(o)).toISOString(),
        },
        "demo: the data directory holds a history that ends after the demo's clock; start with a fresh TOVHOLDER_DATA_DIR to use this TOVHOLDER_DEMO_DATE",
      );
      return;
    }
    const geography = await loadGeography(o.structureDir);
    const municipalities = scopeMunicipalities(geography, parseScope(DEMO_SCOPE));
    const deps = loadDepsFor(o.database.db, o.cipher, clockOf(o));
    const bodies = await demoBodies(
      o.database.db,
      municipalities.map((m) => m.code),
      marker.cutAt,
    );
    // After the history, whose handovers keep the real rules their times were judged by.
    // The body of the demo's start gets the demo's tempo; a council that follows it gets
    // its rules when the clusters' rules are carried over on 1 January.
    if (bodies[0]) await applyDemoTempo(deps.handovers, bodies[0]);
    live = await createLiveDemo({
      seed: DEMO_SEED,
      scale: o.scale,
      cutAt: marker.cutAt,
      speed: o.speed,
      dir,
      municipalities,
      geography,
      ingest: deps.ingest,
      pathways: deps.pathways,
      logger: o.logger,
      ...(o.clock ? { now: () => nowOf(o) } : {}),
    });
    if (stopped) return;
    live.start();
    staff = startSimulatedStaff({
      handovers: deps.handovers,
      bodyIds: bodies,
      since: new Date(marker.cutAt),
      logger: o.logger,
      ...(o.clock ? { now: () => nowOf(o) } : {}),
    });
    o.logger.info({ speed: o.speed }, "demo: simulating new hospital notifications and staff");
  })().catch((err: unknown) => o.logger.error({ err }, "demo: the synthetic body could not start"));
  return {
    ready,
    async stop() {
      stopped = true;
      await Promise.all([live?.stop(), staff?.stop()]);
    },
  };
}
