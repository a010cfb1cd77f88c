import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { CamelCasePlugin, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { guardDialect } from "./guarded-dialect.ts";
import { PGliteDialect } from "./pglite-dialect.ts";
import type { DB } from "./schema.ts";
import { cacheStatements } from "./statement-cache.ts";
import { sharedParsers } from "./types.ts";

export type Database = Kysely<DB>;

export type EngineName = "pglite" | "postgres";

export type DatabaseHandle = {
  db: Database;
  engine: EngineName;
  /** Human-readable place of the data, without credentials; safe to log. */
  location: string;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { engine: "pglite"; dataDir?: string }
  | {
      engine: "postgres";
      url: string;
      poolSize?: number;
      /** How long a query waits for a connection before it fails as unavailable (ms). */
      connectTimeoutMs?: number;
      onIdleError?: (err: Error & { code?: string }) => void;
    };

const plugins = [new CamelCasePlugin()];

/**
 * How long a pooled connection may sit idle before it is closed. pg-pool's
 * default is 10 s, which under a steady but bursty load (a worklist's users)
 * closed connections between bursts and opened them again in the next one: a
 * new backend, cold catalog caches, every statement prepared again. In the
 * handover benchmark of 2026-11-23 that put 27 to 100 ms of waiting for a
 * connection, and slow first statements after it, into the slowest requests.
 * Five minutes keeps the pool through a quiet spell in steady use and still
 * gives the connections back at night.
 */
const POOL_IDLE_TIMEOUT_MS = 5 * 60_000;

/**
 * How long a query waits for a connection: a new one being opened, or one of
 * the pool's coming free. Without a bound, a database that does not answer
 * (a dropped network, a host that is gone) holds every request until the
 * operating system gives up on the socket, minutes later; with it, they are
 * answered 503 with Retry-After while the outage lasts.
 */
export const POOL_CONNECT_TIMEOUT_MS = 5_000;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.engine === "postgres") {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      idleTimeoutMillis: POOL_IDLE_TIMEOUT_MS,
      connectionTimeoutMillis: options.connectTimeoutMs ?? POOL_CONNECT_TIMEOUT_MS,
      types: {
        getTypeParser: ((oid: number, format?: string) => {
          const parser = sharedParsers[oid];
          return parser ?? pg.types.getTypeParser(oid, format as "text");
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection the server drops (restart, failover, admin command) is reported
    // here; without a listener it would crash the process. The pool discards the client and
    // the next query opens a new connection.
    pool.on("error", (err: Error & { code?: string }) => {
      options.onIdleError?.(err);
    });
    pool.on("connect", (client) => {
      // A connection the server drops while a query runs on it (pg_terminate_backend, a
      // failover) fails that query, and the client then emits "error" with nobody listening
      // (the pool listens only while the client is idle): that was an uncaught exception
      // that ended the process. The query's own error already tells its caller; the pool
      // discards the client when it comes back, so there is nothing more to do here.
      client.on("error", () => {});
      cacheStatements(client);
    });
    const db = new Kysely<DB>({
      dialect: guardDialect(new PostgresDialect({ pool })),
      plugins,
    });
    return { db, engine: "postgres", location: redactUrl(options.url), close: () => db.destroy() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = new PGlite({ dataDir: options.dataDir, parsers: sharedParsers });
  const db = new Kysely<DB>({ dialect: guardDialect(new PGliteDialect(pglite)), plugins });
  return {
    db,
    engine: "pglite",
    location: options.dataDir ?? "memory",
    close: () => db.destroy(),
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://(unparseable url)";
  }
}
