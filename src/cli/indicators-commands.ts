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
      // One bar per kind of step: the residents and the monthly figures are counted side by side.
      const bars = new cliProgress.MultiBar(
        { format: "{step} [{bar}] {percentage}% | {value}/{total}", stream: process.stderr },
        cliProgress.Presets.shades_classic,
      );
      const shown = new Map<string, cliProgress.SingleBar>();
      try {
        await migrateToLatest(database.db);
        const { maintenance } = createIndicators({ db: database.db });
        const progress = (step: string, done: number, total: number) => {
          const payload = { step: STEP_NAMES[step] ?? step };
          const bar = shown.get(step) ?? bars.create(total, 0, payload);
          shown.set(step, bar);
          bar.setTotal(total);
          bar.update(done, payload);
        };
        const started = Date.now();
        const report = options.changedOnly
          ? await maintenance.run(progress)
          : await maintenance.rebuildAll(progress);
        bars.stop();
        console.log(
          `Indicators computed at ${report.computedAt.toISOString()}: ${report.citizens} citizens, ` +
            `${report.months} monthly tables, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
      } finally {
        bars.stop();
        await database.close();
      }
    });
}
