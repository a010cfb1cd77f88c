import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/app/server.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import { parseScope, scopeMunicipalities } from "../../src/synth/generate.ts";
import { loadGeography } from "../../src/synth/geography.ts";
import { createLiveDemo } from "../../src/synth/live.ts";
import { startLivingDemo } from "../../src/synth/living-demo.ts";
import { loadDepsFor } from "../../src/synth/load-deps.ts";
import { structureDatabase } from "../support/server.ts";

/**
 * Issue 5, point 5: the demo loads a year of history once, then keeps new
 * hospital notifications coming in accelerated time, and picks up where it
 * was after a restart.
 */

const structureDir = path.join(projectRoot, "data");
const cipher = createCipher(randomBytes(32));
let dataDir: string;
let database: DatabaseHandle;
const logLines: string[] = [];
const logger = pino({ level: "info" }, { write: (line: string) => logLines.push(line) });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "tovholder-demo-"));
  database = await structureDatabase();
});
afterAll(async () => {
  await database?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const demoOptions = () => ({
  database,
  cipher,
  dataDir,
  structureDir,
  scale: 0.01,
  speed: 3600,
  logger,
  workers: 0,
});
const count = (msg: string) => logLines.filter((l) => l.includes(`"msg":"${msg}`)).length;

describe("the living demo", () => {
  it("loads a year of history in the background, once", async () => {
    const first = startLivingDemo(demoOptions());
    await first.ready;
    await first.stop();
    expect(count("demo: history loaded")).toBe(1);
    const citizens = await database.db
      .selectFrom("citizen")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(citizens.n)).toBeGreaterThan(2_000);

    const second = startLivingDemo(demoOptions());
    await second.ready;
    await second.stop();
    expect(count("demo: generating")).toBe(1);
    expect(count("demo: simulating new hospital notifications")).toBe(2);
  }, 180_000);

  it("sends new notifications as simulated time passes, and resumes after a restart without repeating", async () => {
    const dir = path.join(dataDir, "demo-synth");
    const marker = JSON.parse(await readFile(path.join(dir, "loaded.json"), "utf8")) as {
      cutAt: number;
    };
    const geography = await loadGeography(structureDir);
    const deps = loadDepsFor(database.db, cipher);
    let clock = Date.now();
    const live = () =>
      createLiveDemo({
        seed: 42,
        scale: 0.01,
        cutAt: marker.cutAt,
        speed: 3600,
        dir,
        municipalities: scopeMunicipalities(geography, parseScope("body:naestved-slagelse")),
        geography,
        ingest: deps.ingest,
        pathways: deps.pathways,
        now: () => clock,
      });
    const before = await database.db.selectFrom("inboundMessage").select("id").execute();
    const a = await live();
    // Two real minutes at 3600× are five simulated days: admissions and discharges.
    clock += 120_000;
    const sent = await a.tick();
    expect(sent).toBeGreaterThan(0);
    const after = await database.db.selectFrom("inboundMessage").select(["status"]).execute();
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.every((m) => m.status === "applied")).toBe(true);

    const b = await live();
    const resumed = await b.tick();
    const again = await database.db.selectFrom("inboundMessage").select("id").execute();
    // Everything up to where `a` stopped is a duplicate; only what lies beyond is new.
    expect(again.length - after.length).toBeLessThanOrEqual(resumed);
    expect(again.length - after.length).toBeLessThan(sent);
  }, 120_000);
});
