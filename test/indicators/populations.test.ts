import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildPopulations } from "../../src/indicators/population-store.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import { insertCitizen } from "../support/indicator-fixture.ts";
import { structureDatabase } from "../support/server.ts";

/**
 * Residents on each month's first day at every edge the counting in month
 * numbers must get right: birthdays on the 1st and the 2nd, 29 February,
 * births, deaths either side of midnight, and moves on the 1st and the 2nd.
 * Expected counts are worked out by hand in the comments.
 */

let database: DatabaseHandle;

async function move(citizenId: string, to: string, on: string) {
  await database.db.transaction().execute(async (tx) => {
    await sql`select set_config('tovholder.today', ${on}, true)`.execute(tx);
    await tx
      .updateTable("citizen")
      .set({ homeMunicipalityCode: to })
      .where("id", "=", citizenId)
      .execute();
  });
}

beforeAll(async () => {
  database = await structureDatabase();
  const citizen = (born: string, diedAt?: string) =>
    insertCitizen(database.db, { born, municipality: "370", ...(diedAt ? { diedAt } : {}) });
  await citizen("2008-02-01"); // A: 18 on 1 February 2026
  await citizen("2008-02-02"); // B: 18 on 2 February
  await citizen("2008-02-29"); // C: 18 on 1 March (no 29 February in 2026)
  await citizen("2026-02-01"); // D: born on the 1st: resident that day
  await citizen("2026-02-15"); // E: resident from 1 March
  await citizen("1950-06-01", "2026-02-01T10:00:00+01:00"); // F (75): alive on 1 February
  await citizen("1950-06-01", "2026-01-31T23:30:00+01:00"); // G (75): dead before 1 February
  const h = await citizen("1990-06-01"); // H: moves to København on 1 March
  const i = await citizen("1990-06-01"); // I: moves on 2 March
  await move(h, "101", "2026-03-01");
  await move(i, "101", "2026-03-02");
  await database.db
    .transaction()
    .execute((tx) => rebuildPopulations(tx, ["2026-01", "2026-02", "2026-03", "2026-04"]));
}, 120_000);

afterAll(async () => {
  await database.close();
});

describe("residents on each month's first day", () => {
  it("counts births, birthdays, deaths and moves on the right side of each month's first day", async () => {
    const rows = await database.db
      .selectFrom("indicatorPopulation")
      .select(["month", "key", "ageBand", "persons"])
      .where("attribution", "=", "residence")
      .execute();
    const counts = Object.fromEntries(
      rows.map((r) => [`${r.month} ${r.key} ${r.ageBand}`, Number(r.persons)]),
    );
    expect(counts).toEqual({
      // 1 January: A, B, C are 17; F, G are 75; H, I are 35.
      "2026-01 370 0-17": 3,
      "2026-01 370 18-64": 2,
      "2026-01 370 65-79": 2,
      // 1 February: A has turned 18; D is born; F is alive, G is not.
      "2026-02 370 0-17": 3,
      "2026-02 370 18-64": 3,
      "2026-02 370 65-79": 1,
      // 1 March: B and C have turned 18; E is born; H lives in København, I not yet.
      "2026-03 370 0-17": 2,
      "2026-03 370 18-64": 4,
      "2026-03 101 18-64": 1,
      // 1 April: I has moved too.
      "2026-04 370 0-17": 2,
      "2026-04 370 18-64": 3,
      "2026-04 101 18-64": 2,
    });
  });
});
