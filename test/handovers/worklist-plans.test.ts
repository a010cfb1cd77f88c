import { type CompiledQuery, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaysFilter } from "../../src/handovers/in-hospital-store.ts";
import { type WorklistFilter, worklistPageStatement } from "../../src/handovers/worklist-store.ts";
import type { Database, DatabaseHandle } from "../../src/platform/db/database.ts";
import { freshDatabase } from "../support/database.ts";

/**
 * The server prepares each statement once per connection (statement-cache.ts),
 * and PostgreSQL then prefers the statement's generic plan, made without the
 * parameters' values. The worklist indexes are partial (live handovers, stays
 * in hospital), so a generic plan can use them only if the statement's text
 * proves their predicates. Here every other way to read the tables is made
 * prohibitively expensive, so the plan shows whether the partial indexes were
 * usable at all; with the statuses as parameters they were not, and PostgreSQL
 * planned the worklist anew on every request.
 */

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const now = new Date("2026-11-23T10:00:00Z");
const page = { limit: 50, offset: 0 };
const live = ["open", "declined"] as const;

const lists: { who: string; filter: WorklistFilter; stays: StaysFilter; indexes: RegExp[] }[] = [
  {
    who: "a municipality",
    filter: {
      municipalityCode: "0329",
      reader: "receiver",
      statuses: [...live],
      overdueOnly: false,
      now,
    },
    stays: { municipalityCode: "0329" },
    indexes: [/handover_live_municipality/, /hospital_stay_open_in_municipality/],
  },
  {
    who: "a practice",
    filter: {
      practiceId: "5b0d7c8e-3f4a-4a2b-9c1d-2e3f4a5b6c7d",
      reader: "receiver",
      statuses: [...live],
      overdueOnly: false,
      now,
    },
    stays: { practiceId: "5b0d7c8e-3f4a-4a2b-9c1d-2e3f4a5b6c7d" },
    indexes: [/handover_live_practice/, /hospital_stay_open_in_practice/],
  },
  {
    // No index leads with the hospital: its list walks the live handovers by deadline.
    who: "a hospital",
    filter: {
      dischargingHospitalId: "h-1",
      reader: "hospital",
      statuses: [...live],
      overdueOnly: false,
      now,
    },
    stays: {},
    indexes: [/handover_live_deadline/],
  },
  {
    who: "a body secretariat",
    filter: {
      bodyId: "naestved-slagelse",
      reader: "body",
      statuses: [...live],
      overdueOnly: false,
      overdueOrDeclined: true,
      now,
    },
    stays: {},
    indexes: [/handover_live_body/],
  },
];

/** The plan PostgreSQL makes for `query` without knowing its parameters' values. */
async function genericPlan(db: Database, query: CompiledQuery): Promise<string> {
  return db.connection().execute(async (conn) => {
    await sql`set enable_seqscan = off`.execute(conn);
    await sql`set enable_bitmapscan = off`.execute(conn);
    await sql`set plan_cache_mode = force_generic_plan`.execute(conn);
    try {
      await sql`prepare worklist_page as ${sql.raw(query.sql)}`.execute(conn);
      // EXECUTE's arguments are not the outer statement's parameters: they go as literals.
      const args = sql.join(
        query.parameters.map((p) => sql.lit(p instanceof Date ? p.toISOString() : p)),
      );
      const { rows } = await sql<{
        "QUERY PLAN": string;
      }>`explain execute worklist_page(${args})`.execute(conn);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    } finally {
      await sql`deallocate all`.execute(conn);
      await sql`reset all`.execute(conn);
    }
  });
}

describe("the worklist statement's generic plan", () => {
  for (const list of lists) {
    it(`reads ${list.who}'s list through the partial worklist indexes`, async () => {
      const query = worklistPageStatement(handle.db, list.filter, list.stays, page).compile();
      const plan = await genericPlan(handle.db, query);
      for (const index of list.indexes) expect(plan).toMatch(index);
      expect(plan).not.toMatch(/Seq Scan on handover/);
    });
  }

  it("names the statuses in its text, and only the values that vary are parameters", () => {
    const [municipal] = lists;
    if (!municipal) throw new Error("no list");
    const query = worklistPageStatement(
      handle.db,
      municipal.filter,
      municipal.stays,
      page,
    ).compile();
    expect(query.sql).toContain(`"h"."status" in ('open', 'declined')`);
    expect(query.sql).toContain(`"s"."status" in ('admitted', 'on-leave')`);
    expect(query.parameters).not.toContain("open");
    expect(query.parameters).not.toContain("admitted");
  });
});
