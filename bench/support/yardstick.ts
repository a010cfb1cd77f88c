/**
 * Yardsticks: the same fixed work timed in every run, so that results from
 * runs on a shared machine can be compared. When the yardstick took 1.5 times
 * as long, so does everything else in that run, and its absolute times say
 * more about the neighbours than about the code.
 */

import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Database } from "../../src/platform/db/database.ts";
import { medianMs } from "./stats.ts";

/** A fixed Node.js task, shaped like a server's work (JSON both ways, hashing): median of 5, ms. */
export function nodeYardstick(): Promise<number> {
  const rows = Array.from({ length: 50 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    status: i % 3 === 0 ? "declined" : "open",
    deadlineAt: new Date(Date.UTC(2026, 0, 1, i)).toISOString(),
    note: "Hjemmesygepleje dagligt; ny medicin; kontrol hos egen læge om to uger.",
    escalationStep: i % 4,
  }));
  const block = Buffer.alloc(1 << 20, 7);
  return medianMs(() => {
    for (let i = 0; i < 400; i++) JSON.parse(JSON.stringify({ items: rows, total: i }));
    for (let i = 0; i < 8; i++) createHash("sha256").update(block).digest();
  }, 5);
}

/** A fixed PostgreSQL query (an aggregate over a million generated rows): median of 5, ms. */
export function postgresYardstick(db: Database): Promise<number> {
  return medianMs(
    () => sql`select sum(g * 2 % 7) from generate_series(1, 1000000) g`.execute(db),
    5,
  );
}
