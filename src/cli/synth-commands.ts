import os from "node:os";
import path from "node:path";
import cliProgress from "cli-progress";
import { type Command, InvalidArgumentError } from "commander";
import { databaseFor, prepareDatabase, projectRoot } from "../app/server.ts";
import { createCipher } from "../citizens/crypto.ts";
import { resolveMasterKey } from "../citizens/master-key.ts";
import { loadConfig } from "../platform/config.ts";
import { generate, parseScope } from "../synth/generate.ts";
import { loadSynthetic } from "../synth/load.ts";
import { loadDepsFor } from "../synth/load-deps.ts";
import { summaryLines } from "../synth/summary.ts";

const wholeNumber = (max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new InvalidArgumentError(`must be a whole number 0–${max}`);
  return n;
};
const positiveNumber = (max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > max)
    throw new InvalidArgumentError(`must be a number above 0, at most ${max}`);
  return n;
};
const date = (v: string) => {
  const ms = Date.parse(`${v}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(ms))
    throw new InvalidArgumentError("must be a date YYYY-MM-DD");
  return ms;
};

function bar(format: string) {
  return new cliProgress.SingleBar(
    { format, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
}

type GenerateFlags = {
  seed: number;
  scope: string;
  years: number;
  out: string;
  scale: number;
  start: number;
  workers: number;
};

async function runGenerate(flags: GenerateFlags) {
  const progress = bar("generating [{bar}] {percentage}% | {value}/{total} citizens");
  const started = Date.now();
  progress.start(1, 0);
  try {
    const summary = await generate({
      seed: flags.seed,
      scope: parseScope(flags.scope),
      years: flags.years,
      start: flags.start,
      scale: flags.scale,
      outDir: path.resolve(flags.out),
      dataDir: path.join(projectRoot, "data"),
      workers: flags.workers,
      onProgress: (done, total) => {
        progress.setTotal(total);
        progress.update(done);
      },
    });
    progress.stop();
    console.log(summaryLines(summary).join("\n"));
    console.log(
      `written to ${path.resolve(flags.out)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    progress.stop();
  }
}

async function runLoad(dir: string, flags: { batch: number; concurrency?: number }) {
  const config = loadConfig();
  const database = await databaseFor(config);
  const progress = bar("{stage} [{bar}] {percentage}% | {value}/{total}");
  const started = Date.now();
  try {
    await prepareDatabase(database, config.structureFiles);
    const cipher = createCipher(resolveMasterKey(config.cprKey, config.dataDir));
    const concurrency = flags.concurrency ?? (database.engine === "postgres" ? 4 : 1);
    const result = await loadSynthetic(
      path.resolve(dir),
      loadDepsFor(database.db, cipher, { notify: false }),
      {
        batch: flags.batch,
        concurrency,
        onStage: (stage, total) => {
          progress.stop();
          progress.start(total, 0, { stage: stage.padEnd(8) });
        },
        onProgress: (done) => progress.update(done),
      },
    );
    progress.stop();
    const m = result.messages;
    console.log(
      [
        `units: ${result.units.added} added, ${result.units.updated} updated, ${result.units.unchanged} unchanged`,
        `citizens: ${result.citizens} (home care: ${result.homeCare} new grants)`,
        `messages: ${m.accepted ?? 0} accepted, ${m.duplicate ?? 0} duplicate, ${m.rejected ?? 0} rejected, ${m["dead-letter"] ?? 0} dead letters, ${m.failed ?? 0} failed`,
        `stay facts: ${result.stayFacts.matched} matched, ${result.stayFacts.unmatched} without a stay`,
        `handovers: ${result.confirmedHandovers} confirmed in the history`,
        `loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      ].join("\n"),
    );
    if ((m.rejected ?? 0) + (m.failed ?? 0) > 0) process.exitCode = 1;
  } finally {
    progress.stop();
    await database.close();
  }
}

export function registerSynthCommands(program: Command): void {
  const synth = program
    .command("synth")
    .description("generate a synthetic Denmark (population and hospital activity) to a directory")
    .option("--seed <n>", "the same seed gives the same files", wholeNumber(2 ** 31 - 1), 42)
    .option("--scope <scope>", "national | region:<code> | body:<id>", "body:naestved-slagelse")
    .option("--years <n>", "length of the simulated period", positiveNumber(10), 1)
    .option("--start <date>", "first day of the period (YYYY-MM-DD)", date, Date.UTC(2025, 0, 1))
    .option("--scale <f>", "share of the real population to generate (0–1]", positiveNumber(1), 1)
    .option(
      "--workers <n>",
      "worker threads (0: none)",
      wholeNumber(64),
      Math.min(4, os.availableParallelism()),
    )
    .option("--out <dir>", "where to write", "synth-out")
    .action(async (flags: GenerateFlags) => runGenerate(flags));
  synth
    .command("load")
    .description(
      "load a generated directory through the organisation register, the ingest and the facts import",
    )
    .argument("<dir>", "a directory written by tovholder synth")
    .option("--batch <n>", "messages per transaction", wholeNumber(5000), 250)
    .option(
      "--concurrency <n>",
      "batches in flight (default: 4 on PostgreSQL, 1 on PGlite)",
      wholeNumber(32),
    )
    .action(async (dir: string, flags: { batch: number; concurrency?: number }) =>
      runLoad(dir, flags),
    );
}
