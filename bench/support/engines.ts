import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareDatabase } from "../../src/app/server.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { assembleIngest } from "../../src/interop/assemble.ts";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db/database.ts";
import { ensureDemoUnits } from "../../src/synth/demo-units.ts";
import { scratchDatabaseUrl } from "../../test/support/database.ts";

export type Engine = "pglite" | "postgres";

export type Prepared = {
  database: DatabaseHandle;
  /** The personal-data key the ingest seals with; the HTTP server gets the same one. */
  masterKey: Buffer;
  ingest: ReturnType<typeof assembleIngest>;
  serverVersion: string;
  close(): Promise<void>;
};

/**
 * A fresh database as `npm start` or a production install would have it: on
 * disk for PGlite, a new database on the server for PostgreSQL; migrated, the
 * reference structure and the synthetic SOR units loaded.
 */
export async function prepare(engine: Engine, postgresUrl: string): Promise<Prepared> {
  let database: DatabaseHandle;
  let cleanup: () => Promise<void>;
  if (engine === "pglite") {
    const dataDir = await mkdtemp(path.join(tmpdir(), "tovholder-bench-"));
    database = await openDatabase({ engine: "pglite", dataDir });
    cleanup = () => rm(dataDir, { recursive: true, force: true });
  } else {
    const scratch = await scratchDatabaseUrl(postgresUrl);
    database = await openDatabase({ engine: "postgres", url: scratch.url, poolSize: 10 });
    cleanup = scratch.drop;
  }
  await prepareDatabase(database);
  await ensureDemoUnits(database.db);
  const version = await database.db
    .selectNoFrom((eb) => eb.fn<string>("version", []).as("v"))
    .executeTakeFirstOrThrow();
  const masterKey = randomBytes(32);
  return {
    database,
    masterKey,
    ingest: assembleIngest(database.db, createCipher(masterKey)),
    // "PostgreSQL 15.20 (Debian …) on x86_64-pc-linux-gnu, compiled by …": the part before " on ".
    serverVersion: version.v.split(" on ")[0] ?? version.v,
    close: async () => {
      await database.close();
      await cleanup();
    },
  };
}

/** Null when a PostgreSQL server at the URL lets us create a scratch database; else why not. */
export async function postgresUnreachable(url: string): Promise<string | null> {
  try {
    const scratch = await scratchDatabaseUrl(url);
    await scratch.drop();
    return null;
  } catch (err) {
    return err instanceof Error ? err.message || err.name : String(err);
  }
}
