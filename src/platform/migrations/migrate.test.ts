import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, scratchDatabaseUrl, testEngine } from "../../../test/support/database.ts";
import { type Database, type DatabaseHandle, openDatabase } from "../db/database.ts";
import { migrationProvider } from "./index.ts";
import { migrateToLatest } from "./migrate.ts";

/** The tables the landed migrations create; a new migration adds its own here. */
const expectedTables = [
  // 0001-structure (the cluster tables renamed to body_* by 0016)
  "region",
  "municipality",
  "body",
  "hospital",
  "body_hospital",
  "body_membership",
  "general_practice",
  "organisation",
  "structure_version",
  // 0002-access
  "citizen",
  "hospital_stay",
  "app_user",
  "membership",
  "relative_consent",
  "user_session",
  "login_throttle",
  "api_token",
  "break_glass",
  "audit_log",
  // 0003-pathways
  "inbound_message",
  "stay_notification",
  // 0004-synthetic-facts
  "stay_clinical_fact",
  "home_care_grant",
  // 0005-handovers
  "handover",
  "handover_transition",
  "handover_rule",
  "handover_escalation",
  // 0006-notifications
  "notification",
  "notification_read",
  "webhook",
  "webhook_delivery",
  "webhook_attempt",
  // 0007-organisation-contact
  "organisation_contact",
  // 0014-broker-tokens
  "broker_sender",
  // 0016-bodies
  "regional_committee",
  "body_succession",
  "body_carry_over",
  // 0018-indicators
  "citizen_residence",
  "indicator_admission",
  "indicator_cell",
  "indicator_population",
  "indicator_dirty_citizen",
  "indicator_dirty_month",
  "indicator_state",
  "indicator_month_state",
  // 0024-governance-agreements
  "agreement",
  "agreement_version",
  "agreement_comment",
  // 0025-governance-initiatives
  "initiative",
  "initiative_version",
  // 0023-notification-preference
  "notification_preference",
  // 0022-medical-follow-up
  "medical_follow_up",
  // 0026-gp-capacity
  "gp_capacity_fact",
  "gp_capacity_rule",
  // 0029-governance-meetings
  "meeting",
  "meeting_decision",
  // Kysely's own bookkeeping
  "kysely_migration",
  "kysely_migration_lock",
];

async function tables(db: Database): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return rows.map((r) => r.name);
}

/** Every column of every table with its type and nullability: changes if any DDL runs again. */
async function schemaFingerprint(db: Database): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable as line
    from information_schema.columns where table_schema = 'public'
    order by table_name, ordinal_position`.execute(db);
  return rows.map((r) => r.line);
}

async function recordedMigrations(db: Database): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

const allMigrations = Object.keys(await migrationProvider.getMigrations()).sort();

let database: DatabaseHandle;
let firstRun: string[];

beforeAll(async () => {
  database = await freshDatabase({ migrate: false });
  firstRun = (await migrateToLatest(database.db)).applied;
});
afterAll(async () => database?.close());

describe(`migrations on ${testEngine}`, () => {
  it("apply every migration, in order, on an empty database", () => {
    expect(allMigrations.length).toBeGreaterThan(0);
    expect(firstRun).toEqual(allMigrations);
  });

  it("create every table", async () => {
    expect(await tables(database.db)).toEqual([...expectedTables].sort());
  });

  it("are a no-op the second time: nothing applied, schema and data untouched", async () => {
    await database.db
      .insertInto("region")
      .values({
        code: "1099",
        name: "Testregion",
        validFrom: "2022-07-01",
      })
      .execute();
    const before = await schemaFingerprint(database.db);
    expect(before.length).toBeGreaterThan(expectedTables.length);

    const second = await migrateToLatest(database.db);

    expect(second.applied).toEqual([]);
    expect(await schemaFingerprint(database.db)).toEqual(before);
    expect(await recordedMigrations(database.db)).toEqual(allMigrations);
    const kept = await database.db.selectFrom("region").select("name").execute();
    expect(kept).toEqual([{ name: "Testregion" }]);
  });

  it("are safe when two server instances start against one database at once", async () => {
    const server = process.env.TEST_DATABASE_URL;
    const scratch = server ? await scratchDatabaseUrl(server) : undefined;
    // On PostgreSQL: two pools, as two processes would have. PGlite is one process's
    // own database, so there the two runs share it.
    const first = scratch
      ? await openDatabase({ engine: "postgres", url: scratch.url, poolSize: 2 })
      : await freshDatabase({ migrate: false });
    const second = scratch
      ? await openDatabase({ engine: "postgres", url: scratch.url, poolSize: 2 })
      : first;
    try {
      const runs = await Promise.all([migrateToLatest(first.db), migrateToLatest(second.db)]);
      // Each migration ran exactly once, in one of the two.
      expect(runs.flatMap((r) => r.applied).sort()).toEqual(allMigrations);
      expect(await recordedMigrations(first.db)).toEqual(allMigrations);
      expect(await tables(second.db)).toEqual([...expectedTables].sort());
    } finally {
      await first.close();
      if (second !== first) await second.close();
      await scratch?.drop();
    }
  });
});
