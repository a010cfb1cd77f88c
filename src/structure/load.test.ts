import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../test/support/database.ts";
import { referenceStructureText } from "../../test/support/server.ts";
import type { DatabaseHandle } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import { loadStructure } from "./load.ts";
import { createStructureService } from "./service.ts";
import * as store from "./store.ts";

let database: DatabaseHandle;
let reference: string;

type RefFile = {
  asOf: string;
  clusters: { id: string; municipalityCodes: string[]; partialMunicipalityCodes?: string[] }[];
  municipalities: { code: string; regionCode: string }[];
};

function edited(edit: (f: RefFile) => void): string {
  const f = JSON.parse(reference) as RefFile;
  edit(f);
  return JSON.stringify(f);
}

beforeAll(async () => {
  database = await freshDatabase();
  reference = await referenceStructureText();
});
afterAll(async () => database?.close());

async function refusal(text: string): Promise<AppError> {
  const err = await loadStructure(database.db, text).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("loading the structure", () => {
  it("writes nothing when the file breaks a rule, and names the codes", async () => {
    const twoBodies = edited((f) => f.clusters[1]!.municipalityCodes.push("370"));
    const err = await refusal(twoBodies);
    expect(err.code).toBe("TOV_ERR_STRUCTURE_INVALID");
    expect(err.message).toContain("municipality 370 is in");
    expect(await store.counts(database.db)).toMatchObject({
      regions: 0,
      municipalities: 0,
      memberships: 0,
    });

    const noBody = edited((f) => {
      f.clusters[0]!.municipalityCodes = f.clusters[0]!.municipalityCodes.slice(1);
    });
    expect((await refusal(noBody)).message).toContain("municipalities in no body: 201");

    const unknownRegion = edited((f) => {
      f.municipalities[0]!.regionCode = "1090";
    });
    expect((await refusal(unknownRegion)).message).toContain("unknown region code: 1090");

    const duplicate = edited((f) => f.municipalities.push({ ...f.municipalities[5]! }));
    expect((await refusal(duplicate)).message).toMatch(/duplicate municipality code: \d{3}/);
    expect(await store.counts(database.db)).toMatchObject({ regions: 0, bodies: 0 });
  });

  it("loads the reference: 5 regions, 98 municipalities, 22 bodies, one primary body each", async () => {
    const result = await loadStructure(database.db, reference);
    expect(result).toMatchObject({ asOf: "2022-07-01", changed: true });
    expect(await store.counts(database.db)).toMatchObject({
      regions: 5,
      municipalities: 98,
      bodies: 22,
      hospitals: 21,
      memberships: 99,
    });
  });

  it("changes nothing when the same file is loaded twice", async () => {
    const before = await database.db
      .selectFrom("bodyMembership")
      .selectAll()
      .orderBy("id")
      .execute();
    const result = await loadStructure(database.db, reference);
    expect(result.changed).toBe(false);
    // Even a re-serialised (different bytes, same content) file leaves the rows alone.
    const again = await loadStructure(database.db, JSON.stringify(JSON.parse(reference), null, 1));
    expect(again.changed).toBe(true);
    const after = await database.db
      .selectFrom("bodyMembership")
      .selectAll()
      .orderBy("id")
      .execute();
    expect(after).toEqual(before);
  });

  it("keeps København primary in Byen and partial in Syd", async () => {
    const service = createStructureService(database.db);
    const answer = await service.resolveBody("101", "2024-05-01");
    expect(answer).toEqual({
      municipalityCode: "101",
      date: "2024-05-01",
      primaryBodyId: "hovedstaden-byen",
      partialBodyIds: ["hovedstaden-syd"],
    });
    expect((await service.resolveBody("101", "2022-06-30")).primaryBodyId).toBeNull();
  });

  it("versions a later structure: a moved municipality answers by date", async () => {
    const later = edited((f) => {
      f.asOf = "2027-01-01";
      const from = f.clusters.find((c) => c.id === "nykoebing-f")!;
      const to = f.clusters.find((c) => c.id === "naestved-slagelse")!;
      from.municipalityCodes = from.municipalityCodes.filter((c) => c !== "390");
      to.municipalityCodes.push("390");
    });
    await loadStructure(database.db, later);
    const service = createStructureService(database.db);
    expect((await service.resolveBody("390", "2026-12-31")).primaryBodyId).toBe("nykoebing-f");
    expect((await service.resolveBody("390", "2027-01-01")).primaryBodyId).toBe(
      "naestved-slagelse",
    );
    expect((await service.resolveBody("370", "2027-06-01")).primaryBodyId).toBe(
      "naestved-slagelse",
    );

    const err = await refusal(reference);
    expect(err.code).toBe("TOV_ERR_STRUCTURE_OUTDATED");
  });

  it("refuses a second primary membership in the database itself", async () => {
    const err = await database.db
      .insertInto("bodyMembership")
      .values({
        bodyId: "bornholm",
        municipalityCode: "101",
        kind: "primary",
        validFrom: "2023-01-01",
        validTo: null,
      })
      .execute()
      .catch((e: unknown) => e as Error);
    expect(String(err)).toContain("would have two primary bodies");
  });
});
