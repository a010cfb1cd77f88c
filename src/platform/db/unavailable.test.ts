import pg from "pg";
import { describe, expect, it } from "vitest";
import { isSqlError, StatementError, scrubMessage, statementName } from "./statement-error.ts";
import { asUnavailable, DatabaseUnavailableError, isDatabaseUnavailable } from "./unavailable.ts";

/** A server error as pg builds it from an ErrorResponse. */
function serverError(message: string, fields: Record<string, string>) {
  return Object.assign(new pg.DatabaseError(message, message.length, "error"), fields);
}

/** A socket error as node:net gives it. */
function socketError(code: string, message: string) {
  return Object.assign(new Error(message), { code, errno: -111, syscall: "connect" });
}

/**
 * The shapes below were captured from PostgreSQL 15 and pg 8.23 on
 * 2026-12-03 (tmp script, one scratch database): a query whose backend
 * pg_terminate_backend ended, a transaction on that connection, a connection
 * to a database with ALLOW_CONNECTIONS false, a port nobody listens on, a
 * pool whose only connection was taken, and a client used after it lost its
 * connection. 53300, 57P02 and 57P03 were not provoked (a superuser passes
 * the connection limit; a crash or restart would hit everyone on the shared
 * server); they have the same shape as 57P01.
 */
const captured = {
  terminated: serverError("terminating connection due to administrator command", {
    severity: "FATAL",
    code: "57P01",
    file: "postgres.c",
    routine: "ProcessInterrupts",
  }),
  lostInTransaction: new Error("Connection terminated unexpectedly"),
  notAccepting: serverError(
    'database "tovholder_test_3dc98107452e" is not currently accepting connections',
    { severity: "FATAL", code: "55000", file: "postinit.c", routine: "CheckMyDatabase" },
  ),
  refused: socketError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1"),
  poolWait: new Error("timeout exceeded when trying to connect"),
  notQueryable: new Error("Client has encountered a connection error and is not queryable"),
};

describe("a database that is away", () => {
  it("is told by every connection failure captured from the real server", () => {
    const codes = Object.fromEntries(
      Object.entries(captured).map(([name, err]) => [name, asUnavailable(err, true)?.code]),
    );
    expect(codes).toEqual({
      terminated: "57P01",
      lostInTransaction: "CONNECTION_TERMINATED",
      notAccepting: "55000",
      refused: "ECONNREFUSED",
      poolWait: "CONNECT_TIMEOUT",
      notQueryable: "CONNECTION_TERMINATED",
    });
  });

  it("covers the rest of class 08, the shutdowns, too many connections and socket failures", () => {
    for (const code of ["08006", "08001", "08P01", "57P02", "57P03", "53300"]) {
      expect(isDatabaseUnavailable(serverError("x", { code })), code).toBe(true);
    }
    for (const code of ["ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH"]) {
      expect(isDatabaseUnavailable(socketError(code, `read ${code}`)), code).toBe(true);
    }
    expect(
      isDatabaseUnavailable(new Error("Connection terminated due to connection timeout")),
    ).toBe(true);
    const both = Object.assign(
      new AggregateError([
        socketError("ECONNREFUSED", "connect ECONNREFUSED ::1:5432"),
        socketError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432"),
      ]),
      {},
    );
    expect(isDatabaseUnavailable(both)).toBe(true);
  });

  it("is not a statement's own failure, nor 55000 once connected", () => {
    expect(isDatabaseUnavailable(serverError("division by zero", { code: "22012" }))).toBe(false);
    expect(isDatabaseUnavailable(serverError("duplicate key", { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(captured.notAccepting)).toBe(false);
    expect(isDatabaseUnavailable(new Error("Connection refused by policy?"))).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
    const again = new DatabaseUnavailableError("57P01", "gone");
    expect(asUnavailable(again)).toBe(again);
  });
});

describe("a refused statement", () => {
  it("keeps its SQLSTATE, table and constraint, and drops the values", () => {
    const pglite = Object.assign(
      serverError('new row for relation "handover" violates check constraint "log_probe"', {
        code: "23514",
        severity: "ERROR",
        table: "handover",
        constraint: "log_probe",
        detail: "Failing row contains (…, Borger 2907411234: Marevan, …).",
      }),
      { query: 'insert into "handover" ("note") values ($1)', params: ["Borger 2907411234"] },
    );
    if (!isSqlError(pglite)) throw new Error("a server error has a SQLSTATE");
    const err = new StatementError(pglite, 'insert into "handover" ("note") values ($1)');
    expect(err.code).toBe("23514");
    expect(err.statement).toMatch(/^insert handover #[0-9a-f]{8}$/);
    expect({ table: err.table, constraint: err.constraint }).toEqual({
      table: "handover",
      constraint: "log_probe",
    });
    const everything = JSON.stringify({ ...err, message: err.message, stack: err.stack });
    expect(everything).not.toContain("2907411234");
    expect(everything).not.toContain("Marevan");
    expect(err.message).toContain('violates check constraint "log_probe"');
  });

  it("says where it failed without the value the server quoted", () => {
    expect(scrubMessage('invalid input syntax for type uuid: "2907411234"')).toBe(
      'invalid input syntax for type uuid: "…"',
    );
    expect(scrubMessage('value "2907411234" is out of range for type integer')).toBe(
      'value "…" is out of range for type integer',
    );
    expect(scrubMessage('column "note" of relation "handover" does not exist')).toBe(
      'column "note" of relation "handover" does not exist',
    );
    expect(statementName('select "id" from "citizen" where "cpr_hash" = $1')).toMatch(
      /^select citizen #/,
    );
    expect(statementName('update "handover" set "note" = $1')).toMatch(/^update handover #/);
    expect(statementName("begin")).toMatch(/^begin #/);
  });
});
