import type { Command } from "commander";
import { databaseFor } from "../app/server.ts";
import { loadConfig } from "../platform/config.ts";
import { migrateToLatest } from "../platform/migrations/migrate.ts";

export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("apply all pending database migrations (forward-only)")
    .action(async () => {
      const config = loadConfig();
      const database = await databaseFor(config);
      try {
        const { applied } = await migrateToLatest(database.db);
        console.log(
          applied.length === 0
            ? `Database at ${database.location} is up to date.`
            : `Applied ${applied.length} migration(s) to ${database.location}: ${applied.join(", ")}`,
        );
      } finally {
        await database.close();
      }
    });
}
