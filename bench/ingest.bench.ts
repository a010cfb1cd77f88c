/**
 * Ingest benchmark (issue 4): sustained HospitalNotification ingest on PGlite
 * and PostgreSQL through the batch path, and the latency of one message over
 * HTTP. Run with `npm run bench` (add `-- --quick` for a short run). Prints a
 * Markdown report for bench/RESULTS.md. Targets print PASS or MISS; the exit
 * code is 0 either way, and non-zero only when something broke (a message that
 * was not accepted, a server error).
 */
import { cpus, totalmem } from "node:os";
import { type Engine, type Prepared, postgresUnreachable, prepare } from "./support/engines.ts";
import { httpRun, httpSummary } from "./support/http.ts";
import { stayMessages } from "./support/messages.ts";
import { sustained } from "./support/sustained.ts";

/** A command-line flag, or the same as an environment variable: `--quick` or BENCH_QUICK=1. */
const option = (name: string) =>
  process.argv.includes(`--${name}`) ||
  ["1", "true", "yes"].includes(process.env[`BENCH_${name.toUpperCase().replace("-", "_")}`] ?? "");
const quick = option("quick");
const postgresUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const size = {
  pgliteStays: quick ? 1_000 : 10_000,
  postgresStays: quick ? 2_000 : 20_000,
  httpWarmUp: quick ? 20 : 100,
  httpMessages: quick ? 200 : 1_000,
};
const TARGETS = { pglitePerSecond: 300, postgresPerSecond: 1_000, httpP99Ms: 25 };

type Row = { what: string; value: string; target?: string; met?: boolean };
const rows: Row[] = [];
const fixed = (n: number, digits = 0) => n.toFixed(digits);
let offset = 0;

/** Fresh stays for each run, so no run re-sends another's citizens or message ids. */
function nextStays(n: number): string[] {
  const messages = stayMessages(n, offset);
  offset += n;
  return messages;
}

async function withDatabase<T>(engine: Engine, run: (p: Prepared) => Promise<T>): Promise<T> {
  const prepared = await prepare(engine, postgresUrl);
  try {
    return await run(prepared);
  } finally {
    await prepared.close();
  }
}

async function sustainedRow(engine: Engine, stays: number, workers: number, target: number) {
  const result = await withDatabase(engine, (p) =>
    sustained(p, nextStays(stays), { batch: 250, workers }),
  );
  const perSecond = result.n / result.seconds;
  rows.push({
    what: `${engine}: sustained ingest, batches of 250, ${workers} worker(s), ${result.n} messages`,
    value: `${fixed(perSecond)} msg/s`,
    target: `≥ ${target} msg/s`,
    met: perSecond >= target,
  });
  return perSecond;
}

async function httpRows(engine: Engine) {
  return withDatabase(engine, async (p) => {
    const messages = nextStays(Math.ceil((size.httpWarmUp + size.httpMessages * 3) / 2));
    const one = httpSummary(
      await httpRun(p, messages.slice(0, size.httpWarmUp + size.httpMessages), {
        warmUp: size.httpWarmUp,
        inFlight: 1,
      }),
    );
    rows.push({
      what: `${engine}: one message per HTTP request, one at a time (${size.httpMessages})`,
      value: `p50 ${fixed(one.p50, 1)} ms, p95 ${fixed(one.p95, 1)} ms, p99 ${fixed(one.p99, 1)} ms`,
      target: `p99 < ${TARGETS.httpP99Ms} ms`,
      met: one.p99 < TARGETS.httpP99Ms,
    });
    const eight = httpSummary(
      await httpRun(p, messages.slice(size.httpWarmUp + size.httpMessages), {
        warmUp: 0,
        inFlight: 8,
      }),
    );
    rows.push({
      what: `${engine}: one message per HTTP request, 8 in flight (${size.httpMessages * 2})`,
      value: `${fixed(eight.perSecond)} msg/s, p50 ${fixed(eight.p50, 1)} ms, p99 ${fixed(eight.p99, 1)} ms`,
    });
    return { one, eight };
  });
}

async function machine(postgres: boolean): Promise<string[]> {
  const cpu = cpus();
  const lines = [
    `- CPU: ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown"}`,
    `- Memory: ${fixed(totalmem() / 2 ** 30, 1)} GiB`,
    `- Node.js ${process.version} on ${process.platform}`,
  ];
  await withDatabase("pglite", async (p) => lines.push(`- PGlite: ${p.serverVersion}`));
  if (postgres)
    await withDatabase("postgres", async (p) => lines.push(`- PostgreSQL: ${p.serverVersion}`));
  return lines;
}

/** Whether to run PostgreSQL; says clearly (on stderr and in the table) why not. */
async function postgresWanted(): Promise<boolean> {
  const why = option("skip-postgres") ? "--skip-postgres" : await postgresUnreachable(postgresUrl);
  if (why === null) return true;
  const shown = postgresUrl.replace(/\/\/[^@/]*@/, "//…@");
  console.error(`PostgreSQL skipped (${shown}): ${why}`);
  rows.push({ what: `postgres: skipped (${why})`, value: "–" });
  return false;
}

async function main() {
  const postgres = await postgresWanted();
  const description = await machine(postgres);
  const pglite = await sustainedRow("pglite", size.pgliteStays, 1, TARGETS.pglitePerSecond);
  const ratios: string[] = [];
  if (postgres) {
    const one = await sustainedRow("postgres", size.postgresStays, 1, TARGETS.postgresPerSecond);
    const four = await sustainedRow("postgres", size.postgresStays, 4, TARGETS.postgresPerSecond);
    ratios.push(`PostgreSQL (4 workers) / PGlite: ${fixed(four / pglite, 2)}×`);
    ratios.push(`PostgreSQL 4 workers / 1 worker: ${fixed(four / one, 2)}×`);
  }
  const http = await httpRows("pglite");
  ratios.push(
    `PGlite throughput, HTTP one at a time / batch path: ${fixed(http.one.perSecond / pglite, 2)}×`,
  );
  if (postgres) await httpRows("postgres");
  report(description, ratios);
}

function report(description: string[], ratios: string[]) {
  const out = [
    `## Ingest benchmark, ${new Date().toISOString().slice(0, 10)}${quick ? " (quick)" : ""}`,
    "",
    ...description,
    "",
    "| measured | result | target | PASS/MISS |",
    "|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.what} | ${r.value} | ${r.target ?? ""} | ${r.met === undefined ? "" : r.met ? "PASS" : "**MISS**"} |`,
    ),
    "",
    "Ratios within this run:",
    ...ratios.map((r) => `- ${r}`),
  ];
  console.log(out.join("\n"));
}

await main();
