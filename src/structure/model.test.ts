import { describe, expect, it } from "vitest";
import {
  checkStructure,
  hospitalIdFromName,
  type Membership,
  planMemberships,
  resolveCluster,
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

  it("names a municipality placed in two clusters", () => {
    const f = file();
    f.clusters[2]!.municipalityCodes.push("147");
    const problems = checkStructure(f);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: "municipality-in-several-clusters", codes: ["147"] });
    expect(problems[0]!.message).toContain("byen and naestved");
  });

  it("names a municipality in no cluster", () => {
    const f = file();
    f.clusters[0]!.municipalityCodes = ["101"];
    expect(checkStructure(f)).toEqual([
      expect.objectContaining({ rule: "municipality-in-no-cluster", codes: ["147"] }),
    ]);
  });

  it("names an unknown region, from municipalities and clusters alike", () => {
    const f = file();
    f.municipalities[2]!.regionCode = "1099";
    f.clusters[2]!.regionCode = "1098";
    expect(checkStructure(f)).toEqual([
      expect.objectContaining({ rule: "unknown-region", codes: ["1098", "1099"] }),
    ]);
  });

  it("names duplicate codes of every kind", () => {
    const f = file();
    f.municipalities.push({ ...f.municipalities[0]! });
    f.regions.push({ ...f.regions[0]! });
    f.clusters.push({ ...f.clusters[1]!, municipalityCodes: [], partialMunicipalityCodes: [] });
    const problems = checkStructure(f).filter((p) => p.rule === "duplicate-code");
    expect(problems.map((p) => p.codes)).toEqual([["1084"], ["101"], ["syd"]]);
  });

  it("names a cluster that refers to a municipality that does not exist", () => {
    const f = file();
    f.clusters[2]!.municipalityCodes.push("999");
    expect(checkStructure(f)).toEqual([
      expect.objectContaining({ rule: "unknown-municipality", codes: ["999"] }),
    ]);
  });

  it("refuses a partial membership in the municipality's own primary cluster", () => {
    const f = file();
    f.clusters[0]!.partialMunicipalityCodes = ["147"];
    expect(checkStructure(f)[0]).toMatchObject({ rule: "partial-same-as-primary", codes: ["147"] });
  });
});

describe("resolveCluster", () => {
  const memberships: Membership[] = [
    {
      clusterId: "a",
      municipalityCode: "370",
      kind: "primary",
      validFrom: "2022-07-01",
      validTo: "2027-01-01",
    },
    {
      clusterId: "b",
      municipalityCode: "370",
      kind: "primary",
      validFrom: "2027-01-01",
      validTo: null,
    },
    {
      clusterId: "c",
      municipalityCode: "370",
      kind: "partial",
      validFrom: "2022-07-01",
      validTo: null,
    },
  ];

  it("answers nothing before the structure began", () => {
    expect(resolveCluster(memberships, "370", "2022-06-30")).toMatchObject({
      primaryClusterId: null,
      partialClusterIds: [],
    });
  });

  it("treats valid_from as inclusive and valid_to as exclusive", () => {
    expect(resolveCluster(memberships, "370", "2022-07-01").primaryClusterId).toBe("a");
    expect(resolveCluster(memberships, "370", "2026-12-31").primaryClusterId).toBe("a");
    expect(resolveCluster(memberships, "370", "2027-01-01").primaryClusterId).toBe("b");
  });

  it("reports partial memberships beside the primary one", () => {
    expect(resolveCluster(memberships, "370", "2024-01-01").partialClusterIds).toEqual(["c"]);
  });

  it("refuses to pick between two primary clusters", () => {
    const broken = [...memberships, { ...memberships[0]!, clusterId: "z" }];
    expect(() => resolveCluster(broken, "370", "2023-01-01")).toThrow(/2 primary clusters/);
  });
});

describe("planMemberships", () => {
  const open: Membership[] = [
    {
      clusterId: "a",
      municipalityCode: "370",
      kind: "primary",
      validFrom: "2022-07-01",
      validTo: null,
    },
  ];

  it("keeps everything when the same structure is loaded again", () => {
    const plan = planMemberships(
      open,
      [{ clusterId: "a", municipalityCode: "370", kind: "primary" }],
      "2022-07-01",
    );
    expect(plan.map((c) => c.action)).toEqual(["keep"]);
  });

  it("closes the old membership and opens a new one when a municipality moves", () => {
    const plan = planMemberships(
      open,
      [{ clusterId: "b", municipalityCode: "370", kind: "primary" }],
      "2027-01-01",
    );
    expect(plan).toEqual([
      { action: "close", membership: open[0], validTo: "2027-01-01" },
      {
        action: "open",
        membership: {
          clusterId: "b",
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
