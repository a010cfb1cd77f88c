/**
 * The requests as leaders meet them on a running server: the server's own
 * upkeep recomputes the figures every second (`maintenance.run()`, then
 * `comparison.warm()`, which builds the dashboards' tables and only then
 * publishes them), while clients ask for the probes without pause. Nothing
 * new arrives, but each run redoes the last 32 days' loop cells, so every
 * run changes the recent months and their tables are built again.
 */

import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { startServer } from "../../src/app/server.ts";
import { loadConfig } from "../../src/platform/config.ts";
import type { Database } from "../../src/platform/db/database.ts";
import { failures, fixed, latencySummary, record, say, TARGETS } from "./indicator-report.ts";
import type { Probe } from "./indicator-requests.ts";
import { percentile } from "./stats.ts";

async function generation(db: Database): Promise<number> {
  const r = await sql<{ generation: string }>`select generation from indicator_state`.execute(db);
  return Number(r.rows[0]?.generation ?? 0);
}

async function until(check: () => Promise<boolean>, limitMs: number) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limitMs) throw new Error("the server's upkeep did not run in time");
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function measureDuringUpkeep(p: {
  databaseUrl: string;
  clock: () => Date;
  probes: Probe[];
  /** At least this long, and at least `runs` upkeep runs. */
  seconds: number;
  runs: number;
  inFlight: number;
}) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "tovholder-bench-live-"));
  const config = loadConfig({
    NODE_ENV: "production",
    DATABASE_URL: p.databaseUrl,
    PORT: "0",
    HOST: "127.0.0.1",
    TOVHOLDER_DATA_DIR: dataDir,
    TOVHOLDER_CPR_KEY: randomBytes(32).toString("hex"),
    LOG_LEVEL: "warn",
    INDICATOR_REFRESH_SECONDS: "1",
    HANDOVER_SWEEP_SECONDS: "0",
    WEBHOOK_DELIVERY_SECONDS: "0",
  });
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    server = await startServer(config, { clock: p.clock });
    const db = server.database.db;
    const address = server.app.server.address();
    if (address === null || typeof address === "string") throw new Error("no TCP address");
    const base = `http://127.0.0.1:${address.port}`;
    // The first run's warm-up ends before the second run ends: from then on, tables are published.
    const started = await generation(db);
    say("live: waiting for the server's first upkeep run and warm-up");
    await until(async () => (await generation(db)) >= started + 2, 30 * 60_000);
    const from = await generation(db);
    const latencies = new Map<string, number[]>(p.probes.map((q) => [q.name, []]));
    const began = Date.now();
    let next = 0;
    const done = async () =>
      Date.now() - began >= p.seconds * 1000 && (await generation(db)) >= from + p.runs;
    let finished = false;
    await Promise.all(
      Array.from({ length: p.inFlight }, async () => {
        while (!finished) {
          const probe = p.probes[next++ % p.probes.length];
          if (!probe) break;
          const t = performance.now();
          const response = await fetch(`${base}${probe.path}`);
          const body: unknown = await response.json();
          latencies.get(probe.name)?.push(performance.now() - t);
          const wrong = response.status === 200 ? probe.check(body) : `HTTP ${response.status}`;
          if (wrong) throw new Error(`${probe.path}: ${wrong}`);
          if (await done()) finished = true;
        }
      }),
    );
    const runs = (await generation(db)) - from;
    const spent = (Date.now() - began) / 1000;
    for (const probe of p.probes) {
      const l = latencies.get(probe.name) ?? [];
      record({
        what: `${probe.name}, while the server's upkeep recomputed and re-warmed the figures ${runs} times (every second, run then warm-up) over ${fixed(spent)} s: ${l.length} requests, ${p.inFlight} clients in flight over both probes`,
        value: latencySummary(l),
        target: `p95 < ${TARGETS.requestP95Ms} ms`,
        met: percentile(l, 95) < TARGETS.requestP95Ms,
      });
    }
    return { runs, seconds: spent, latencies };
  } catch (err) {
    failures.push(err instanceof Error ? err.message : String(err));
    return null;
  } finally {
    await server?.background.stop();
    await server?.app.close();
    await server?.database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
