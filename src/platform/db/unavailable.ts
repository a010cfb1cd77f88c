/**
 * "The database is not there right now", as one error, whatever the driver
 * said: the server terminated the connection (57P01, an administrator or a
 * failover), refused new ones (a database that does not allow connections,
 * too many connections, starting up or shutting down), the socket failed
 * (refused, reset, timed out), or no connection came within the pool's time.
 * Such a failure is nobody's bug: the request is answered 503 with
 * Retry-After and may be sent again. Every other database error stays what it
 * is (see statement-error.ts).
 */
export class DatabaseUnavailableError extends Error {
  /** What the driver said: the SQLSTATE, the socket's code, or a short name for pg's own errors. */
  readonly code: string;

  constructor(code: string, detail: string) {
    super(`The database is unavailable (${code}): ${detail}`);
    this.name = "DatabaseUnavailableError";
    this.code = code;
  }
}

/** How long a caller is asked to wait before trying again, in seconds. */
export const RETRY_AFTER_SECONDS = 5;

/** SQLSTATEs that mean the connection, not the statement, failed; class 08 is matched apart. */
const UNAVAILABLE_SQLSTATES = new Set([
  "57P01", // admin_shutdown: pg_terminate_backend, a fast shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up, shutting down, in recovery
  "53300", // too_many_connections
]);

/** While connecting only: "database … is not currently accepting connections" (ALLOW_CONNECTIONS false). */
const CONNECT_ONLY_SQLSTATES = new Set(["55000"]);

const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** pg's and pg-pool's own errors, which carry no code: the text is all there is. */
const DRIVER_MESSAGES: [RegExp, string][] = [
  [/^Connection terminated/, "CONNECTION_TERMINATED"],
  [/not queryable/, "CONNECTION_TERMINATED"],
  [/^timeout exceeded when trying to connect/, "CONNECT_TIMEOUT"],
  [/^Cannot use a pool after calling end/, "POOL_CLOSED"],
];

/**
 * The error as a DatabaseUnavailableError when it is one of the failures
 * above, else null. `connecting` widens it to what a server says only while
 * refusing a new connection.
 */
export function asUnavailable(err: unknown, connecting = false): DatabaseUnavailableError | null {
  if (err instanceof DatabaseUnavailableError) return err;
  if (!(err instanceof Error)) return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string") {
    if (
      code.startsWith("08") ||
      UNAVAILABLE_SQLSTATES.has(code) ||
      SOCKET_CODES.has(code) ||
      (connecting && CONNECT_ONLY_SQLSTATES.has(code))
    ) {
      return new DatabaseUnavailableError(code, err.message);
    }
    return null;
  }
  for (const [pattern, name] of DRIVER_MESSAGES) {
    if (pattern.test(err.message)) return new DatabaseUnavailableError(name, err.message);
  }
  // An AggregateError from a connect to several addresses (localhost: ::1 and 127.0.0.1).
  if (err instanceof AggregateError && err.errors.length > 0) {
    const first = err.errors.map((e) => asUnavailable(e, connecting)).find((e) => e !== null);
    if (first && err.errors.every((e) => asUnavailable(e, connecting) !== null)) return first;
  }
  return null;
}

export function isDatabaseUnavailable(err: unknown): boolean {
  return asUnavailable(err) !== null;
}
