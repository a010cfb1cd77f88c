/** Set-up: a year of the demo body loaded through `synth load`, and the catch-up sweep. */

import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { projectRoot } from "../../src/app/server.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createSweeper } from "../../src/handovers/sweeper.ts";
import type { Database } from "../../src/platform/db/database.ts";
import { generate, parseScope } from "../../src/synth/generate.ts";
import { DEMO_SCOPE, DEMO_SEED } from "../../src/synth/living-demo.ts";
import { loadSynthetic } from "../../src/synth/load.ts";
import { loadDepsFor } from "../../src/synth/load-deps.ts";
import { fixed, rows, size, timed, YEAR_MS } from "./report.ts";

// ---------------------------------------------------------------------------
// The body's year, as the living demo makes it (a year up to now, cut now,
// so that recent discharges are still within their deadlines and some citizens
// are in hospital), loaded through `synth load`'s path: real handovers on each
// discharge, the history's confirmations imported, the rest left open.

export async function loadYear(db: Database, masterKey: Buffer, cutAt: number) {
  const out = await mkdtemp(path.join(tmpdir(), "tovholder-bench-handovers-"));
  try {
    const generated = await timed(() =>
      generate({
        seed: DEMO_SEED,
        scope: parseScope(DEMO_SCOPE),
        years: 1,
        start: cutAt - YEAR_MS,
        cutAt,
        scale: size.scale,
        outDir: out,
        dataDir: path.join(projectRoot, "data"),
        workers: Math.min(4, availableParallelism()),
      }),
    );
    const loaded = await timed(() =>
      loadSynthetic(out, loadDepsFor(db, createCipher(masterKey), { notify: false }), {
        batch: 250,
        concurrency: 4,
      }),
    );
    // Vacuumed and with fresh statistics, as autovacuum leaves a database after a load this
    // size. On a server with autovacuum off (as the CI's is) every handover confirmed during
    // the load would otherwise leave a dead row in the open-handover indexes, and each
    // worklist query would wade through ~60,000 of them: a cost production does not have.
    await sql`vacuum analyze`.execute(db);
    const s = generated.value.stats;
    const byStatus = await db
      .selectFrom("handover")
      .select(["status", (eb) => eb.fn.countAll<string>().as("n")])
      .groupBy("status")
      .execute();
    const handovers = byStatus.map((r) => `${r.status} ${fixed(Number(r.n))}`).join(", ");
    rows.push({
      what: `set-up: a year of Klyngen Næstved/Slagelse up to now, scale ${size.scale}: ${fixed(s.citizens)} citizens, ${fixed(s.messages)} messages`,
      value: `generated in ${fixed(generated.seconds, 1)} s, loaded in ${fixed(loaded.seconds, 1)} s; handovers: ${handovers}`,
    });
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The history's overdue handovers, escalated as a server sweeping all year would have. */
export async function catchUp(db: Database, now: Date) {
  const due = await countDue(db, now);
  const swept = await timed(() => createSweeper(db, { clock: () => now }).sweep());
  rows.push({
    what: `set-up: catch-up sweep of the history (${fixed(due)} open handovers due)`,
    value: `${fixed(swept.value)} escalations in ${fixed(swept.seconds, 1)} s`,
  });
}

export async function countDue(db: Database, now: Date) {
  const row = await db
    .selectFrom("handover")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("status", "=", "open")
    .where("nextEscalationAt", "<=", now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Writes the load's dirty pages out before anything is timed. Otherwise the
 * checkpoints the bulk load sets off run during the worklist measurement: in
 * two runs of 2026-11-23 they wrote 43 to 58 MB each while the paced users
 * were measured, with single fsyncs of 0.29 and 0.36 s, and every worklist
 * request commits (its audit rows) and so waits for the log to reach disk.
 * A server in steady use checkpoints what a few minutes changed, not a year.
 */
export async function settle(db: Database) {
  const done = await timed(() => sql`checkpoint`.execute(db));
  rows.push({
    what: "set-up: a checkpoint after the load, so that its writes are not timed with the worklists",
    value: `${fixed(done.seconds, 1)} s`,
  });
}
