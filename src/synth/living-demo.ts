import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FastifyBaseLogger } from "fastify";
import type { PersonalDataCipher } from "../citizens/crypto.ts";
import type { DatabaseHandle } from "../platform/db/database.ts";
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
  const cutAt = Math.floor(Date.now() / 60_000) * 60_000;
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
  const loaded = await loadSynthetic(dir, loadDepsFor(o.database.db, o.cipher, { notify: false }), {
    batch: 250,
    concurrency,
  });
  o.logger.info(
    { ...loaded.messages, confirmedHandovers: loaded.confirmedHandovers, ms: Date.now() - started },
    "demo: history loaded",
  );
  const done: Marker = {
    seed: DEMO_SEED,
    scale: o.scale,
    cutAt,
    loadedAt: new Date().toISOString(),
  };
  await writeFile(markerFile, JSON.stringify(done));
  return done;
}

export function startLivingDemo(o: LivingDemoOptions) {
  const dir = path.join(o.dataDir, "demo-synth");
  let live: LiveDemo | null = null;
  let staff: ReturnType<typeof startSimulatedStaff> | null = null;
  let stopped = false;
  const ready = (async () => {
    const marker = await ensureHistory(o, dir);
    if (stopped) return;
    const geography = await loadGeography(o.structureDir);
    const deps = loadDepsFor(o.database.db, o.cipher);
    // After the history, whose handovers keep the real rules their times were judged by.
    await applyDemoTempo(deps.handovers, DEMO_BODY);
    live = await createLiveDemo({
      seed: DEMO_SEED,
      scale: o.scale,
      cutAt: marker.cutAt,
      speed: o.speed,
      dir,
      municipalities: scopeMunicipalities(geography, parseScope(DEMO_SCOPE)),
      geography,
      ingest: deps.ingest,
      pathways: deps.pathways,
      logger: o.logger,
    });
    if (stopped) return;
    live.start();
    staff = startSimulatedStaff({
      handovers: deps.handovers,
      bodyId: DEMO_BODY,
      since: new Date(marker.cutAt),
      logger: o.logger,
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
