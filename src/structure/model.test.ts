import { describe, expect, it } from "vitest";
import {
  checkStructure,
  hospitalIdFromName,
  type Membership,
  planMemberships,
  resolveBody,
  type StructureFile,
  structureFileSchema,
} from "./model.ts";

function file(overrides: Partial<StructureFile> = {}): StructureFile {
  return structureFileSchema.parse({
    asOf: "2022-07-01",
    regions: [
      { code: "1084", name: "Region Hovedstaden", committee: "SSU H" },
      { code: "1085", name: "Region Sjælland", committee: "SSU S" },
    ],
    municipalities: [
      { code: "101", name: "København", regionCode: "1084" },
      { code: "147", name: "Frederiksberg", regionCode: "1084" },
      { code: "370", name: "Næstved", regionCode: "1085" },
    ],
    clusters: [
      {
        id: "byen",
        name: "Byen",
        regionCode: "1084",
        municipalityCodes: ["101", "147"],
        verified: true,
        acuteHospitals: [{ name: "Bispebjerg og Frederiksberg Hospital" }],
      },
      {
        id: "syd",
        name: "Syd",
        regionCode: "1084",
        municipalityCodes: [],
        partialMunicipalityCodes: ["101"],
        verified: true,
      },
      {
        id: "naestved",
        name: "Næstved",
        regionCode: "1085",
        municipalityCodes: ["370"],
        verified: false,
      },
    ],
    ...overrides,
  });
}

describe("checkStructure", () => {
  it("accepts a consistent structure with a partial membership", () => {
    expect(checkStructure(file())).toEqual([]);
  });

  it("names a municipality placed in two bodies", () => {
    const f = file();
    f.bodies[2]!.municipalityCodes.push("147");
    const problems = checkStructure(f);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: "municipality-in-several-bodies", codes: ["147"] });
    expect(problems[0]!.message).toContain("byen and naestved");
  });

  it("names a municipality in no body", () => {
    const f = file();
    f.bodies[0]!.municipalityCodes = ["101"];
    expect(checkStructure(f)).toEqual([
      expect.objectContaining({ rule: "municipality-in-no-body", codes: ["147"] }),
    ]);
  });

  it("names an unknown region, from municipalities and bodies alike", () => {
    const f = file();
    f.municipalities[2]!.regionCode = "1099";
    f.bodies[2]!.regionCode = "1098";
    expect(checkStructure(f)).toEqual([
      expect.objectContaining({ rule: "unknown-region", codes: ["1098", "1099"] }),
    ]);
  });

  it("names duplicate codes of every kind", () => {
    const f = file();
    f.municipalities.push({ ...f.municipalities[0]! });
    f.regions.push({ ...f.regions[0]! });
    f.bodies.push({ ...f.bodies[1]!, municipalityCodes: [], partialMunicipalityCodes: [] });
    const problems = checkStructure(f).filter((p) => p.rule === "duplicate-code");
    expect(problems.map((p) => p.codes)).toEqual([["1084"], ["101"], ["syd"]]);
  });

  it("names a body that refers to a municipality that does not exist", () => {
    const f = file();
    f.bodies[2]!.municipalityCodes.push("999");
    expect(checkStructure(f)).toEqual([
      expect.objectContaining({ rule: "unknown-municipality", codes: ["999"] }),
    ]);
  });

  it("refuses a partial membership in the municipality's own primary body", () => {
    const f = file();
    f.bodies[0]!.partialMunicipalityCodes = ["147"];
    expect(checkStructure(f)[0]).toMatchObject({ rule: "partial-same-as-primary", codes: ["147"] });
  });
});

describe("resolveBody", () => {
  const memberships: Membership[] = [
    {
      bodyId: "a",
      municipalityCode: "370",
      kind: "primary",
      validFrom: "2022-07-01",
      validTo: "2027-01-01",
    },
    {
      bodyId: "b",
      municipalityCode: "370",
      kind: "primary",
      validFrom: "2027-01-01",
      validTo: null,
    },
    {
      bodyId: "c",
      municipalityCode: "370",
      kind: "partial",
      validFrom: "2022-07-01",
      validTo: null,
    },
  ];

  it("answers nothing before the structure began", () => {
    expect(resolveBody(memberships, "370", "2022-06-30")).toMatchObject({
      primaryBodyId: null,
      partialBodyIds: [],
    });
  });

  it("treats valid_from as inclusive and valid_to as exclusive", () => {
    expect(resolveBody(memberships, "370", "2022-07-01").primaryBodyId).toBe("a");
    expect(resolveBody(memberships, "370", "2026-12-31").primaryBodyId).toBe("a");
    expect(resolveBody(memberships, "370", "2027-01-01").primaryBodyId).toBe("b");
  });

  it("reports partial memberships beside the primary one", () => {
    expect(resolveBody(memberships, "370", "2024-01-01").partialBodyIds).toEqual(["c"]);
  });

  it("refuses to pick between two primary bodies", () => {
    const broken = [...memberships, { ...memberships[0]!, bodyId: "z" }];
    expect(() => resolveBody(broken, "370", "2023-01-01")).toThrow(/2 primary bodies/);
  });
});

describe("planMemberships", () => {
  const open: Membership[] = [
    {
      bodyId: "a",
      municipalityCode: "370",
      kind: "primary",
      validFrom: "2022-07-01",
      validTo: null,
    },
  ];

  it("keeps everything when the same structure is loaded again", () => {
    const plan = planMemberships(
      open,
      [{ bodyId: "a", municipalityCode: "370", kind: "primary" }],
      "2022-07-01",
    );
    expect(plan.map((c) => c.action)).toEqual(["keep"]);
  });

  it("closes the old membership and opens a new one when a municipality moves", () => {
    const plan = planMemberships(
      open,
      [{ bodyId: "b", municipalityCode: "370", kind: "primary" }],
      "2027-01-01",
    );
    expect(plan).toEqual([
      { action: "close", membership: open[0], validTo: "2027-01-01" },
      {
        action: "open",
        membership: {
          bodyId: "b",
          municipalityCode: "370",
          kind: "primary",
          validFrom: "2027-01-01",
          validTo: null,
        },
      },
    ]);
  });
});

describe("hospitalIdFromName", () => {
  it("spells out Danish letters", () => {
    expect(hospitalIdFromName("Sjællands Universitetshospital, Køge")).toBe(
      "sjaellands-universitetshospital-koege",
    );
    expect(hospitalIdFromName("Aalborg Universitetshospital, Thisted")).toBe(
      "aalborg-universitetshospital-thisted",
    );
  });
});
