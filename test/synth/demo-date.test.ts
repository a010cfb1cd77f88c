import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type ServerParts, startServer } from "../../src/app/server.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { danishToday } from "../../src/structure/service.ts";
import { scratchDatabaseUrl } from "../support/database.ts";

/**
 * Issue 19, point 5: with TOVHOLDER_DEMO_DATE=2026-12-31T23:50 the whole demo
 * runs on a clock that starts ten minutes before midnight: the living demo's
 * discharges before midnight hand over under Klyngen Næstved/Slagelse, those
 * after it under Sundhedsråd Midt- og Vestsjælland. Here the server's clock is
 * one the test moves on; without the variable the demo runs at today's date.
 */

const CLUSTER = "naestved-slagelse";
const COUNCIL = "sundhedsraad-midt-og-vestsjaelland";
/** The demo's municipalities: Ringsted, Slagelse, Sorø, Næstved. */
const DEMO_MUNICIPALITIES = ["329", "330", "340", "370"];
const MIDNIGHT = Date.parse("2026-12-31T23:00:00Z");

/** A clock that runs at the real pace from `start` and that the test can move on. */
function movableClock(start: number) {
  const origin = performance.now();
  let moved = 0;
  return {
    clock: () => new Date(start + Math.round(performance.now() - origin) + moved),
    moveTo(instant: number) {
      moved += instant - (start + Math.round(performance.now() - origin) + moved);
    },
  };
}

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** The environment of a demo server on a fresh data directory (and database, on PostgreSQL). */
async function demoEnvironment(extra: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "tovholder-demo-date-"));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "test",
    TOVHOLDER_DEMO: "true",
    TOVHOLDER_DATA_DIR: dataDir,
    TOVHOLDER_DEMO_SCALE: "0.01",
    TOVHOLDER_DEMO_SPEED: "3600",
    PORT: "0",
    LOG_LEVEL: "silent",
    WEBHOOK_DELIVERY_SECONDS: "0",
    ...extra,
  };
  if (process.env.TEST_DATABASE_URL) {
    const scratch = await scratchDatabaseUrl(process.env.TEST_DATABASE_URL);
    cleanups.push(() => scratch.drop());
    env.DATABASE_URL = scratch.url;
  }
  return env;
}

async function started(parts: ServerParts) {
  cleanups.push(async () => {
    await parts.background.stop();
    await parts.app.close();
    await parts.database.close();
  });
  return parts;
}

/** The living demo's municipal handovers, with the Danish date of their discharge. */
async function liveHandovers(parts: ServerParts, after: number) {
  const rows = await parts.database.db
    .selectFrom("handover")
    .select(["bodyId", "dischargedAt", "receiverMunicipalityCode"])
    .where("sector", "=", "municipality")
    .where("dischargedAt", ">", new Date(after))
    .where("receiverMunicipalityCode", "in", DEMO_MUNICIPALITIES)
    .execute();
  return rows.map((r) => ({ bodyId: r.bodyId, at: new Date(r.dischargedAt).getTime() }));
}

/** Where the living demo's history ends, once it is loaded. */
function historyOf(dataDir: string) {
  return until("the demo's history", () =>
    readFile(path.join(dataDir, "demo-synth", "loaded.json"), "utf8")
      .then((text) => JSON.parse(text) as { cutAt: number })
      .catch(() => null),
  );
}

async function until<T>(what: string, probe: () => Promise<T | null>, seconds = 200): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const found = await probe();
    if (found !== null) return found;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe("the demo with TOVHOLDER_DEMO_DATE", () => {
  it("hands a discharge before midnight over under the cluster, and one after it under the council", async () => {
    const config = loadConfig(
      await demoEnvironment({
        TOVHOLDER_DEMO_DATE: "2026-12-31T23:50",
        HANDOVER_SWEEP_SECONDS: "1",
      }),
    );
    expect(config.demoDate?.toISOString()).toBe("2026-12-31T22:50:00.000Z");
    const start = config.demoDate?.getTime() ?? 0;
    const time = movableClock(start);
    const parts = await started(await startServer(config, { clock: time.clock }));

    // The app's today is the demo's: the structure API answers the cluster.
    const today = await parts.app.inject({ url: "/api/municipalities/370" });
    expect(today.json()).toMatchObject({ date: "2026-12-31", body: { id: CLUSTER } });

    // The history ends where the demo's clock started; the simulation goes on from there.
    const marker = await historyOf(config.dataDir);
    expect(marker.cutAt).toBeLessThanOrEqual(start);
    expect(marker.cutAt).toBeGreaterThan(start - 60_000);

    // Six demo minutes before midnight: a day and more of simulated discharges.
    time.moveTo(MIDNIGHT - 4 * 60_000);
    const before = await until("a discharge before midnight", async () => {
      const found = await liveHandovers(parts, marker.cutAt);
      return found.length > 0 ? found : null;
    });
    expect(before.every((h) => h.at < MIDNIGHT && h.bodyId === CLUSTER)).toBe(true);

    // Half past midnight: what was discharged from 00:00 is the council's.
    time.moveTo(MIDNIGHT + 30 * 60_000);
    const after = await until("a discharge after midnight", async () => {
      const found = (await liveHandovers(parts, marker.cutAt)).filter((h) => h.at >= MIDNIGHT);
      return found.length > 0 ? found : null;
    });
    expect(after.every((h) => h.bodyId === COUNCIL)).toBe(true);
    const all = await liveHandovers(parts, marker.cutAt);
    expect(all.filter((h) => h.at < MIDNIGHT).every((h) => h.bodyId === CLUSTER)).toBe(true);
    const now = await parts.app.inject({ url: "/api/municipalities/370" });
    expect(now.json()).toMatchObject({ date: "2027-01-01", body: { id: COUNCIL } });
  }, 300_000);

  it("without it, runs at today's date as now, as before", async () => {
    const config = loadConfig(await demoEnvironment({ HANDOVER_SWEEP_SECONDS: "0" }));
    expect(config.demoDate).toBeUndefined();
    const startedAt = Date.now();
    const parts = await started(await startServer(config));
    const today = await parts.app.inject({ url: "/api/municipalities/370" });
    const dates = [danishToday(new Date(startedAt)), danishToday(new Date())];
    expect(dates).toContain(today.json().date);
    // The demo citizens' stays lie around the real now (Karen was admitted three days ago).
    const admitted = await parts.database.db
      .selectFrom("hospitalStay")
      .select((eb) => eb.fn.max("admittedAt").as("latest"))
      .executeTakeFirstOrThrow();
    expect(Math.abs(new Date(admitted.latest ?? 0).getTime() - startedAt)).toBeLessThan(
      4 * 86_400_000,
    );
    // And the history runs up to the real now.
    const marker = await historyOf(config.dataDir);
    expect(marker.cutAt).toBeGreaterThan(startedAt - 60_000);
    expect(marker.cutAt).toBeLessThanOrEqual(Date.now());
    await expect(readFile(path.join(config.dataDir, "demo-clock.json"))).rejects.toThrow();
  }, 120_000);
});
