import { expect } from "vitest";
import { admissionRows, factRules } from "../../src/indicators/admission-facts.ts";
import * as store from "../../src/indicators/admission-store.ts";
import { type IndicatorParameters, loadParameters } from "../../src/indicators/parameters.ts";
import type { Database } from "../../src/platform/db/database.ts";

/**
 * The two paths to `indicator_admission` held to the same rows: the full
 * refresh's one statement (admission-rebuild.ts), which is what the table
 * holds after `rebuildAll()`, and the upkeep's per-citizen rules
 * (admission-facts.ts), run here for every citizen with a stay.
 */

type Comparable = Record<string, unknown>;

function comparable(row: Record<string, unknown>): Comparable {
  const out: Comparable = {};
  for (const [k, v] of Object.entries(row))
    out[k] = v instanceof Date ? v.toISOString() : k === "charge" ? Number(v) : v;
  return out;
}

const order = (a: Comparable, b: Comparable) =>
  String(a.citizenId).localeCompare(String(b.citizenId)) || Number(a.seq) - Number(b.seq);

async function perCitizenRows(db: Database, parameters: IndicatorParameters, now: Date) {
  const rules = factRules(parameters);
  const ids = (await db.selectFrom("hospitalStay").select("citizenId").distinct().execute()).map(
    (r) => r.citizenId,
  );
  const rows: Comparable[] = [];
  for (let i = 0; i < ids.length; i += 2000) {
    const batch = ids.slice(i, i + 2000);
    const [facts, stays, residence] = await Promise.all([
      store.citizensFacts(db, batch),
      store.staysOfCitizens(db, batch),
      store.residenceOfCitizens(db, batch),
    ]);
    for (const c of facts)
      for (const row of admissionRows(
        c,
        stays.filter((s) => s.citizenId === c.id),
        residence.filter((r) => r.citizenId === c.id),
        rules,
        now,
      ))
        rows.push(comparable(row));
  }
  return rows.sort(order);
}

/** Asserts that the table (filled by a full refresh) holds exactly the per-citizen rules' rows; returns how many. */
export async function expectBothPathsAgree(
  db: Database,
  now: Date,
  parameters = loadParameters(),
): Promise<number> {
  const stored = (await db.selectFrom("indicatorAdmission").selectAll().execute())
    .map((r) => comparable(r))
    .sort(order);
  const expected = await perCitizenRows(db, parameters, now);
  expect(stored.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(stored[i]).toEqual(expected[i]);
  return expected.length;
}
