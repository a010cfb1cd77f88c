import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIndicators, type Indicators } from "../../src/indicators/assemble.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import { hospitalIdNamed, insertCitizen, insertStay } from "../support/indicator-fixture.ts";
import { structureDatabase } from "../support/server.ts";

/**
 * A run of the upkeep that fails part-way (a statement refused, the database
 * gone) loses no change: the months it had taken from the dirty marks and not
 * rebuilt are marked again, or held until the database takes them, and the
 * next run brings the figures up to date by itself.
 */

const NOW = new Date("2026-06-15T12:00:00+02:00");
let database: DatabaseHandle;
let indicators: Indicators;
let slagelse: string;

async function admitOne(day: string) {
  const c = await insertCitizen(database.db, { born: "1950-01-01", municipality: "370" });
  await insertStay(database.db, c, {
    from: `2026-03-${day}T08:00:00+01:00`,
    to: `2026-03-${day}T22:00:00+01:00`,
    hospital: slagelse,
  });
}

async function marchAdmissions(): Promise<number> {
  const r = await sql<{ n: string | null }>`
    select sum(numerator) as n from indicator_cell
    where indicator = 'admissions' and attribution = 'residence' and month = '2026-03'
      and key = '370'`.execute(database.db);
  return Number(r.rows[0]?.n ?? 0);
}

async function dirtyMonths(source: "admission" | "loop"): Promise<string[]> {
  const r = await sql<{ month: string }>`
    select month from indicator_dirty_month where source = ${source} order by 1`.execute(
    database.db,
  );
  return r.rows.map((x) => x.month);
}

/** A trigger that refuses to write what `condition` picks out of `table`, until dropped. */
async function refuse(table: string, condition: string) {
  await sql
    .raw(`
    create or replace function test_refuse_${table}() returns trigger language plpgsql as $$
    begin
      if ${condition} then raise exception 'refused by the test'; end if;
      return new;
    end $$;
    create trigger test_refuse before insert on ${table}
      for each row execute function test_refuse_${table}();`)
    .execute(database.db);
}

async function allow(table: string) {
  await sql.raw(`drop trigger test_refuse on ${table}`).execute(database.db);
}

beforeAll(async () => {
  database = await structureDatabase();
  slagelse = await hospitalIdNamed(database.db, "Slagelse");
  for (const day of ["02", "03", "04", "05", "06"]) await admitOne(day);
  indicators = createIndicators({ db: database.db, clock: () => NOW });
  await indicators.maintenance.rebuildAll();
}, 120_000);

afterAll(async () => {
  await database.close();
});

describe("a failed upkeep run", () => {
  it("marks the months it took again, and the next run counts them", async () => {
    expect(await marchAdmissions()).toBe(5);
    await admitOne("10");
    await refuse("indicator_cell", "new.indicator = 'admissions' and new.month = '2026-03'");
    await expect(indicators.maintenance.run()).rejects.toThrow(/refused by the test/);
    await allow("indicator_cell");
    // The failed step's transaction left March's old cells, and its mark stands again.
    expect(await marchAdmissions()).toBe(5);
    expect(await dirtyMonths("admission")).toContain("2026-03");
    await indicators.maintenance.run();
    expect(await marchAdmissions()).toBe(6);
    expect(await dirtyMonths("admission")).toEqual([]);
  });

  it("holds the months while the marks cannot be written, and marks them on the next run", async () => {
    await admitOne("11");
    await refuse("indicator_cell", "new.indicator = 'admissions' and new.month = '2026-03'");
    // The first failure has the citizen's admission done and March marked again.
    await expect(indicators.maintenance.run()).rejects.toThrow(/refused by the test/);
    expect(await dirtyMonths("admission")).toContain("2026-03");
    // Now the database refuses the marks too, as one that is away would.
    await refuse("indicator_dirty_month", "true");
    await expect(indicators.maintenance.run()).rejects.toThrow(/refused by the test/);
    expect(await dirtyMonths("admission")).toEqual([]);
    await allow("indicator_dirty_month");
    await allow("indicator_cell");
    await indicators.maintenance.run();
    expect(await marchAdmissions()).toBe(7);
    expect(await dirtyMonths("admission")).toEqual([]);
  });

  it("leaves a full rebuild whose admissions fail to be done whole by the next try", async () => {
    await refuse("indicator_admission", "true");
    await expect(indicators.maintenance.rebuildAll()).rejects.toThrow(/refused by the test/);
    await allow("indicator_admission");
    await indicators.maintenance.rebuildAll();
    expect(await marchAdmissions()).toBe(7);
    expect(await dirtyMonths("admission")).toEqual([]);
  });

  it("marks again the loop months a new admission touched when their step fails", async () => {
    await admitOne("13");
    // The loop step of February and March (a March admission may make a February discharge readmitted) fails.
    await refuse("indicator_month_state", "new.month = '2026-02'");
    await expect(indicators.maintenance.run()).rejects.toThrow(/refused by the test/);
    await allow("indicator_month_state");
    expect(await dirtyMonths("loop")).toEqual(expect.arrayContaining(["2026-02", "2026-03"]));
    await indicators.maintenance.run();
    expect(await marchAdmissions()).toBe(8);
  });
});
