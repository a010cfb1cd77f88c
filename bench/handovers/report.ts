/** Options, sizes, targets, and the Markdown report the benchmark prints. */

import { readFileSync } from "node:fs";
import { availableParallelism, loadavg, totalmem } from "node:os";
import { sql } from "kysely";
import type { Database } from "../../src/platform/db/database.ts";

/** A command-line flag, or the same as an environment variable: `--quick` or BENCH_QUICK=1. */
export const option = (name: string) =>
  process.argv.includes(`--${name}`) ||
  ["1", "true", "yes"].includes(process.env[`BENCH_${name.toUpperCase()}`] ?? "");
export const quick = option("quick");
export const postgresUrl =
  process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const TARGETS = {
  worklistP99Ms: 50,
  worklistUsers: 50,
  sweepSeconds: 5,
  sweepHandovers: 10_000,
};
/** BENCH_USERS: the quick run's size with the target's 50 users (issue 21's grouped view). */
const users = process.env.BENCH_USERS ? Number(process.env.BENCH_USERS) : undefined;
export const size = quick
  ? {
      scale: 0.1,
      users: users ?? 10,
      warmUp: 3,
      requests: 30,
      maxSeconds: 30,
      solo: 10,
      paced: 10,
      pacedWindows: 1,
    }
  : {
      scale: 1,
      users: users ?? 50,
      warmUp: 3,
      requests: 100,
      maxSeconds: 120,
      solo: 15,
      paced: 60,
      pacedWindows: 3,
    };
/** The worklist page's page size: what the web page asks for (and the API's default). */
export const PAGE_SIZE = 50;
export const sweepSize = quick ? 1_000 : TARGETS.sweepHandovers;
export const YEAR_MS = Math.round(365.25 * 86_400_000);

// ---------------------------------------------------------------------------

export type Row = { what: string; value: string; target?: string; met?: boolean };
export const rows: Row[] = [];
export const notes: string[] = [];
export const fixed = (n: number, digits = 0) =>
  n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const ms = (n: number) => `${fixed(n, 1)} ms`;

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

export const failures: string[] = [];
export const perKindLines: string[] = [];
export const timingLines: string[] = [];
export const planLines: string[] = [];
export async function describeMachine(db: Database) {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? "unknown";
  const version = await db
    .selectNoFrom((eb) => eb.fn<string>("version", []).as("v"))
    .executeTakeFirstOrThrow();
  const autovacuum = await sql<{ autovacuum: string }>`show autovacuum`.execute(db);
  return [
    `- CPU: ${availableParallelism()} × ${model} (nproc ${availableParallelism()})`,
    `- Memory: ${fixed(totalmem() / 2 ** 30, 1)} GiB; load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`,
    `- Node.js ${process.version} on ${process.platform}`,
    `- PostgreSQL: ${version.v.split(" on ")[0] ?? version.v} (autovacuum ${autovacuum.rows[0]?.autovacuum}), on the same machine`,
  ];
}

export function report(machine: string[]) {
  const verdict = (met: boolean | undefined) =>
    met === undefined ? "" : `${quick ? "(quick) " : ""}${met ? "PASS" : "**MISS**"}`;
  console.log(
    [
      `## Handover benchmark, ${new Date().toISOString().slice(0, 10)} (\`npm run bench:handovers${quick ? " -- --quick" : ""}\`)${quick ? ": quick mode, smaller than the targets' sizes" : ""}`,
      "",
      ...machine,
      "",
      "| measured | result | target | PASS/MISS |",
      "|---|---|---|---|",
      ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.target ?? ""} | ${verdict(r.met)} |`),
      "",
      "Worklists by who asks (the concurrent run, and one user of the largest such organisation alone):",
      "",
      ...perKindLines,
      "",
      "Where one request's time goes (the largest organisation of each kind, one request at a time):",
      "",
      ...timingLines,
      ...(planLines.length > 0 ? ["", "Plans:", "", ...planLines] : []),
      ...(notes.length > 0 ? ["", ...notes] : []),
    ].join("\n"),
  );
}
