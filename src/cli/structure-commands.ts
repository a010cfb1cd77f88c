import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { databaseFor } from "../app/server.ts";
import { loadConfig } from "../platform/config.ts";
import { migrateToLatest } from "../platform/migrations/migrate.ts";
import { type LoadResult, loadStructure } from "../structure/service.ts";
import { registerTransitionCommand } from "./transition-command.ts";

function describe(result: LoadResult, location: string): string {
  const counts = Object.entries(result.summary)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ");
  if (!result.changed)
    return `The structure as of ${result.asOf} was already loaded; nothing changed.`;
  const moved =
    result.successions.length > 0
      ? ` On ${result.asOf}, ${result.successions.length} municipalities change body.`
      : "";
  return `Loaded the structure as of ${result.asOf} (${result.kind}) into ${location}: ${counts}.${moved}`;
}

export function registerStructureCommands(program: Command): void {
  const structure = program
    .command("structure")
    .description("the Danish health structure: regions, bodies, municipalities, hospitals");
  structure
    .command("load")
    .description(
      "validate structure files and load them, oldest first; nothing of a file is written if any " +
        "check fails, and a file already loaded changes nothing",
    )
    .argument(
      "[files...]",
      "JSON files in the format of data/denmark-health-structure*.json " +
        "(default: TOVHOLDER_STRUCTURE_FILES, the 2022 and 2027 files)",
    )
    .action(async (files: string[]) => {
      const config = loadConfig();
      const paths = files.length > 0 ? files : config.structureFiles;
      const texts = await Promise.all(paths.map((f) => readFile(f, "utf8")));
      const database = await databaseFor(config);
      try {
        await migrateToLatest(database.db);
        for (const text of texts) {
          console.log(describe(await loadStructure(database.db, text), database.location));
        }
      } finally {
        await database.close();
      }
    });
  registerTransitionCommand(structure);
}
