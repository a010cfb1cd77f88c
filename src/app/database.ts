import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../platform/config.ts";
import { type DatabaseHandle, openDatabase } from "../platform/db/database.ts";
import { migrateToLatest } from "../platform/migrations/migrate.ts";
import { type LoadResult, loadStructure } from "../structure/service.ts";
import { projectRoot } from "./paths.ts";

/**
 * The database a configuration names, and bringing it up to date: the server
 * and every command that reads or writes data start here.
 */

export function databaseFor(config: Pick<Config, "databaseUrl" | "dataDir" | "databasePoolSize">) {
  return config.databaseUrl
    ? openDatabase({
        engine: "postgres",
        url: config.databaseUrl,
        poolSize: config.databasePoolSize,
      })
    : openDatabase({ engine: "pglite", dataDir: path.join(config.dataDir, "pgdata") });
}

/** The structure files the project ships, oldest first: the 2022 clusters, the 2027 councils. */
export const referenceStructureFiles = [
  path.join(projectRoot, "data/denmark-health-structure.json"),
  path.join(projectRoot, "data/denmark-health-structure-2027.json"),
];

/**
 * Migrates and loads the structure files, oldest first; every step is a no-op
 * when already done, so this runs at every start.
 */
export async function prepareDatabase(
  database: DatabaseHandle,
  structureFiles: string | string[] = referenceStructureFiles,
) {
  const migrations = await migrateToLatest(database.db);
  const structure: LoadResult[] = [];
  for (const file of typeof structureFiles === "string" ? [structureFiles] : structureFiles) {
    structure.push(await loadStructure(database.db, await readFile(file, "utf8")));
  }
  return { migrations, structure };
}
