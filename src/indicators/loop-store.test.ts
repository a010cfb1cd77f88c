import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../platform/db/database.ts";
import { durationBucket } from "./durations.ts";
import { DURATION_BUCKET_SQL } from "./loop-store.ts";

let database: DatabaseHandle;

beforeAll(async () => {
  database = await openDatabase({ engine: "pglite" });
});

afterAll(async () => {
  await database.close();
});

describe("the loop's time buckets, counted in SQL", () => {
  it("puts every time in the bucket durationBucket gives, at and around each edge", async () => {
    const minutes = [
      -3, 0, 0.5, 4.999, 5, 59.99, 60, 1439.99, 1440, 1440.5, 1499.99, 1500, 20159.99, 20160, 20161,
      100000,
    ];
    const rows = await sql<{ minutes: string; bucket: number }>`
      select minutes, ${DURATION_BUCKET_SQL} as bucket
      from unnest(${minutes.map(String)}::numeric[]) as t(minutes)`.execute(database.db);
    expect(rows.rows.map((r) => r.bucket)).toEqual(minutes.map(durationBucket));
  });
});
