/** Options, sizes, targets and the Markdown report of the indicators benchmark. */

import { readFileSync } from "node:fs";
import { availableParallelism, loadavg, totalmem } from "node:os";
import duckdb from "@duckdb/node-api";
import { sql } from "kysely";
import type { Database } from "../../src/platform/db/database.ts";
import { percentile } from "./stats.ts";

/** A flag (`--quick`) or the same as an environment variable (BENCH_QUICK=1). */
export const option = (name: string) =>
  process.argv.includes(`--${name}`) ||
  ["1", "true", "yes"].includes(process.env[`BENCH_${name.toUpperCase()}`] ?? "");

/** A valued option: `--scale 0.5` or BENCH_SCALE=0.5. */
export function optionValue(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  if (at >= 0 && process.argv[at + 1] !== undefined) return process.argv[at + 1];
  return process.env[`BENCH_${name.toUpperCase()}`];
}

/** Progress on stderr, so that stdout stays the report. */
export const say = (message: string) =>
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

export const TARGETS = { requestP95Ms: 300, refreshSeconds: 300, refreshOverDuckdb: 3 };

export type Row = { what: string; value: string; target?: string; met?: boolean };
export const rows: Row[] = [];

/** A row of the report, also said at once: a run cut short still leaves what it measured. */
export function record(row: Row) {
  rows.push(row);
  say(`${row.what}: ${row.value}${row.met === undefined ? "" : row.met ? " (PASS)" : " (MISS)"}`);
}
export const notes: string[] = [];
export const failures: string[] = [];

export const fixed = (n: number, digits = 0) =>
  n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const ms = (n: number) => `${fixed(n, n < 10 ? 1 : 0)} ms`;
export const seconds = (s: number) => `${fixed(s, s < 10 ? 2 : 1)} s`;

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

export function latencySummary(latencies: readonly number[]): string {
  return `p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))}`;
}

export async function describeMachine(db: Database): Promise<string[]> {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? "unknown";
  const version = await db
    .selectNoFrom((eb) => eb.fn<string>("version", []).as("v"))
    .executeTakeFirstOrThrow();
  const setting = async (name: string) =>
    (await sql<{ v: string }>`select current_setting(${name}) as v`.execute(db)).rows[0]?.v;
  return [
    `- CPU: ${availableParallelism()} × ${model}`,
    `- Memory: ${fixed(totalmem() / 2 ** 30, 1)} GiB; load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`,
    `- Node.js ${process.version} on ${process.platform}`,
    `- PostgreSQL: ${version.v.split(" on ")[0] ?? version.v}, on the same machine (shared_buffers ${await setting("shared_buffers")}, work_mem ${await setting("work_mem")}, max_parallel_workers_per_gather ${await setting("max_parallel_workers_per_gather")}, autovacuum ${await setting("autovacuum")})`,
    `- DuckDB ${duckdb.version()} (@duckdb/node-api), in memory, 2 threads`,
  ];
}

export function report(title: string, machine: string[], sections: string[][]) {
  const verdict = (met: boolean | undefined) =>
    met === undefined ? "" : met ? "PASS" : "**MISS**";
  console.log(
    [
      title,
      "",
      ...machine,
      "",
      "| measured | result | target | PASS/MISS |",
      "|---|---|---|---|",
      ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.target ?? ""} | ${verdict(r.met)} |`),
      ...sections.flatMap((s) => (s.length > 0 ? ["", ...s] : [])),
      ...(notes.length > 0 ? ["", ...notes] : []),
    ].join("\n"),
  );
}
