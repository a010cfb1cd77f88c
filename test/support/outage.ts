import pg from "pg";

/**
 * Outages of one scratch database, made from the admin connection (the
 * server's `test` database, which stays reachable): its backends terminated,
 * new connections refused and allowed again. It acts only on a database whose
 * name says a test made it, never on another helper's or on `test` itself.
 */
export function outageOf(serverUrl: string, scratchUrl: string) {
  const name = new URL(scratchUrl).pathname.slice(1);
  if (!/^tovholder_test_[0-9a-f]+$/.test(name))
    throw new Error(`refusing to break ${name}: not a scratch database`);
  const admin = async <R>(run: (c: pg.Client) => Promise<R>): Promise<R> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  };
  const terminate = (c: pg.Client) =>
    c
      .query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
        [name],
      )
      .then((r) => r.rowCount ?? 0);
  return {
    name,
    /** Ends every connection to the scratch database; answers how many. */
    terminate: () => admin(terminate),
    /** New connections are refused (ALLOW_CONNECTIONS false) and the open ones ended. */
    refuse: () =>
      admin(async (c) => {
        await c.query(`alter database ${name} allow_connections false`);
        return terminate(c);
      }),
    allow: () => admin((c) => c.query(`alter database ${name} allow_connections true`)),
  };
}
