/**
 * Synthetic-data benchmark (issue 5): a national year generated to gzip files
 * (target: under 5 minutes, peak memory under 1 GB on this 2-core machine),
 * and a body-scale year loaded into PostgreSQL (target: at least the ingest
 * rate of bench/ingest.bench.ts, 1,000 messages per second). Run with
 * `npm run bench:synth` (`-- --quick` for a tenth of the people). Prints a
 * Markdown report for bench/RESULTS.md; exits 0 whether targets are met or not.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { prepareDatabase, projectRoot } from "../src/app/server.ts";
import { createCipher } from "../src/citizens/crypto.ts";
import { openDatabase } from "../src/platform/db/database.ts";
import { generate, parseScope } from "../src/synth/generate.ts";
import { loadSynthetic } from "../src/synth/load.ts";
import { loadDepsFor } from "../src/synth/load-deps.ts";
import { scratchDatabaseUrl } from "../test/support/database.ts";
import { postgresUnreachable } from "./support/engines.ts";

const quick = process.argv.includes("--quick") || process.env.BENCH_QUICK === "1";
const postgresUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const dataDir = path.join(projectRoot, "data");
const workers = Math.min(4, availableParallelism());
const rows: string[] = [];
const verdict = (ok: boolean) => (ok ? "PASS" : "**MISS**");

async function national() {
  const out = await mkdtemp(path.join(tmpdir(), "tovholder-bench-synth-"));
  const scale = quick ? 0.1 : 1;
  try {
    const started = performance.now();
    const summary = await generate({
      seed: 42,
      scope: parseScope("national"),
      years: 1,
      start: Date.UTC(2025, 0, 1),
      scale,
      outDir: out,
      dataDir,
      workers,
    });
    const seconds = (performance.now() - started) / 1000;
    // maxRSS covers the whole process, worker threads included (kilobytes).
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const s = summary.stats;
    const target = 300 * scale;
    rows.push(
      `| national year, scale ${scale}, ${workers} workers: ${s.citizens.toLocaleString("en-GB")} citizens, ${s.messages.toLocaleString("en-GB")} messages | ${seconds.toFixed(0)} s, peak ${peakMb.toFixed(0)} MB | < ${target} s, < 1,024 MB | ${verdict(seconds < target && peakMb < 1024)} |`,
    );
    rows.push(
      `| rate checks of that run | ${summary.checks.filter((c) => c.ok).length} of ${summary.checks.length} within tolerance | all | ${verdict(summary.checks.every((c) => c.ok))} |`,
    );
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

async function bodyLoad() {
  const why = await postgresUnreachable(postgresUrl);
  if (why !== null) {
    rows.push(`| body load into PostgreSQL | skipped: ${why} | | |`);
    return;
  }
  const out = await mkdtemp(path.join(tmpdir(), "tovholder-bench-synth-"));
  const scratch = await scratchDatabaseUrl(postgresUrl);
  const database = await openDatabase({ engine: "postgres", url: scratch.url, poolSize: 10 });
  const scale = quick ? 0.1 : 1;
  try {
    await prepareDatabase(database, path.join(dataDir, "denmark-health-structure.json"));
    const summary = await generate({
      seed: 42,
      scope: parseScope("body:naestved-slagelse"),
      years: 1,
      start: Date.UTC(2025, 0, 1),
      scale,
      outDir: out,
      dataDir,
      workers,
    });
    const stageStart = new Map<string, number>();
    const started = performance.now();
    const result = await loadSynthetic(
      out,
      loadDepsFor(database.db, createCipher(randomBytes(32)), { notify: false }),
      {
        batch: 250,
        concurrency: 4,
        onStage: (stage) => stageStart.set(stage, performance.now()),
      },
    );
    const total = (performance.now() - started) / 1000;
    const messageSeconds =
      ((stageStart.get("stays") ?? 0) - (stageStart.get("messages") ?? 0)) / 1000;
    const citizenSeconds =
      ((stageStart.get("messages") ?? 0) - (stageStart.get("citizens") ?? 0)) / 1000;
    const rate = (result.messages.accepted ?? 0) / messageSeconds;
    rows.push(
      `| body year (Næstved/Slagelse, scale ${scale}) into PostgreSQL, 4 in flight: ${summary.stats.messages.toLocaleString("en-GB")} messages | ${rate.toFixed(0)} msg/s (messages stage) | ≥ 1,000 msg/s | ${verdict(rate >= 1000)} |`,
    );
    rows.push(
      `| the same load in all | ${total.toFixed(1)} s: citizens ${(summary.stats.citizens / citizenSeconds).toFixed(0)}/s, ${result.stayFacts.matched} stay facts | | |`,
    );
  } finally {
    await database.close();
    await scratch.drop();
    await rm(out, { recursive: true, force: true });
  }
}

const cpu = cpus();
console.log(
  [
    `## Synthetic data benchmark, ${new Date().toISOString().slice(0, 10)}${quick ? " (quick)" : ""}`,
    "",
    `- CPU: ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown"}; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node.js ${process.version}`,
    "",
  ].join("\n"),
);
await national();
await bodyLoad();
console.log(["| measured | result | target | |", "|---|---|---|---|", ...rows].join("\n"));
