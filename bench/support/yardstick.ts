/**
 * Yardsticks: the same fixed work timed in every run, so that results from
 * runs on a shared machine can be compared. When the yardstick took 1.5 times
 * as long, so does everything else in that run, and its absolute times say
 * more about the neighbours than about the code.
 */

import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Database } from "../../src/platform/db/database.ts";
import { percentile } from "./stats.ts";

/** A fixed Node.js task, shaped like a server's work (JSON both ways, hashing): median of 5, ms. */
export function nodeYardstick(): number {
  const rows = Array.from({ length: 50 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    status: i % 3 === 0 ? "declined" : "open",
    deadlineAt: new Date(Date.UTC(2026, 0, 1, i)).toISOString(),
    note: "Hjemmesygepleje dagligt; ny medicin; kontrol hos egen læge om to uger.",
    escalationStep: i % 4,
  }));
  const block = Buffer.alloc(1 << 20, 7);
  return median(5, () => {
    for (let i = 0; i < 400; i++) JSON.parse(JSON.stringify({ items: rows, total: i }));
    for (let i = 0; i < 8; i++) createHash("sha256").update(block).digest();
  });
}

/** A fixed PostgreSQL query (an aggregate over a million generated rows): median of 5, ms. */
export async function postgresYardstick(db: Database): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await sql`select sum(g * 2 % 7) from generate_series(1, 1000000) g`.execute(db);
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

function median(times: number, work: () => void): number {
  const taken: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    work();
    taken.push(performance.now() - started);
  }
  return percentile(taken, 50);
}
