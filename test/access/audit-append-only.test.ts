import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import { freshDatabase, testEngine } from "../support/database.ts";

let database: DatabaseHandle;

const entry = (action: string) => ({
  actorKind: "system" as const,
  action,
  resource: "test",
  outcome: "allowed" as const,
});

async function count(): Promise<number> {
  const row = await database.db
    .selectFrom("auditLog")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  database = await freshDatabase();
  await database.db
    .insertInto("auditLog")
    .values([entry("first"), entry("second")])
    .execute();
});
afterAll(async () => database?.close());

describe(`the audit log (${testEngine})`, () => {
  it("refuses UPDATE, DELETE and TRUNCATE, even for the table's owner", async () => {
    const db = database.db;
    await expect(db.updateTable("auditLog").set({ outcome: "denied" }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(
      db.updateTable("auditLog").set({ action: "x" }).where("action", "=", "first").execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("auditLog").execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log cascade`.execute(db)).rejects.toThrow(/append-only/);

    const rows = await db
      .selectFrom("auditLog")
      .select(["action", "outcome"])
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { action: "first", outcome: "allowed" },
      { action: "second", outcome: "allowed" },
    ]);
  });

  it("still takes new entries", async () => {
    const before = await count();
    await database.db.insertInto("auditLog").values(entry("third")).execute();
    expect(await count()).toBe(before + 1);
  });

  it.runIf(testEngine === "postgres")(
    "refuses changes by an application role that may only insert and read",
    async () => {
      const role = `tovholder_app_test_${randomBytes(4).toString("hex")}`;
      const db = database.db;
      await sql`create role ${sql.id(role)} nologin`.execute(db);
      try {
        await sql`grant insert, select on audit_log to ${sql.id(role)}`.execute(db);
        await db.connection().execute(async (conn) => {
          await sql`set role ${sql.id(role)}`.execute(conn);
          try {
            await conn.insertInto("auditLog").values(entry("as the app")).execute();
            const mine = await conn
              .selectFrom("auditLog")
              .select("action")
              .where("action", "=", "as the app")
              .execute();
            expect(mine).toHaveLength(1);
            await expect(
              conn.updateTable("auditLog").set({ action: "x" }).execute(),
            ).rejects.toThrow(/permission denied/);
            await expect(conn.deleteFrom("auditLog").execute()).rejects.toThrow(
              /permission denied/,
            );
            await expect(sql`truncate audit_log`.execute(conn)).rejects.toThrow(
              /permission denied/,
            );
          } finally {
            await sql`reset role`.execute(conn);
          }

          // Even a mistaken grant does not open the table: the trigger still refuses.
          await sql`grant update, delete, truncate on audit_log to ${sql.id(role)}`.execute(conn);
          await sql`set role ${sql.id(role)}`.execute(conn);
          try {
            await expect(
              conn.updateTable("auditLog").set({ action: "x" }).execute(),
            ).rejects.toThrow(/append-only/);
            await expect(conn.deleteFrom("auditLog").execute()).rejects.toThrow(/append-only/);
            await expect(sql`truncate audit_log`.execute(conn)).rejects.toThrow(/append-only/);
          } finally {
            await sql`reset role`.execute(conn);
          }
        });
      } finally {
        await sql`revoke all on audit_log from ${sql.id(role)}`.execute(db);
        await sql`drop role ${sql.id(role)}`.execute(db);
      }
      expect(await count()).toBe(4);
    },
  );
});
