import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { CellRow, PopulationRow } from "./cube.ts";
import type { Attribution } from "./definitions.ts";
import type { Buckets } from "./durations.ts";

/** The SQL that reads the monthly cells back for a request. */

export async function cellsOf(
  db: Database,
  q: { cells: string; attribution: Attribution; months: string[]; sector: string | null },
): Promise<CellRow[]> {
  if (q.months.length === 0) return [];
  let query = db
    .selectFrom("indicatorCell")
    .select([
      "month",
      "key",
      "ageBand",
      "sex",
      "grp",
      "numerator",
      "denominator",
      "amount",
      "durations",
    ])
    .where("indicator", "=", q.cells)
    .where("attribution", "=", q.attribution)
    .where("month", "in", q.months);
  if (q.sector !== null) query = query.where("sector", "=", q.sector);
  const rows = await query.execute();
  return rows.map((r) => ({
    month: r.month,
    key: r.key,
    ageBand: r.ageBand,
    sex: r.sex,
    grp: r.grp,
    numerator: Number(r.numerator),
    denominator: r.denominator === null ? null : Number(r.denominator),
    amount: r.amount === null ? null : Number(r.amount),
    durations: (r.durations as Buckets | null) ?? null,
  }));
}

export async function populationOf(
  db: Database,
  attribution: "residence" | "practice",
  month: string,
): Promise<PopulationRow[]> {
  const rows = await db
    .selectFrom("indicatorPopulation")
    .select(["key", "ageBand", "sex", "persons"])
    .where("attribution", "=", attribution)
    .where("month", "=", month)
    .execute();
  return rows.map((r) => ({ ...r, persons: Number(r.persons) }));
}

/** The country's index admissions and readmissions per "band|sex" in a calendar year: the standard population. */
export async function readmissionStandard(db: Database, year: string) {
  const rows = await sql<{ ageBand: string; sex: string; events: string; persons: string }>`
    select age_band, sex, sum(numerator) as events, sum(denominator) as persons
    from indicator_cell
    where indicator = 'acute-readmission-30d' and attribution = 'residence'
      and month >= ${`${year}-01`} and month <= ${`${year}-12`}
    group by 1, 2`.execute(db);
  return new Map(
    rows.rows.map((r) => [
      `${r.ageBand}|${r.sex}`,
      { events: Number(r.events), persons: Number(r.persons) },
    ]),
  );
}

export async function indicatorState(db: Database) {
  return db
    .selectFrom("indicatorState")
    .select(["computedAt", "generation", "firstMonth"])
    .executeTakeFirst();
}

/** Each month's version: it goes up whenever the month's cells are rebuilt. */
export async function monthVersions(db: Database): Promise<Map<string, string>> {
  const rows = await db.selectFrom("indicatorMonthState").select(["month", "version"]).execute();
  return new Map(rows.map((r) => [r.month, String(r.version)]));
}
