/**
 * The public pages' two heaviest requests against a real server on the
 * loaded database (`startServer`, PostgreSQL, the benchmark's fixed clock):
 * the national map (one indicator, all municipalities, one quarter) and a
 * body's dashboard (every indicator, 12 months).
 *
 * The service keeps each period's whole table in memory per version of its
 * months. This server runs no upkeep of its own, so it follows the latest
 * figures: a cold sample is the first request after `maintenance.run()`
 * (nothing changed, but the last 32 days' loop cells are redone), which
 * builds every changed table itself; warm samples follow one another with
 * the cache filled. How a server with its upkeep answers is measured in
 * indicator-live.ts.
 */

import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer } from "../../src/app/server.ts";
import type { Indicators } from "../../src/indicators/assemble.ts";
import { loadConfig } from "../../src/platform/config.ts";
import {
  failures,
  fixed,
  latencySummary,
  ms,
  record,
  say,
  seconds,
  TARGETS,
  timed,
} from "./indicator-report.ts";
import { percentile } from "./stats.ts";

export type Probe = { name: string; path: string; check(body: unknown): string | null };

export type RequestSizes = {
  coldRounds: number;
  warm: number;
  concurrent: number;
  inFlight: number;
};

export type RequestTimings = Record<
  string,
  { cold: number[]; warm: number[]; concurrent: number[] }
>;

async function timedGet(base: string, probe: Probe): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}${probe.path}`, { headers: { accept: "application/json" } });
  const body: unknown = await response.json();
  const taken = performance.now() - started;
  if (response.status !== 200) throw new Error(`${probe.path}: HTTP ${response.status}`);
  const wrong = probe.check(body);
  if (wrong) throw new Error(`${probe.path}: ${wrong}`);
  return taken;
}

/** `n` requests from `inFlight` clients at once, each starting the next as soon as its last is answered. */
async function concurrently(base: string, probe: Probe, n: number, inFlight: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < n) {
        next++;
        latencies.push(await timedGet(base, probe));
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

export async function serveAndMeasure(p: {
  databaseUrl: string;
  clock: () => Date;
  /** The upkeep the benchmark runs between cold samples. */
  upkeep: Indicators;
  probes: Probe[];
  sizes: RequestSizes;
}): Promise<RequestTimings> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "tovholder-bench-indicators-"));
  const config = loadConfig({
    NODE_ENV: "production",
    DATABASE_URL: p.databaseUrl,
    PORT: "0",
    HOST: "127.0.0.1",
    TOVHOLDER_DATA_DIR: dataDir,
    // The figures need no personal data; any key will do.
    TOVHOLDER_CPR_KEY: randomBytes(32).toString("hex"),
    LOG_LEVEL: "warn",
    // The benchmark runs the upkeep itself, so that a cold request is one it chose.
    INDICATOR_REFRESH_SECONDS: "0",
    HANDOVER_SWEEP_SECONDS: "0",
    WEBHOOK_DELIVERY_SECONDS: "0",
  });
  const timings: RequestTimings = {};
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    server = await startServer(config, { clock: p.clock });
    const address = server.app.server.address();
    if (address === null || typeof address === "string") throw new Error("no TCP address");
    const base = `http://127.0.0.1:${address.port}`;
    const upkeep: number[] = [];
    for (const probe of p.probes) timings[probe.name] = { cold: [], warm: [], concurrent: [] };
    for (let round = 0; round < p.sizes.coldRounds; round++)
      for (const probe of p.probes) {
        say(`cold round ${round + 1}: ${probe.name}`);
        upkeep.push((await timed(() => p.upkeep.maintenance.run())).seconds);
        timings[probe.name]?.cold.push(await timedGet(base, probe));
      }
    for (const probe of p.probes) {
      const t = timings[probe.name];
      if (!t) continue;
      say(`warm: ${probe.name}`);
      for (let i = 0; i < p.sizes.warm; i++) t.warm.push(await timedGet(base, probe));
      const c = await concurrently(base, probe, p.sizes.concurrent, p.sizes.inFlight);
      t.concurrent.push(...c.latencies);
      recordProbe(probe, t, p.sizes, c.seconds);
    }
    record({
      what: "the upkeep between cold samples, `maintenance.run()` with nothing changed (it redoes the last 32 days' loop cells and sets computed_at, which empties the cache)",
      value: `median ${seconds(percentile(upkeep, 50))}, max ${seconds(Math.max(...upkeep))} (${upkeep.length} runs)`,
    });
  } catch (err) {
    failures.push(err instanceof Error ? err.message : String(err));
  } finally {
    await server?.background.stop();
    await server?.app.close();
    await server?.database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return timings;
}

function recordProbe(probe: Probe, t: RequestTimings[string], sizes: RequestSizes, spent: number) {
  const target = `p95 < ${TARGETS.requestP95Ms} ms`;
  record({
    what: `${probe.name}, cold: the first request after \`maintenance.run()\` with nothing warmed, so the request builds every changed table itself (${t.cold.length} samples, one per run). A server's upkeep warms before it publishes, so a leader meets this only before the server's first upkeep run; it is what the warm-up costs`,
    value: latencySummary(t.cold),
  });
  record({
    what: `${probe.name}, warm: ${t.warm.length} requests one after another`,
    value: latencySummary(t.warm),
    target,
    met: percentile(t.warm, 95) < TARGETS.requestP95Ms,
  });
  record({
    what: `${probe.name}, warm: ${sizes.concurrent} requests, ${sizes.inFlight} in flight`,
    value: `${latencySummary(t.concurrent)}; ${fixed(t.concurrent.length / spent, 1)} req/s`,
    target,
    met: percentile(t.concurrent, 95) < TARGETS.requestP95Ms,
  });
}

export function requestSummary(timings: RequestTimings, name: string) {
  const t = timings[name];
  return t ? { coldP50: percentile(t.cold, 50), warmP50: percentile(t.warm, 50) } : null;
}

export { ms };
