import { Migrator } from "kysely";
import type { Database } from "../db/database.ts";
import { migrationProvider } from "./index.ts";

export type MigrationReport = { applied: string[] };

export class MigrationError extends Error {}

export async function migrateToLatest(db: Database): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new MigrationError(
      `Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { applied };
}
