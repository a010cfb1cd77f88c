import { ConfigError } from "../platform/config.ts";
import { DatabaseUnavailableError } from "../platform/db/unavailable.ts";
import { DatabaseWaitError } from "../platform/db/wait.ts";
import { AppError } from "../platform/http/errors.ts";
import { MigrationError } from "../platform/migrations/migrate.ts";

/** Writes a failure the way a person at a terminal needs it, and returns the exit status. */
export function reportFailure(err: unknown, write: (line: string) => void = console.error): number {
  if (err instanceof AppError) {
    write(`error: ${err.message}`);
    for (const e of err.errors) write(`  - ${e.in} ${e.field}: ${e.reason}`);
    return 1;
  }
  if (
    err instanceof ConfigError ||
    err instanceof MigrationError ||
    err instanceof DatabaseWaitError
  ) {
    write(`error: ${err.message}`);
    return 1;
  }
  if (err instanceof DatabaseUnavailableError) {
    write(`error: cannot reach the database (${err.code}): ${err.message}`);
    return 1;
  }
  const code = (err as { code?: string }).code;
  if (code === "ENOENT" || code === "EACCES" || code === "EISDIR") {
    write(`error: ${(err as Error).message}`);
    return 1;
  }
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "3D000" || code === "28P01") {
    write(`error: cannot reach the database (${code}): ${(err as Error).message}`);
    return 1;
  }
  if (code === "EADDRINUSE") {
    write(`error: the port is already in use: ${(err as Error).message}`);
    return 1;
  }
  write(`error: unexpected failure: ${err instanceof Error ? err.stack : String(err)}`);
  return 2;
}
