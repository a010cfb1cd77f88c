/**
 * Handover benchmark (issue 6's speed targets): with a body-scale year
 * loaded on PostgreSQL, a worklist request (`GET /api/handovers`) has p99
 * under 50 ms with 50 concurrent users; the sweeper escalates 10,000 overdue
 * handovers in under 5 seconds. "50 concurrent users" is measured as 50
 * signed-in users each asking for their worklist about once a second (far
 * more often than a live worklist refetches); 50 clients with no pause at
 * all are measured too, as the capacity figure. Run with
 * `npm run bench:handovers` (`-- --quick` for a CI-sized smoke run,
 * `-- --explain` for the worklist queries' plans, `-- --keep` to keep the
 * scratch database). Prints a Markdown report for bench/RESULTS.md; exits 0
 * whether targets are met or not, and non-zero only when something broke (a
 * response other than 200, an escalation missing or made twice). The parts
 * live in bench/handovers/.
 */
import { randomBytes } from "node:crypto";
import { prepareDatabase } from "../src/app/server.ts";
import { openDatabase } from "../src/platform/db/database.ts";
import { scratchDatabaseUrl } from "../test/support/database.ts";
import { catchUp, loadYear, settle } from "./handovers/load.ts";
import {
  describeMachine,
  failures,
  ms,
  notes,
  option,
  postgresUrl,
  report,
  rows,
} from "./handovers/report.ts";
import { sweeperRun } from "./handovers/sweep.ts";
import { worklists } from "./handovers/worklists.ts";
import { postgresUnreachable } from "./support/engines.ts";
import { nodeYardstick, postgresYardstick } from "./support/yardstick.ts";

export async function main() {
  const why = await postgresUnreachable(postgresUrl);
  if (why !== null) {
    console.log(`## Handover benchmark: skipped, PostgreSQL not reachable (${why})`);
    return;
  }
  const scratch = await scratchDatabaseUrl(postgresUrl);
  // The server's default pool (DATABASE_POOL_SIZE), as one production process would have it.
  const database = await openDatabase({ engine: "postgres", url: scratch.url, poolSize: 10 });
  const masterKey = randomBytes(32);
  let machine: string[] = [];
  try {
    machine = await describeMachine(database.db);
    const before = { node: await nodeYardstick(), postgres: await postgresYardstick(database.db) };
    await prepareDatabase(database);
    const cutAt = Math.floor(Date.now() / 60_000) * 60_000;
    await loadYear(database.db, masterKey, cutAt);
    // One instant for both sweeps, so that nothing falls due between them while the
    // worklists are measured and the count of due handovers is exactly what was made.
    const now = new Date();
    await catchUp(database.db, now);
    await settle(database.db);
    await worklists(database, scratch.url, masterKey);
    await sweeperRun(database.db, now);
    const after = { node: await nodeYardstick(), postgres: await postgresYardstick(database.db) };
    rows.push({
      what: "yardstick: the same fixed work in every run (bench/support/yardstick.ts), before the set-up and after the sweep; compare runs by it, not by absolute times",
      value: `Node.js task ${ms(before.node)} and ${ms(after.node)}; PostgreSQL query ${ms(before.postgres)} and ${ms(after.postgres)}`,
    });
  } finally {
    await database.close();
    if (option("keep")) notes.push(`Kept the scratch database: ${scratch.url}`);
    else await scratch.drop();
  }
  report(machine);
  if (failures.length > 0) {
    console.error(failures.join("\n"));
    process.exitCode = 1;
  }
}

await main();
