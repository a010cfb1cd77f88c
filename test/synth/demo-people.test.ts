import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createAdminService, operator } from "../../src/access/admin-service.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { demoClockStart, startDemoClock } from "../../src/synth/demo-clock.ts";
import { seedDemo } from "../../src/synth/demo-seed.ts";
import { structureDatabase } from "../support/server.ts";

/**
 * Issue 19, point 5: the demo's people make sense on either side of 1 January
 * 2027. Its coordinator and lead act for the body that holds Næstved on the
 * seed's date (a demo seeded in December gets the cluster's, whose memberships
 * the change carries over; one seeded in January the council's), and its
 * committee member sits in that body's region. And the demo's clock never runs
 * back over what an earlier run with the same demo date has written.
 */

async function demoPeopleSeededOn(iso: string) {
  const database = await structureDatabase();
  try {
    await seedDemo(database.db, createCipher(randomBytes(32)), {
      now: Date.parse(iso),
      activity: false,
    });
    const users = await createAdminService(database.db).listUsers(operator("test"));
    const organisations = await database.db
      .selectFrom("organisation")
      .select(["id", "kind", "bodyId", "regionCode"])
      .where("kind", "in", ["body_secretariat", "region"])
      .execute();
    const of = (username: string) =>
      users
        .find((u) => u.username === username)
        ?.memberships.map((m) => {
          const o = organisations.find((x) => x.id === m.organisationId);
          return [m.role, o?.kind === "region" ? o.regionCode : o?.bodyId] as const;
        })
        .filter(([, place]) => place !== undefined);
    return {
      coordinator: of("demo.klyngekoordinator"),
      lead: of("demo.klyngeleder"),
      committee: of("demo.udvalg"),
    };
  } finally {
    await database.close();
  }
}

describe("the demo's people across 1 January 2027", () => {
  it("act for the cluster when the demo is seeded in 2026", async () => {
    expect(await demoPeopleSeededOn("2026-12-31T22:50:00Z")).toEqual({
      coordinator: [["coordinator", "naestved-slagelse"]],
      lead: [["body_lead", "naestved-slagelse"]],
      committee: [["committee_member", "1085"]],
    });
  });

  it("act for the council when the demo is seeded in 2027", async () => {
    expect(await demoPeopleSeededOn("2027-01-05T09:00:00Z")).toEqual({
      coordinator: [["coordinator", "sundhedsraad-midt-og-vestsjaelland"]],
      lead: [["body_lead", "sundhedsraad-midt-og-vestsjaelland"]],
      committee: [["committee_member", "oestdanmark"]],
    });
  });
});

describe("the demo's clock", () => {
  const demoDate = new Date("2026-12-31T22:50:00Z");

  it("starts at the demo date, and resumes later where the same demo date had come to", () => {
    expect(demoClockStart(demoDate, null)).toBe(demoDate.getTime());
    const reached = { demoDate: demoDate.toISOString(), reachedAt: "2026-12-31T23:20:00.000Z" };
    expect(demoClockStart(demoDate, reached)).toBe(Date.parse("2026-12-31T23:20:00Z"));
    // Another demo date starts anew.
    const other = new Date("2026-06-01T08:00:00Z");
    expect(demoClockStart(other, reached)).toBe(other.getTime());
  });

  it("keeps where it came to in the data directory", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "tovholder-demo-clock-"));
    try {
      const first = await startDemoClock(dataDir, demoDate);
      expect(first.resumed).toBe(false);
      expect(Math.abs(first.clock().getTime() - demoDate.getTime())).toBeLessThan(5_000);
      await new Promise((r) => setTimeout(r, 50));
      await first.stop();
      const second = await startDemoClock(dataDir, demoDate);
      expect(second.resumed).toBe(true);
      expect(second.clock().getTime()).toBeGreaterThan(demoDate.getTime());
      await second.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
