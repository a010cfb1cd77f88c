import type pg from "pg";

/**
 * Server-side prepared statements for a pooled PostgreSQL connection.
 *
 * Kysely sends every query unnamed, so PostgreSQL parses and plans it each
 * time; for the short index lookups of a worklist request that is about as
 * much work as running them. A connection given `cacheStatements` names each
 * parameterised statement the first time it sees its text, so that later
 * runs skip parsing and, once PostgreSQL settles on a generic plan, planning.
 *
 * A prepared statement outlives schema changes made by another process (a
 * deploy migrating while this one still serves). PostgreSQL then refuses it
 * ("cached plan must not change result type"); the connection forgets the
 * name and, outside a transaction, runs the query again under a new one.
 */
export function cacheStatements(client: pg.Client, limit = MAX_STATEMENTS_PER_CONNECTION): void {
  const names = new Map<string, string>();
  let sequence = 0;
  const send = client.query.bind(client) as (...args: unknown[]) => unknown;

  const nameFor = (text: string) => {
    const known = names.get(text);
    if (known !== undefined || names.size >= limit) return known;
    sequence += 1;
    const name = `tov_${sequence}`;
    names.set(text, name);
    return name;
  };

  // Only the promise form Kysely uses (text and values); anything else passes through.
  const cached = (...args: unknown[]): unknown => {
    const [config, values] = args;
    if (
      args.length !== 2 ||
      typeof config !== "string" ||
      !Array.isArray(values) ||
      !preparable(config, values)
    ) {
      return send(...args);
    }
    const name = nameFor(config);
    if (name === undefined) return send(config, values);
    const idle = client.getTransactionStatus() === "I";
    const first = send({ name, text: config, values }) as Promise<pg.QueryResult>;
    return first.catch((error: { code?: string }) => {
      if (error?.code !== STALE_PLAN) throw error;
      // The old name stays on the server (it cannot be reused for the new plan); a
      // fresh name makes this connection prepare the statement again.
      names.delete(config);
      if (!idle) throw error;
      const retry = nameFor(config);
      return retry === undefined
        ? send(config, values)
        : send({ name: retry, text: config, values });
    });
  };
  (client as unknown as { query: typeof cached }).query = cached;
}

/** Enough for every statement the application sends; more distinct texts go unnamed. */
export const MAX_STATEMENTS_PER_CONNECTION = 500;

/** "cached plan must not change result type" (feature_not_supported). */
const STALE_PLAN = "0A000";

/**
 * Statements with more parameters than this are left unnamed. They are
 * multi-row inserts, whose text changes with the number of rows: each would
 * be prepared once and never run again, holding its plan on the server and a
 * place in the cache that the statements a request repeats then could not get.
 */
export const MAX_PREPARED_PARAMETERS = 64;

/** A single data statement with parameters; transaction control and DDL are left alone. */
function preparable(text: string, values: unknown[]): boolean {
  return (
    values.length > 0 &&
    values.length <= MAX_PREPARED_PARAMETERS &&
    /^\s*(select|insert|update|delete|with)\b/i.test(text)
  );
}
