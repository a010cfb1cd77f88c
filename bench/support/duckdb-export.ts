/**
 * The analyst's export: the indicators' inputs out of PostgreSQL as CSV
 * (`COPY … TO STDOUT`), then into Parquet files with DuckDB, the form an
 * analyst would keep them in. Also the product's own cells, for the check
 * (not part of the timed export).
 */

import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import pg from "pg";
import { copyToCsv } from "./pg-copy.ts";

/** Each input: the SELECT that exports it and the CSV columns' types for DuckDB. */
export const INPUTS = {
  stays: {
    select: `
      select s.id, s.citizen_id, s.hospital_id, s.admitted_at, s.ended_at, s.status, s.died_at,
        f.admission_kind, f.primary_diagnosis, f.medically_ready_at,
        exists (select 1 from stay_notification n
                where n.stay_id = s.id and n.kind = 'admit-acute-ambulant') as began_acute_ambulant
      from hospital_stay s left join stay_clinical_fact f on f.stay_id = s.id`,
    columns: {
      id: "VARCHAR",
      citizen_id: "VARCHAR",
      hospital_id: "VARCHAR",
      admitted_at: "TIMESTAMPTZ",
      ended_at: "TIMESTAMPTZ",
      status: "VARCHAR",
      died_at: "TIMESTAMPTZ",
      admission_kind: "VARCHAR",
      primary_diagnosis: "VARCHAR",
      medically_ready_at: "TIMESTAMPTZ",
      began_acute_ambulant: "BOOLEAN",
    },
  },
  citizens: {
    select: "select id, birth_date, sex, deceased_at from citizen",
    columns: { id: "VARCHAR", birth_date: "DATE", sex: "VARCHAR", deceased_at: "TIMESTAMPTZ" },
  },
  residence: {
    select:
      "select citizen_id, municipality_code, practice_id, valid_from, valid_to from citizen_residence",
    columns: {
      citizen_id: "VARCHAR",
      municipality_code: "VARCHAR",
      practice_id: "VARCHAR",
      valid_from: "DATE",
      valid_to: "DATE",
    },
  },
  handovers: {
    select: `
      select id, stay_id, citizen_id, sector, status, discharged_at, deadline_at,
        discharging_hospital_id
      from handover where discharged_at is not null`,
    columns: {
      id: "VARCHAR",
      stay_id: "VARCHAR",
      citizen_id: "VARCHAR",
      sector: "VARCHAR",
      status: "VARCHAR",
      discharged_at: "TIMESTAMPTZ",
      deadline_at: "TIMESTAMPTZ",
      discharging_hospital_id: "VARCHAR",
    },
  },
  decisions: {
    select: `
      select id, handover_id, kind, at, reason from handover_transition
      where kind in ('confirmed', 'declined', 'undone', 'unresolved')`,
    columns: {
      id: "BIGINT",
      handover_id: "VARCHAR",
      kind: "VARCHAR",
      at: "TIMESTAMPTZ",
      reason: "VARCHAR",
    },
  },
  practices: {
    select: "select id, provider_number, municipality_code from general_practice",
    columns: { id: "VARCHAR", provider_number: "VARCHAR", municipality_code: "VARCHAR" },
  },
} as const;

/** The product's figures, read back for the check. */
export const PRODUCT = {
  product_cells: {
    select: `
      select indicator, attribution, month, key, age_band, sex, sector, grp, numerator,
        denominator, amount
      from indicator_cell`,
    columns: {
      indicator: "VARCHAR",
      attribution: "VARCHAR",
      month: "VARCHAR",
      key: "VARCHAR",
      age_band: "VARCHAR",
      sex: "VARCHAR",
      sector: "VARCHAR",
      grp: "VARCHAR",
      numerator: "BIGINT",
      denominator: "BIGINT",
      amount: "DECIMAL(16,2)",
    },
  },
  product_population: {
    select: "select month, attribution, key, age_band, sex, persons from indicator_population",
    columns: {
      month: "VARCHAR",
      attribution: "VARCHAR",
      key: "VARCHAR",
      age_band: "VARCHAR",
      sex: "VARCHAR",
      persons: "BIGINT",
    },
  },
} as const;

type Spec = { select: string; columns: Record<string, string> };

function columnsLiteral(columns: Record<string, string>): string {
  return `{${Object.entries(columns)
    .map(([name, type]) => `'${name}': '${type}'`)
    .join(", ")}}`;
}

/**
 * Exports each table to `<dir>/<name>.csv` and converts it to
 * `<dir>/<name>.parquet`. PostgreSQL writes NULL as nothing and an empty
 * string as "", so quoted empties stay empty strings (the product's cells
 * use '' for "no group").
 */
export async function exportTables(
  databaseUrl: string,
  duck: DuckDBConnection,
  dir: string,
  specs: Record<string, Spec>,
) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const result = { csvBytes: 0, copySeconds: 0, parquetSeconds: 0 };
  try {
    // Timestamps as UTC text: DuckDB reads them back as the same instants.
    await client.query("set timezone = 'UTC'");
    for (const [name, spec] of Object.entries(specs)) {
      const csv = path.join(dir, `${name}.csv`);
      let started = performance.now();
      result.csvBytes += await copyToCsv(client, spec.select, csv);
      result.copySeconds += (performance.now() - started) / 1000;
      started = performance.now();
      await duck.run(`
        copy (select * from read_csv('${csv}', header = true, auto_detect = false,
                allow_quoted_nulls = false,
                columns = ${columnsLiteral(spec.columns)}))
        to '${path.join(dir, `${name}.parquet`)}' (format parquet)`);
      result.parquetSeconds += (performance.now() - started) / 1000;
    }
  } finally {
    await client.end();
  }
  return result;
}
