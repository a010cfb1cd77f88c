import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCitizenAccess } from "../../src/access/citizen-access.ts";
import { defaultAccessPolicy } from "../../src/access/model.ts";
import { insertUser } from "../../src/access/store.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createCitizenService } from "../../src/citizens/service.ts";
import { factsOf, factsOfMany, grantConsent, insertStay } from "../../src/citizens/store.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import { structureDatabase } from "../support/server.ts";

/**
 * A worklist reads the access facts of a page of citizens in one query (stays
 * and consents as JSON); the access rules must see exactly what the one-citizen
 * read gives them, dates as dates.
 */

let database: DatabaseHandle;
const cipher = createCipher(randomBytes(32));

beforeAll(async () => {
  database = await structureDatabase();
});
afterAll(() => database.close());

describe("the facts of many citizens", () => {
  it("are those of each citizen read alone, with the sealed name that opens to theirs", async () => {
    const db = database.db;
    const citizens = createCitizenService(db, cipher, createCitizenAccess(db, defaultAccessPolicy));
    const { id: withHistory } = await citizens.register({
      cpr: "0101801234",
      name: "Fakta Fiktiv",
      homeMunicipalityCode: "370",
      listedPracticeId: null,
      synthetic: true,
    });
    const { id: withNothing } = await citizens.register({
      cpr: "0202802345",
      name: "Tom Tomsen",
      homeMunicipalityCode: "330",
      listedPracticeId: null,
      synthetic: true,
    });
    const hospital = await db.selectFrom("hospital").select("id").executeTakeFirstOrThrow();
    await insertStay(db, {
      citizenId: withHistory,
      hospitalId: hospital.id,
      admittedAt: new Date("2026-03-29T00:30:00Z"),
      dischargedAt: new Date("2026-04-02T10:15:00.123Z"),
    });
    await insertStay(db, {
      citizenId: withHistory,
      hospitalId: hospital.id,
      admittedAt: new Date("2026-11-20T08:00:00Z"),
      dischargedAt: null,
    });
    const relative = await insertUser(db, {
      username: "facts-relative",
      displayName: "Pårørende",
      kind: "relative",
    });
    await grantConsent(db, {
      citizenId: withHistory,
      relativeUserId: relative.id,
      expiresAt: new Date("2027-01-01T00:00:00Z"),
    });

    const { facts, sealedNames } = await factsOfMany(db, [withHistory, withNothing]);
    const byAdmission = <T extends { admittedAt: Date }>(xs: T[]) =>
      [...xs].sort((a, b) => a.admittedAt.getTime() - b.admittedAt.getTime());
    for (const id of [withHistory, withNothing]) {
      const alone = await factsOf(db, id);
      const many = facts.get(id);
      expect(many).toBeDefined();
      expect({ ...many, stays: byAdmission(many?.stays ?? []) }).toEqual({
        ...alone,
        stays: byAdmission(alone?.stays ?? []),
      });
    }
    expect(facts.get(withHistory)?.stays[0]?.admittedAt).toBeInstanceOf(Date);
    expect(facts.get(withHistory)?.consents).toHaveLength(1);
    expect(cipher.decrypt(sealedNames.get(withHistory) ?? "")).toBe("Fakta Fiktiv");
    expect(await factsOfMany(db, [])).toEqual({ facts: new Map(), sealedNames: new Map() });
  });
});
