import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { databaseFor } from "../app/server.ts";
import { loadConfig } from "../platform/config.ts";
import { migrateToLatest } from "../platform/migrations/migrate.ts";
import { loadStructure } from "../structure/service.ts";

export function registerStructureCommands(program: Command): void {
  const structure = program
    .command("structure")
    .description("the Danish health structure: regions, clusters, municipalities, hospitals");
  structure
    .command("load")
    .description("validate a structure file and load it; nothing is written if any check fails")
    .argument("<file>", "a JSON file in the format of data/denmark-health-structure.json")
    .action(async (file: string) => {
      const text = await readFile(file, "utf8");
      const config = loadConfig();
      const database = await databaseFor(config);
      try {
        await migrateToLatest(database.db);
        const result = await loadStructure(database.db, text);
        const counts = Object.entries(result.summary)
          .map(([k, v]) => `${v} ${k}`)
          .join(", ");
        console.log(
          result.changed
            ? `Loaded the structure as of ${result.asOf} into ${database.location}: ${counts}.`
            : `The structure as of ${result.asOf} was already loaded; nothing changed.`,
        );
      } finally {
        await database.close();
      }
    });
}
