import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createApp, projectRoot } from "../../src/app/server.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import type { App } from "../../src/platform/http/app.ts";
import { loadStructure } from "../../src/structure/service.ts";
import { seedDemo } from "../../src/synth/demo-seed.ts";
import { freshDatabase } from "./database.ts";

export const referenceStructureFile = path.join(projectRoot, "data/denmark-health-structure.json");
export const councilStructureFile = path.join(
  projectRoot,
  "data/denmark-health-structure-2027.json",
);

/** The 2022 structure: the 22 clusters. */
export async function referenceStructureText(): Promise<string> {
  return readFile(referenceStructureFile, "utf8");
}

/** The 2027 structure: the 17 councils. */
export async function councilStructureText(): Promise<string> {
  return readFile(councilStructureFile, "utf8");
}

/** A migrated database with both structures loaded, as the server loads them at start. */
export async function structureDatabase(): Promise<DatabaseHandle> {
  const database = await freshDatabase();
  await loadStructure(database.db, await referenceStructureText());
  await loadStructure(database.db, await councilStructureText());
  return database;
}

export type TestServer = {
  url: string;
  app: App;
  database: DatabaseHandle;
  /** The personal-data key the app seals with (webhook secrets too). */
  masterKey: Buffer;
  close(): Promise<void>;
};

export type TestServerOptions = {
  demo?: boolean;
  /** WEBHOOK_ALLOWED_HOSTS: a test's webhook receiver listens on loopback. */
  webhookAllowedHosts?: string[];
  /** The server's clock (the demo is seeded by it too), for a test whose data sits on fixed dates. */
  clock?: () => Date;
  /** Fills the database before the server starts, after the demo seed: e.g. a synthetic year. */
  prepare?: (database: DatabaseHandle, masterKey: Buffer) => Promise<void>;
};

/**
 * The whole server, in process, on a random port, with the reference structure and web/dist.
 * With `demo`, the demo users and citizens are seeded and the login page lists them.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = await structureDatabase();
  const masterKey = randomBytes(32);
  const now = options.clock ? { now: options.clock().getTime() } : {};
  if (options.demo) await seedDemo(database.db, createCipher(masterKey), now);
  await options.prepare?.(database, masterKey);
  const app = await createApp(database, {
    masterKey,
    ...(options.clock ? { clock: options.clock } : {}),
    config: {
      demo: options.demo ?? false,
      session: { idleMinutes: 30, absoluteHours: 12, secureCookie: false },
      access: { hospitalAfterDischargeHours: 30 * 24, breakGlassMinutes: 240 },
      oidc: undefined,
      publicUrl: undefined,
      webhookAllowedHosts: options.webhookAllowedHosts ?? [],
    },
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url: address,
    app,
    database,
    masterKey,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
