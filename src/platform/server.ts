import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { structureRoutes } from "../structure/routes.ts";
import { createStructureService, loadStructure } from "../structure/service.ts";
import type { Config } from "./config.ts";
import { type DatabaseHandle, openDatabase } from "./db/database.ts";
import { type App, buildApp } from "./http/app.ts";
import { loggerOptions } from "./logger.ts";
import { migrateToLatest } from "./migrations/migrate.ts";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const defaultWebDist = path.join(projectRoot, "web/dist");
export const defaultGeojsonFile = path.join(projectRoot, "data/denmark-municipalities.geojson");

export function databaseFor(config: Pick<Config, "databaseUrl" | "dataDir" | "databasePoolSize">) {
  return config.databaseUrl
    ? openDatabase({
        engine: "postgres",
        url: config.databaseUrl,
        poolSize: config.databasePoolSize,
      })
    : openDatabase({ engine: "pglite", dataDir: path.join(config.dataDir, "pgdata") });
}

/** Migrates and loads the reference structure; both are no-ops when already done. */
export async function prepareDatabase(database: DatabaseHandle, structureFile: string) {
  const migrations = await migrateToLatest(database.db);
  const structure = await loadStructure(database.db, await readFile(structureFile, "utf8"));
  return { migrations, structure };
}

export type ServerParts = { app: App; database: DatabaseHandle };

export async function createApp(
  database: DatabaseHandle,
  options: { logger?: Parameters<typeof buildApp>[0]["logger"]; webDist?: string } = {},
): Promise<App> {
  const structure = createStructureService(database.db);
  return buildApp({
    database,
    logger: options.logger,
    webDist: options.webDist ?? defaultWebDist,
    features: [
      async (app) => {
        await app.register(structureRoutes, { structure, geojsonFile: defaultGeojsonFile });
      },
    ],
  });
}

export async function startServer(config: Config): Promise<ServerParts> {
  const database = await databaseFor(config);
  try {
    await prepareDatabase(database, config.structureFile);
    const app = await createApp(database, { logger: loggerOptions(config) });
    await app.listen({ port: config.port, host: config.host });
    return { app, database };
  } catch (err) {
    await database.close();
    throw err;
  }
}
