/**
 * Set-up of the indicators benchmark: a national synthetic year generated (or
 * an existing generated directory reused) and loaded into the scratch
 * database through `synth load`'s path, then vacuumed, analysed and
 * checkpointed as a server in steady use would have it (this server runs
 * with autovacuum off, so nothing else would gather the statistics).
 */

import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { projectRoot } from "../../src/app/server.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import type { Database } from "../../src/platform/db/database.ts";
import { generate, parseScope } from "../../src/synth/generate.ts";
import { loadSynthetic } from "../../src/synth/load.ts";
import { loadDepsFor } from "../../src/synth/load-deps.ts";
import { fixed, record, say, seconds, timed } from "./indicator-report.ts";

export const YEAR_START = Date.UTC(2025, 0, 1);
export const SEED = 42;

/** The generated directory: made here unless it already holds a finished run (summary.json). */
export async function generatedYear(dir: string, scale: number) {
  if (existsSync(path.join(dir, "summary.json"))) {
    record({
      what: "set-up: the national year's files",
      value: `reused from an earlier run of the same generator (seed ${SEED}, scale ${scale}, 2025): ${dir}`,
    });
    return;
  }
  const made = await timed(() =>
    generate({
      seed: SEED,
      scope: parseScope("national"),
      years: 1,
      start: YEAR_START,
      scale,
      outDir: dir,
      dataDir: path.join(projectRoot, "data"),
      workers: Math.min(4, availableParallelism()),
    }),
  );
  const s = made.value.stats;
  record({
    what: `set-up: a national year generated (seed ${SEED}, scale ${scale}, from 1 January 2025)`,
    value: `${fixed(s.citizens)} citizens, ${fixed(s.admissions)} admissions, ${fixed(s.messages)} messages in ${seconds(made.seconds)}`,
  });
}

export async function loadYear(db: Database, dir: string, masterKey: Buffer, clock: () => Date) {
  const stageStart = new Map<string, number>();
  const loaded = await timed(() =>
    loadSynthetic(dir, loadDepsFor(db, createCipher(masterKey), { notify: false, clock }), {
      batch: 250,
      concurrency: 4,
      onStage: (stage) => {
        stageStart.set(stage, performance.now());
        say(`load: ${stage}`);
      },
    }),
  );
  const between = (a: string, b: string) =>
    ((stageStart.get(b) ?? 0) - (stageStart.get(a) ?? 0)) / 1000;
  const r = loaded.value;
  const accepted = r.messages.accepted ?? 0;
  const messageSeconds = between("messages", "stays");
  record({
    what: "set-up: loaded through `synth load`'s path (register, citizens, ingest with 4 batches of 250 in flight, stay facts, confirmations)",
    value: `${seconds(loaded.seconds)}: ${fixed(r.citizens)} citizens in ${seconds(between("citizens", "messages"))}, ${fixed(accepted)} messages accepted at ${fixed(accepted / messageSeconds)}/s, ${fixed(r.stayFacts.matched)} stay facts, ${fixed(r.confirmedHandovers)} confirmations; outcomes ${JSON.stringify(r.messages)}`,
  });
  return r;
}

/** Statistics and a clean disk before anything is timed. */
export async function settle(db: Database) {
  const done = await timed(async () => {
    await sql`vacuum analyze`.execute(db);
    await sql`checkpoint`.execute(db);
  });
  record({
    what: "set-up: vacuum analyze and a checkpoint after the load",
    value: seconds(done.seconds),
  });
}

export async function sizes(db: Database) {
  const r = await sql<{ what: string; n: string }>`
    select 'citizens' as what, count(*) as n from citizen
    union all select 'hospital stays', count(*) from hospital_stay
    union all select 'stay clinical facts', count(*) from stay_clinical_fact
    union all select 'handovers', count(*) from handover
    union all select 'database size (MB)', pg_database_size(current_database()) / 1048576`.execute(
    db,
  );
  return r.rows.map((x) => `${x.what} ${fixed(Number(x.n))}`).join(", ");
}
