/**
 * Indicators benchmark (issue 20, "Fresh and fast"), with a national
 * synthetic year loaded on PostgreSQL:
 * - a full refresh (`maintenance.rebuildAll()`) in under 5 minutes;
 * - the public national map (admissions, all municipalities, one quarter) and
 *   a body's dashboard (every indicator, the last 12 months) with p95 under
 *   300 ms against a real server: cold (the first request after a run, when
 *   nothing warmed the tables), warm, and while the server's own upkeep
 *   recomputes and re-warms the figures every second, as leaders meet it;
 * - every indicator (population and loop) computed in DuckDB from an export of the
 *   same inputs, checked cell by cell against the product's, and the ratios:
 *   dashboard / DuckDB below 1, refresh / DuckDB at most 3.
 *
 * Run with `npm run bench:indicators` (about an hour on 2 vCPUs at scale 1;
 * `-- --quick` for scale 0.02, `-- --scale 0.25` for another size,
 * `-- --data <dir>` to reuse a generated year, `-- --database <url>` to reuse
 * a database loaded by an earlier run (`-- --keep` keeps it)). Prints a
 * Markdown report for bench/RESULTS.md; exits 0 whether targets are met or
 * not, and non-zero only when something broke.
 */

import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { prepareDatabase } from "../src/app/server.ts";
import { createIndicators } from "../src/indicators/assemble.ts";
import { openDatabase } from "../src/platform/db/database.ts";
import { DEMO_BODY } from "../src/synth/living-demo.ts";
import { postgresUnreachable } from "./support/engines.ts";
import { benchDatabase } from "./support/indicator-database.ts";
import { duckdbPart } from "./support/indicator-duckdb-part.ts";
import { measureDuringUpkeep } from "./support/indicator-live.ts";
import { generatedYear, loadYear, settle, sizes } from "./support/indicator-load.ts";
import {
  afterRefresh,
  firstUpkeep,
  fullRefresh,
  recordRefresh,
} from "./support/indicator-refresh.ts";
import {
  describeMachine,
  failures,
  ms,
  notes,
  option,
  optionValue,
  record,
  report,
} from "./support/indicator-report.ts";
import { type Probe, serveAndMeasure } from "./support/indicator-requests.ts";
import { nodeYardstick, postgresYardstick } from "./support/yardstick.ts";

const quick = option("quick");
const scale = Number(optionValue("scale") ?? (quick ? 0.02 : 1));
const reuseDatabase = optionValue("database");
const postgresUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
/** After the year (2025) and its last discharges: every stay has ended, 2026-01 is the last month. */
const NOW = new Date("2026-01-31T12:00:00+01:00");
const clock = () => NOW;
const MAP_QUARTER = "2025-10-01";

const probes: Probe[] = [
  {
    name: "national map: admissions, all municipalities, 2025-Q4",
    path: `/api/indicators/admissions/values?unit=municipality&period=quarter&from=${MAP_QUARTER}&to=${MAP_QUARTER}`,
    check: (body) => {
      const rows = (body as { rows?: { unit: string }[] }).rows ?? [];
      return rows.length === 98 && rows.every((r) => r.unit === "municipality")
        ? null
        : `expected 98 municipality rows, got ${rows.length}`;
    },
  },
  {
    name: `dashboard of ${DEMO_BODY}: every indicator, the last 12 months (as its leader opens it)`,
    path: `/api/indicators/dashboard?body=${DEMO_BODY}`,
    check: (body) => {
      const b = body as { months?: string[]; series?: { body: unknown[] }[] };
      const filled = (b.series ?? []).filter((s) => s.body.length === 12).length;
      return b.months?.length === 12 && filled > 0
        ? null
        : `expected 12 months with the body's series, got ${b.months?.length} months, ${filled} full series`;
    },
  },
];

async function main() {
  const why = await postgresUnreachable(postgresUrl);
  if (why !== null) {
    console.log(`## Indicators benchmark: skipped, PostgreSQL not reachable (${why})`);
    return;
  }
  const scratch = reuseDatabase
    ? { url: reuseDatabase, drop: async () => {} }
    : await benchDatabase(postgresUrl);
  const database = await openDatabase({ engine: "postgres", url: scratch.url, poolSize: 10 });
  const work = await mkdtemp(path.join(tmpdir(), "tovholder-bench-indicators-"));
  let machine: string[] = [];
  try {
    machine = await describeMachine(database.db);
    const before = { node: await nodeYardstick(), postgres: await postgresYardstick(database.db) };
    if (reuseDatabase) {
      record({
        what: "set-up",
        value: "a database loaded by an earlier run, reused (--database)",
      });
    } else {
      await prepareDatabase(database);
      const dataDir = optionValue("data") ?? path.join(work, "year");
      await mkdir(dataDir, { recursive: true });
      await generatedYear(dataDir, scale);
      await loadYear(database.db, dataDir, randomBytes(32), clock);
      await settle(database.db);
    }
    record({ what: "the loaded year", value: await sizes(database.db) });

    const indicators = createIndicators({ db: database.db, clock });
    await firstUpkeep(indicators);
    await sql`checkpoint`.execute(database.db);
    const refresh = await fullRefresh(indicators);
    recordRefresh(refresh);
    await afterRefresh(database.db);
    await sql`checkpoint`.execute(database.db);

    // The upkeep between cold samples runs on a clock that moves on a second at each
    // reading, as a server's does: its computed_at must change for the cache to empty.
    let tick = 0;
    const upkeep = createIndicators({
      db: database.db,
      clock: () => new Date(NOW.getTime() + ++tick * 1000),
    });
    const requests = await serveAndMeasure({
      databaseUrl: scratch.url,
      clock,
      upkeep,
      probes,
      sizes: quick
        ? { coldRounds: 3, warm: 30, concurrent: 40, inFlight: 4 }
        : { coldRounds: 3, warm: 100, concurrent: 200, inFlight: 4 },
    });
    const live = await measureDuringUpkeep({
      databaseUrl: scratch.url,
      clock,
      probes,
      seconds: quick ? 20 : 60,
      runs: 3,
      inFlight: 4,
    });
    const dashboard = requests[probes[1]?.name ?? ""];
    await duckdbPart({
      databaseUrl: scratch.url,
      dir: path.join(work, "export"),
      parameters: indicators.parameters,
      now: NOW,
      refreshSeconds: refresh.seconds,
      dashboard: dashboard
        ? { ...dashboard, live: live?.latencies.get(probes[1]?.name ?? "") ?? [] }
        : null,
    });
    const after = { node: await nodeYardstick(), postgres: await postgresYardstick(database.db) };
    record({
      what: "yardstick: the same fixed work in every run (bench/support/yardstick.ts), before the set-up and at the end",
      value: `Node.js task ${ms(before.node)} and ${ms(after.node)}; PostgreSQL query ${ms(before.postgres)} and ${ms(after.postgres)}`,
    });
  } finally {
    await database.close();
    if (option("keep") || reuseDatabase) notes.push(`Kept the database: ${scratch.url}`);
    else await scratch.drop();
    await rm(work, { recursive: true, force: true });
  }
  report(
    `## Indicators benchmark, ${new Date().toISOString().slice(0, 10)} (\`npm run bench:indicators${quick ? " -- --quick" : ""}\`): national year, scale ${scale}`,
    machine,
    [],
  );
  if (failures.length > 0) {
    console.error(failures.join("\n"));
    process.exitCode = 1;
  }
}

await main();
