import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from "kysely";
import { isSqlError, StatementError } from "./statement-error.ts";
import { asUnavailable } from "./unavailable.ts";

/**
 * Every error a query or a connection gives passes here, on both engines,
 * before anything above the database sees it: a lost or refused connection
 * becomes a DatabaseUnavailableError (answered 503), a refused statement a
 * StatementError (its SQLSTATE and name, never its parameters). Anything
 * else is passed on as it is.
 */
export function guardDialect(inner: Dialect): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new GuardedDriver(inner.createDriver()),
    createIntrospector: (db) => inner.createIntrospector(db),
    createQueryCompiler: () => inner.createQueryCompiler(),
  };
}

function guarded(err: unknown, sql: string | null): unknown {
  const unavailable = asUnavailable(err);
  if (unavailable) return unavailable;
  if (isSqlError(err) && !(err instanceof StatementError))
    return new StatementError(err, sql ?? "");
  return err;
}

class GuardedConnection implements DatabaseConnection {
  constructor(readonly inner: DatabaseConnection) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(compiled);
    } catch (err) {
      throw guarded(err, compiled.sql);
    }
  }

  async *streamQuery<R>(
    compiled: CompiledQuery,
    chunkSize?: number,
  ): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(compiled, chunkSize);
    } catch (err) {
      throw guarded(err, compiled.sql);
    }
  }
}

type Compile = QueryCompiler["compileQuery"];

class GuardedDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    try {
      return new GuardedConnection(await this.inner.acquireConnection());
    } catch (err) {
      // Whatever refuses a new connection for want of a server is "unavailable" (55000 too).
      throw asUnavailable(err, true) ?? err;
    }
  }

  // Transaction control goes through the guarded connection, so its errors are mapped there.
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: Compile): Promise<void> {
    if (!this.inner.savepoint) throw new Error("This engine has no savepoints");
    await this.inner.savepoint(connection, name, compile);
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Compile,
  ): Promise<void> {
    if (!this.inner.rollbackToSavepoint) throw new Error("This engine has no savepoints");
    await this.inner.rollbackToSavepoint(connection, name, compile);
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Compile,
  ): Promise<void> {
    if (!this.inner.releaseSavepoint) throw new Error("This engine has no savepoints");
    await this.inner.releaseSavepoint(connection, name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as GuardedConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
