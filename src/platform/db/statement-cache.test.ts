import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDatabaseUrl } from "../../../test/support/database.ts";
import { cacheStatements, MAX_PREPARED_PARAMETERS } from "./statement-cache.ts";

const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)("prepared statements on a PostgreSQL connection", () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabaseUrl>>;
  let client: pg.Client;
  let other: pg.Client;

  beforeAll(async () => {
    scratch = await scratchDatabaseUrl(serverUrl ?? "");
    client = new pg.Client({ connectionString: scratch.url });
    other = new pg.Client({ connectionString: scratch.url });
    await Promise.all([client.connect(), other.connect()]);
    cacheStatements(client, 3);
    await other.query("create table ward (id int primary key, name text)");
    await other.query("insert into ward values (1, 'A'), (2, 'B')");
  });
  afterAll(async () => {
    await Promise.all([client?.end(), other?.end()]);
    await scratch?.drop();
  });

  const prepared = async () =>
    (
      await client.query("select statement from pg_prepared_statements order by prepare_time")
    ).rows.map((r: { statement: string }) => r.statement);

  it("prepares a parameterised statement once and reuses it", async () => {
    for (const id of [1, 2, 1]) await client.query("select name from ward where id = $1", [id]);
    const { rows } = await client.query("select name from ward where id = $1", [2]);
    expect(rows).toEqual([{ name: "B" }]);
    expect(await prepared()).toEqual(["select name from ward where id = $1"]);
  });

  it("leaves statements without parameters, transaction control and DDL unnamed", async () => {
    await client.query("select count(*) from ward");
    await client.query("begin");
    await client.query("create temporary table scratch (a int) on commit drop");
    await client.query("commit");
    expect(await prepared()).toEqual(["select name from ward where id = $1"]);
  });

  it("survives another process changing the table under a prepared statement", async () => {
    await client.query("select * from ward where id = $1", [1]);
    await other.query("alter table ward add column beds int default 12");
    // PostgreSQL refuses the old plan ("cached plan must not change result type"); the
    // connection prepares the statement again and the caller never sees the refusal.
    const { rows } = await client.query("select * from ward where id = $1", [1]);
    expect(rows).toEqual([{ id: 1, name: "A", beds: 12 }]);
  });

  it("inside a transaction, reports the stale plan instead of retrying in an aborted transaction", async () => {
    await client.query("select * from ward where id = $1", [2]);
    await other.query("alter table ward add column floor int default 3");
    await client.query("begin");
    await expect(client.query("select * from ward where id = $1", [2])).rejects.toMatchObject({
      code: "0A000",
    });
    await client.query("rollback");
    // Once the transaction is over, the statement is prepared afresh.
    const { rows } = await client.query("select * from ward where id = $1", [2]);
    expect(rows).toEqual([{ id: 2, name: "B", beds: 12, floor: 3 }]);
  });

  it("leaves statements with many parameters (multi-row inserts, one text per row count) unnamed", async () => {
    const before = await prepared();
    const rows = Array.from({ length: MAX_PREPARED_PARAMETERS + 1 }, (_, i) => 100 + i);
    const values = rows.map((_, i) => `($${i + 1})`).join(", ");
    await client.query(`select * from (values ${values}) as v(id)`, rows);
    expect(await prepared()).toEqual(before);
  });

  it("names no more statements than its limit; the rest run unnamed", async () => {
    for (const column of ["id", "name", "id, name", "name, id"])
      await client.query(`select ${column} from ward where id = $1`, [1]);
    // Three texts named by now: the first test's, `select *` and `select id`.
    const names = await prepared();
    expect(names).toContain("select id from ward where id = $1");
    expect(names).not.toContain("select id, name from ward where id = $1");
    expect(names).not.toContain("select name, id from ward where id = $1");
    const { rows } = await client.query("select name, id from ward where id = $1", [1]);
    expect(rows).toEqual([{ name: "A", id: 1 }]);
  });

  it("passes callback-style queries through untouched", async () => {
    const name = await new Promise<string>((resolve, reject) =>
      client.query("select name from ward where id = $1", [1], (err, result) =>
        err ? reject(err) : resolve(result.rows[0].name),
      ),
    );
    expect(name).toBe("A");
  });
});
