import cliProgress from "cli-progress";
import type { Command } from "commander";
import { databaseFor } from "../app/server.ts";
import { createIndicators } from "../indicators/assemble.ts";
import { loadConfig } from "../platform/config.ts";
import { migrateToLatest } from "../platform/migrations/migrate.ts";

const STEP_NAMES: Record<string, string> = {
  admissions: "admissions (all citizens)",
  citizens: "admissions (changed citizens)",
  populations: "residents",
  "admission cells": "monthly figures (admissions)",
  "loop cells": "monthly figures (the loop)",
};

export function registerIndicatorsCommands(program: Command): void {
  const indicators = program
    .command("indicators")
    .description(
      "the quality indicators: admissions, readmissions, preventable admissions, the loop",
    );
  indicators
    .command("refresh")
    .description(
      "rebuild every indicator from the stays, citizens and handovers in the database (the server " +
        "keeps them up to date by itself; this is for a changed parameter file or a check)",
    )
    .option("--changed-only", "only what changed since the last run, as the server does")
    .action(async (options: { changedOnly?: boolean }) => {
      const config = loadConfig();
      const database = await databaseFor(config);
      const bar = new cliProgress.SingleBar(
        { format: "{step} [{bar}] {percentage}% | {value}/{total}", stream: process.stderr },
        cliProgress.Presets.shades_classic,
      );
      let current = "";
      try {
        await migrateToLatest(database.db);
        const { maintenance } = createIndicators({ db: database.db });
        const progress = (step: string, done: number, total: number) => {
          if (step !== current) {
            if (current) bar.stop();
            current = step;
            bar.start(total, 0, { step: STEP_NAMES[step] ?? step });
          }
          bar.setTotal(total);
          bar.update(done, { step: STEP_NAMES[step] ?? step });
        };
        const started = Date.now();
        const report = options.changedOnly
          ? await maintenance.run(progress)
          : await maintenance.rebuildAll(progress);
        if (current) bar.stop();
        console.log(
          `Indicators computed at ${report.computedAt.toISOString()}: ${report.citizens} citizens, ` +
            `${report.months} monthly tables, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
      } finally {
        if (current) bar.stop();
        await database.close();
      }
    });
}
