import { danishDate, periodOf } from "../../src/indicators/periods.ts";
/**
 * DuckDB, the analyst's tool: the inputs exported, the population indicators
 * computed three times in a new in-memory DuckDB each time (the median is
 * the figure), the result checked against the product's cells, and the
 * ratios the issue asks for.
 */

import { mkdir } from "node:fs/promises";
import { DuckDBInstance } from "@duckdb/node-api";
import type { IndicatorParameters } from "../../src/indicators/parameters.ts";
import { compareWithProduct } from "./duckdb-compare.ts";
import { exportTables, INPUTS, PRODUCT } from "./duckdb-export.ts";
import { computeInDuckdb, type DuckRun, stepName } from "./duckdb-indicators.ts";
import { failures, fixed, ms, notes, record, say, seconds, TARGETS } from "./indicator-report.ts";
import { percentile } from "./stats.ts";

const RUNS = 3;

export async function duckdbPart(p: {
  databaseUrl: string;
  dir: string;
  parameters: IndicatorParameters;
  now: Date;
  refreshSeconds: number;
  dashboard: { cold: number[]; warm: number[]; live: number[] } | null;
}) {
  await mkdir(p.dir, { recursive: true });
  say("DuckDB: export");
  // Held until the end: a DuckDB instance that is garbage-collected takes its connections with it.
  const conversions = await DuckDBInstance.create(":memory:", { threads: "2" });
  const converter = await conversions.connect();
  const exported = await exportTables(p.databaseUrl, converter, p.dir, INPUTS);
  record({
    what: "DuckDB: export of the inputs (stays with their clinical facts, citizens, residence, practices): PostgreSQL `COPY … TO STDOUT` to CSV, then DuckDB to Parquet",
    value: `${seconds(exported.copySeconds + exported.parquetSeconds)}: COPY ${seconds(exported.copySeconds)} (${fixed(exported.csvBytes / 2 ** 20)} MB of CSV), to Parquet ${seconds(exported.parquetSeconds)}`,
  });
  const runs: DuckRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    say(`DuckDB: computation, run ${i + 1}`);
    const run = await computeInDuckdb(p.dir, p.parameters, p.now);
    runs.push(run);
    if (i < RUNS - 1) run.instance.closeSync();
  }
  const duck = percentile(
    runs.map((r) => r.seconds),
    50,
  );
  const last = runs[RUNS - 1] as DuckRun;
  record({
    what: `DuckDB: the full computation, Parquet to cells (every admission, the 4 h join, 12 h rule, readmissions, preventable 65+, medically-ready days, population per month, and the loop from the handovers and their decisions; residence, practice and hospital attribution), ${RUNS} runs in a new in-memory database each`,
    value: `median ${seconds(duck)} (runs ${runs.map((r) => seconds(r.seconds)).join(", ")}); last run by step: ${last.steps
      .filter((s) => s.seconds >= 0.05)
      .map((s) => `${stepName(s.sql)} ${seconds(s.seconds)}`)
      .join(", ")}`,
  });
  say("DuckDB: the check");
  const check = await exportTables(p.databaseUrl, converter, p.dir, PRODUCT);
  notes.push(
    `The product's cells were read back for the check in ${seconds(check.copySeconds + check.parquetSeconds)} (not part of the export above).`,
  );
  converter.closeSync();
  conversions.closeSync();
  const connection = await last.instance.connect();
  const compared = await compareWithProduct(connection, p.dir, monthOf(p.now));
  connection.closeSync();
  last.instance.closeSync();
  recordComparison(compared);
  ratios(p.refreshSeconds, duck, p.dashboard);
}

/** The Danish month of an instant, as the product labels months. */
function monthOf(at: Date): string {
  return periodOf("month", danishDate(at));
}

function recordComparison(c: Awaited<ReturnType<typeof compareWithProduct>>) {
  if (c.laterCells > 0)
    notes.push(
      `DuckDB's ${fixed(c.laterCells)} cells of months after the clock's (stays the data says end later) were left out of the check: the product computes months up to its clock's.`,
    );
  const differing = c.fine.reduce((s, f) => s + f.differ, 0);
  record({
    what: "check: DuckDB's cells against the product's `indicator_cell` / `indicator_population`, at the product's grain (attribution, month, unit, age band, sex, group)",
    value: c.fine
      .map((f) => `${f.indicator} ${fixed(f.differ)} of ${fixed(f.cells)} differ`)
      .join("; "),
    target: "0 differ",
    met: differing === 0,
  });
  record({
    what: "check: per municipality and month (residence), summed over age bands and sexes; totals product / DuckDB",
    value: c.perMunicipalityMonth
      .map(
        (m) =>
          `${m.indicator}: ${fixed(m.differ)} of ${fixed(m.cells)} differ, numerator ${fixed(m.productNumerator)} / ${fixed(m.duckNumerator)}${m.productDenominator || m.duckDenominator ? `, denominator ${fixed(m.productDenominator)} / ${fixed(m.duckDenominator)}` : ""}`,
      )
      .join("; "),
    target: "0 differ",
    met: c.perMunicipalityMonth.every((m) => m.differ === 0),
  });
  if (c.examples.length > 0)
    notes.push(
      "First differing cells (product numerator/denominator/amount, DuckDB the same):",
      "",
      ...c.examples.map((e) => `- ${e}`),
    );
  if (c.fine.length === 0) failures.push("the check compared nothing");
}

function ratios(
  refreshSeconds: number,
  duck: number,
  dashboard: { cold: number[]; warm: number[]; live: number[] } | null,
) {
  if (dashboard && dashboard.live.length > 0) {
    const live = percentile(dashboard.live, 95) / 1000;
    record({
      what: "ratio: dashboard request as a leader meets it (p95 while the server's upkeep runs) / DuckDB's full computation",
      value: `${fixed(live / duck, 3)} (${ms(live * 1000)} / ${seconds(duck)})`,
      target: "< 1",
      met: live / duck < 1,
    });
  }
  if (dashboard && dashboard.cold.length > 0 && dashboard.warm.length > 0) {
    const cold = percentile(dashboard.cold, 95) / 1000;
    const warm = percentile(dashboard.warm, 50) / 1000;
    record({
      what: "ratio: dashboard computed from nothing (cold p95: what the upkeep's warm-up costs) / DuckDB's full computation",
      value: `${fixed(cold / duck, 3)} (${ms(cold * 1000)} / ${seconds(duck)})`,
    });
    record({
      what: "ratio: dashboard request, warm (p50) / DuckDB's full computation",
      value: `${fixed(warm / duck, 4)} (${ms(warm * 1000)} / ${seconds(duck)})`,
      target: "< 1",
      met: warm / duck < 1,
    });
  }
  record({
    what: "ratio: the product's full refresh / DuckDB's full computation",
    value: `${fixed(refreshSeconds / duck, 1)} (${seconds(refreshSeconds)} / ${seconds(duck)})`,
    target: `≤ ${TARGETS.refreshOverDuckdb}`,
    met: refreshSeconds / duck <= TARGETS.refreshOverDuckdb,
  });
}
