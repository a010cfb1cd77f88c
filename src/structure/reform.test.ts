import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../test/support/database.ts";
import { councilStructureText, referenceStructureText } from "../../test/support/server.ts";
import type { Database, DatabaseHandle } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import { loadStructure } from "./load.ts";
import { createStructureService } from "./service.ts";

/**
 * The 2027 councils loaded on top of the 2022 clusters, on the engine the suite
 * runs on (PGlite, or PostgreSQL with TEST_DATABASE_URL).
 */

let database: DatabaseHandle;
let clusters: string;
let councils: string;

type CouncilFile = {
  asOf: string;
  regions: { code: string }[];
  municipalities: { code: string; regionCode: string }[];
  healthCouncils: { id: string; regionCode: string; municipalityCodes: string[] }[];
};

function editedCouncils(edit: (f: CouncilFile) => void): string {
  const f = JSON.parse(councils) as CouncilFile;
  edit(f);
  return JSON.stringify(f);
}

/** Every row of every structure table, so "nothing was written" can be checked exactly. */
async function fingerprint(db: Database): Promise<string> {
  const tables = [
    "region",
    "regional_committee",
    "municipality",
    "body",
    "body_membership",
    "body_hospital",
    "body_succession",
    "hospital",
    "organisation",
    "structure_version",
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ row: string }>`
      select (t.*)::text as row from ${sql.table(table)} t order by 1`.execute(db);
    parts.push(`${table}:${rows.map((r) => r.row).join("|")}`);
  }
  return parts.join("\n");
}

async function refusal(text: string): Promise<AppError> {
  const err = await loadStructure(database.db, text).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  database = await freshDatabase();
  clusters = await referenceStructureText();
  councils = await councilStructureText();
  await loadStructure(database.db, clusters);
});
afterAll(async () => database?.close());

describe("a later file that breaks a rule is refused, naming the codes, and writes nothing", () => {
  const cases: [string, (f: CouncilFile) => void, string, string[]][] = [
    [
      "drops a municipality",
      (f) => {
        f.municipalities = f.municipalities.filter((m) => m.code !== "360");
        for (const c of f.healthCouncils) {
          c.municipalityCodes = c.municipalityCodes.filter((code) => code !== "360");
        }
      },
      "municipality-dropped",
      ["360"],
    ],
    [
      "puts one in two councils",
      (f) => f.healthCouncils[1]?.municipalityCodes.push("101"),
      "municipality-in-several-bodies",
      ["101"],
    ],
    [
      "names an unknown region",
      (f) => {
        const council = f.healthCouncils.find((c) => c.id === "fyn");
        if (council) council.regionCode = "1089";
      },
      "unknown-region",
      ["1089"],
    ],
    [
      "has a council with no municipalities",
      (f) => {
        f.healthCouncils.push({ ...structuredClone(f.healthCouncils[0]!), id: "tom" });
        f.healthCouncils.at(-1)!.municipalityCodes = [];
      },
      "body-without-municipalities",
      ["sundhedsraad-tom"],
    ],
  ];

  it.each(cases)("%s", async (_name, edit, rule, codes) => {
    const before = await fingerprint(database.db);
    const err = await refusal(editedCouncils(edit));
    expect(err.code).toBe("TOV_ERR_STRUCTURE_INVALID");
    const named = err.errors?.find((e) => e.field === rule);
    expect(named, JSON.stringify(err.errors)).toBeDefined();
    for (const code of codes) expect(named?.reason).toContain(code);
    expect(await fingerprint(database.db)).toBe(before);
  });
});

describe("the councils on top of the clusters", () => {
  it("closes what ends on 2027-01-01 and opens the new region and the councils", async () => {
    const result = await loadStructure(database.db, councils);
    expect(result).toMatchObject({ asOf: "2027-01-01", kind: "sundhedsraad", changed: true });
    expect(result.successions).toHaveLength(98);

    const service = createStructureService(database.db);
    const regions = async (date: string) => (await service.listRegions(date)).map((r) => r.code);
    expect(await regions("2026-12-31")).toEqual(["1081", "1082", "1083", "1084", "1085"]);
    expect(await regions("2027-01-01")).toEqual(["1081", "1082", "1083", "oestdanmark"]);
    const kinds = async (date: string) =>
      (await service.listBodies(date)).map((b) => b.kind).sort();
    expect(new Set(await kinds("2026-12-31"))).toEqual(new Set(["sundhedsklynge"]));
    expect(await kinds("2026-12-31")).toHaveLength(22);
    expect(await kinds("2027-01-01")).toEqual(Array(17).fill("sundhedsraad"));
    // Any date before the change answers as before it.
    expect((await service.getMunicipality("370", "2024-05-01")).body?.id).toBe("naestved-slagelse");
    expect((await service.getMunicipality("370", "2027-01-01")).body?.id).toBe(
      "sundhedsraad-midt-og-vestsjaelland",
    );
  });

  it("keeps every municipality and hospital as the same row, with its history", async () => {
    const { rows: municipalities } = await sql<{ n: number }>`
      select count(*)::int as n from municipality`.execute(database.db);
    expect(municipalities[0]?.n).toBe(98);
    const service = createStructureService(database.db);
    const ids = async (date: string) =>
      (await service.listHospitals(date)).map((h) => `${h.id}:${h.regionCode}`);
    const before = await ids("2026-12-31");
    const after = await ids("2027-01-02");
    expect(before).toHaveLength(21);
    expect(after.map((h) => h.split(":")[0])).toEqual(before.map((h) => h.split(":")[0]));
    expect(before).toContain("slagelse-sygehus:1085");
    expect(after).toContain("slagelse-sygehus:oestdanmark");
    expect(after).toContain("odense-universitetshospital:1083");
  });

  it("ends the clusters' secretariats and the old regions' organisations; opens the councils'", async () => {
    const { rows } = await sql<{ kind: string; ended: string | null; n: number }>`
      select o.kind, o.valid_to::text as ended, count(*)::int as n
      from organisation o where o.kind in ('body_secretariat', 'region')
      group by 1, 2 order by 1, 2`.execute(database.db);
    expect(rows).toEqual([
      { kind: "body_secretariat", ended: "2027-01-01", n: 22 },
      { kind: "body_secretariat", ended: null, n: 17 },
      { kind: "region", ended: "2027-01-01", n: 2 },
      { kind: "region", ended: null, n: 4 },
    ]);
  });

  it("records the documented mapping: Høje-Taastrup from Sundhedsklynge Midt to its council", async () => {
    const row = await database.db
      .selectFrom("bodySuccession")
      .selectAll()
      .where("municipalityCode", "=", "163")
      .executeTakeFirst();
    expect(row).toEqual({
      municipalityCode: "163",
      fromBodyId: "hovedstaden-midt",
      toBodyId: "sundhedsraad-koebenhavns-omegn-nord",
      validFrom: "2027-01-01",
    });
  });

  it("changes nothing when both files are loaded again, in order", async () => {
    const before = await fingerprint(database.db);
    expect((await loadStructure(database.db, clusters)).changed).toBe(false);
    expect((await loadStructure(database.db, councils)).changed).toBe(false);
    expect(await fingerprint(database.db)).toBe(before);
  });

  it("refuses a file dated before the loaded one, as before", async () => {
    const before = await fingerprint(database.db);
    const older = JSON.parse(clusters) as { asOf: string };
    older.asOf = "2025-01-01";
    const err = await refusal(JSON.stringify(older));
    expect(err.code).toBe("TOV_ERR_STRUCTURE_OUTDATED");
    expect(await fingerprint(database.db)).toBe(before);
  });
});
