import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001-structure.ts";

/**
 * Migrations are listed here rather than read from disk so that the same list
 * runs from source, from tests and from a bundled build. Forward-only: never edit
 * a migration that has landed; add a new one.
 */
const migrations: Record<string, Migration> = {
  "0001-structure": m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
