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
 * Citizens' access facts are read by one SQL expression (stays and consents as
 * JSON), for one citizen or a worklist page of them; the access rules must get
 * them with dates as dates, and the sealed name must open to the citizen's.
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

    const many = await factsOfMany(db, [withHistory, withNothing, withNothing]);
    expect(many).toHaveLength(2);
    const facts = new Map(many.map((c) => [c.facts.citizenId, c.facts]));
    const sealedNames = new Map(many.map((c) => [c.facts.citizenId, c.nameEncrypted]));
    const byAdmission = <T extends { admittedAt: Date }>(xs: T[]) =>
      [...xs].sort((a, b) => a.admittedAt.getTime() - b.admittedAt.getTime());
    const history = facts.get(withHistory);
    expect({ ...history, stays: byAdmission(history?.stays ?? []) }).toEqual({
      citizenId: withHistory,
      homeMunicipalityCode: "370",
      listedPracticeId: null,
      stays: [
        {
          hospitalId: hospital.id,
          admittedAt: new Date("2026-03-29T00:30:00Z"),
          dischargedAt: new Date("2026-04-02T10:15:00.123Z"),
        },
        {
          hospitalId: hospital.id,
          admittedAt: new Date("2026-11-20T08:00:00Z"),
          dischargedAt: null,
        },
      ],
      consents: [
        {
          relativeUserId: relative.id,
          grantedAt: expect.any(Date),
          expiresAt: new Date("2027-01-01T00:00:00Z"),
          revokedAt: null,
        },
      ],
      handovers: [],
      followUps: [],
    });
    expect(facts.get(withNothing)).toEqual({
      citizenId: withNothing,
      homeMunicipalityCode: "330",
      listedPracticeId: null,
      stays: [],
      consents: [],
      handovers: [],
      followUps: [],
    });
    expect(cipher.decrypt(sealedNames.get(withHistory) ?? "")).toBe("Fakta Fiktiv");
    expect(await factsOf(db, withNothing)).toEqual(facts.get(withNothing));
    expect(await factsOf(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await factsOfMany(db, [])).toEqual([]);
  });
});
