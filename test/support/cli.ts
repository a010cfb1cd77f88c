import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, vi } from "vitest";
import { main } from "../../src/cli/main.ts";
import { type CliIo, readSecretFromStdin } from "../../src/cli/read-secret.ts";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db/database.ts";
import { scratchDatabaseUrl } from "./database.ts";
import { referenceStructureFile } from "./server.ts";

export type CliRun = { status: number; out: string; err: string; secretReads: number };

/** Runs the CLI as `tovholder …args`, with stdin answering `stdin` if a secret is read. */
export async function runCli(args: string[], stdin?: string): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => {
    out.push(a.join(" "));
  });
  const error = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => {
    err.push(a.join(" "));
  });
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  let secretReads = 0;
  const io: CliIo = {
    readSecret: async (prompt) => {
      secretReads += 1;
      // The real reader, on piped input: the first line is the password.
      return readSecretFromStdin(prompt, Readable.from([`${stdin ?? ""}\nignored second line`]));
    },
  };
  try {
    const status = await main(["node", "tovholder", ...args], io);
    return { status, out: out.join("\n"), err: err.join("\n"), secretReads };
  } finally {
    log.mockRestore();
    error.mockRestore();
    stderr.mockRestore();
  }
}

/**
 * Gives the test file's CLI runs their own database: an embedded one in a
 * temporary data folder, or a scratch database on TEST_DATABASE_URL's server,
 * with the reference structure loaded. Returns a way to open it for checks.
 */
export function withCliDatabase() {
  let dataDir = "";
  let databaseUrl: string | undefined;
  let dropScratch: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "tovholder-cli-"));
    vi.stubEnv("TOVHOLDER_DATA_DIR", dataDir);
    const server = process.env.TEST_DATABASE_URL;
    if (server) {
      const scratch = await scratchDatabaseUrl(server);
      databaseUrl = scratch.url;
      dropScratch = scratch.drop;
    }
    vi.stubEnv("DATABASE_URL", databaseUrl);
    const loaded = await runCli(["structure", "load", referenceStructureFile]);
    expect(loaded.status, loaded.err).toBe(0);
  }, 120_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await dropScratch?.();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    dataDir: () => dataDir,
    /** The CLI's database, opened for checking (the CLI closes it after each command). */
    async inspect<T>(work: (database: DatabaseHandle) => Promise<T>): Promise<T> {
      const database = databaseUrl
        ? await openDatabase({ engine: "postgres", url: databaseUrl, poolSize: 1 })
        : await openDatabase({ engine: "pglite", dataDir: path.join(dataDir, "pgdata") });
      try {
        return await work(database);
      } finally {
        await database.close();
      }
    },
  };
}
