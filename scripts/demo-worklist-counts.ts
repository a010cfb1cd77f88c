/**
 * How the living demo's year looks on the worklists (issue 21 §1): generates
 * the demo's history (seed 42, Klyngen Næstved/Slagelse) at a scale, loads it
 * on PGlite through the real doors, sweeps it once at the cut with the
 * default rules, and counts per organisation what is pending, overdue,
 * declined and unresolved. Run: npx tsx scripts/demo-worklist-counts.ts [scale]
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { projectRoot } from "../src/app/server.ts";
import { createCipher } from "../src/citizens/crypto.ts";
import { createSweeper } from "../src/handovers/sweeper.ts";
import { generate, parseScope } from "../src/synth/generate.ts";
import { loadSynthetic } from "../src/synth/load.ts";
import { loadDepsFor } from "../src/synth/load-deps.ts";
import { structureDatabase } from "../test/support/server.ts";

const scale = Number(process.argv[2] ?? "0.25");
const CUT = Date.UTC(2026, 11, 4, 9, 0);
const YEAR = Math.round(365.25 * 86_400_000);
const dir = await mkdtemp(path.join(tmpdir(), "tovholder-demo-counts-"));
const cipher = createCipher(randomBytes(32));
await generate({
  seed: 42,
  scope: parseScope("body:naestved-slagelse"),
  years: 1,
  start: CUT - YEAR,
  scale,
  outDir: dir,
  dataDir: path.join(projectRoot, "data"),
  workers: 0,
  cutAt: CUT,
});
const database = await structureDatabase();
const clock = () => new Date(CUT);
await loadSynthetic(dir, loadDepsFor(database.db, cipher, { notify: false, clock }), {
  batch: 250,
  concurrency: 1,
});
await createSweeper(database.db, { clock }).sweep();
const now = new Date(CUT);
const all = await sql<{ n: string; status: string }>`
  select status, count(*) as n from handover group by status order by status`.execute(database.db);
console.log(JSON.stringify({ scale, cut: now.toISOString(), byStatus: all.rows }));
const per = await sql<Record<string, string>>`
  select o.name as organisation,
    count(*) filter (where h.status in ('open', 'declined')) as pending,
    count(*) filter (where h.status = 'open' and h.deadline_at < ${now}
      and (h.unresolved_at is null or h.unresolved_at > ${now})) as overdue,
    count(*) filter (where h.status = 'declined') as declined,
    count(*) filter (where h.status = 'open' and h.unresolved_at <= ${now}) as unresolved,
    count(*) as handovers
  from handover h join organisation o on o.id = h.receiver_organisation_id
  group by o.name
  union all
  select 'hospital ' || hp.name,
    count(*) filter (where h.status in ('open', 'declined')),
    count(*) filter (where h.status = 'open' and h.deadline_at < ${now}
      and (h.unresolved_at is null or h.unresolved_at > ${now})),
    count(*) filter (where h.status = 'declined'),
    count(*) filter (where h.status = 'open' and h.unresolved_at <= ${now}),
    count(*)
  from handover h join hospital hp on hp.id = h.discharging_hospital_id
  group by hp.name
  order by 6 desc`.execute(database.db);
for (const r of per.rows.slice(0, 30)) console.log(JSON.stringify(r));
await database.close();
await rm(dir, { recursive: true, force: true });
