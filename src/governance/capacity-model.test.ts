import { describe, expect, it } from "vitest";
import { capacityCsv, parseCapacityCsv } from "./capacity-csv.ts";
import {
  aggregate,
  groupBy,
  hasFacts,
  isThin,
  newestOn,
  type PracticeFact,
  thresholdProblem,
} from "./capacity-model.ts";

const fact = (over: Partial<PracticeFact>): PracticeFact => ({
  organisationId: "p1",
  municipalityCode: "370",
  asOf: "2026-10-01",
  doctors: 2,
  listedPatients: 3200,
  closedToNew: false,
  source: "csv-import",
  ...over,
});

describe("aggregation", () => {
  it("takes each practice's newest fact on the date, never one after it", () => {
    const facts = [
      fact({ asOf: "2026-01-01", doctors: 1 }),
      fact({ asOf: "2026-06-01", doctors: 3 }),
      fact({ asOf: "2026-12-01", doctors: 9 }),
      fact({ organisationId: "p2", asOf: "2026-12-02" }),
    ];
    expect(newestOn(facts, "2026-11-30").map((f) => f.doctors)).toEqual([3]);
    expect(newestOn(facts, "2026-12-02").map((f) => f.doctors)).toEqual([9, 2]);
    expect(newestOn(facts, "2025-12-31")).toEqual([]);
  });

  it("sums practices, doctors, patients and closed practices, with dates and sources", () => {
    const area = aggregate([
      fact({ doctors: 2, listedPatients: 3000, asOf: "2026-09-01" }),
      fact({ organisationId: "p2", doctors: 1, listedPatients: 1001, closedToNew: true }),
      fact({ organisationId: "p3", doctors: 3, listedPatients: 6000, source: "synthetic" }),
    ]);
    expect(area).toEqual({
      practices: 3,
      doctors: 6,
      listedPatients: 10001,
      patientsPerDoctor: 1666.8,
      closedPractices: 1,
      oldestAsOf: "2026-09-01",
      newestAsOf: "2026-10-01",
      sources: ["csv-import", "synthetic"],
      synthetic: true,
    });
  });

  it("has no ratio and is never thin without doctors or facts", () => {
    const none = aggregate([]);
    expect(none.patientsPerDoctor).toBeNull();
    expect(none.synthetic).toBe(false);
    expect(isThin(none, 1900)).toBe(false);
  });

  it("has no figures, not zeros, for an area without facts", () => {
    const none = aggregate([]);
    expect(none).toMatchObject({
      practices: null,
      doctors: null,
      listedPatients: null,
      closedPractices: null,
      sources: [],
    });
    expect(hasFacts(none)).toBe(false);
    // A practice that reported no doctors is a fact: counted, but not judged.
    const noDoctors = aggregate([fact({ doctors: 0, listedPatients: 0 })]);
    expect(noDoctors).toMatchObject({ practices: 1, doctors: 0, patientsPerDoctor: null });
    expect(hasFacts(noDoctors)).toBe(true);
    expect(isThin(noDoctors, 1900)).toBe(false);
  });

  it("groups by municipality, leaving out those with no key", () => {
    const groups = groupBy(
      [
        fact({}),
        fact({ organisationId: "p2", municipalityCode: "330" }),
        fact({ organisationId: "p3" }),
      ],
      (f) => (f.municipalityCode === "330" ? null : f.municipalityCode),
    );
    expect([...groups.keys()]).toEqual(["370"]);
    expect(groups.get("370")).toHaveLength(2);
  });
});

describe("the thin-area rule", () => {
  it("is thin above the threshold, not at it: 1,900 vs 1,901 per doctor", () => {
    expect(isThin({ doctors: 1, listedPatients: 1900 }, 1900)).toBe(false);
    expect(isThin({ doctors: 1, listedPatients: 1901 }, 1900)).toBe(true);
    expect(isThin({ doctors: 3, listedPatients: 5700 }, 1900)).toBe(false);
    expect(isThin({ doctors: 3, listedPatients: 5701 }, 1900)).toBe(true);
  });

  it("compares exactly, not on the rounded ratio", () => {
    // 19001 / 10 = 1900.1 and 190001 / 100 = 1900.01 (rounds to 1900.0): both thin.
    expect(isThin({ doctors: 100, listedPatients: 190_001 }, 1900)).toBe(true);
    expect(aggregate([fact({ doctors: 100, listedPatients: 190_001 })]).patientsPerDoctor).toBe(
      1900,
    );
  });

  it("follows the body's own threshold", () => {
    expect(isThin({ doctors: 2, listedPatients: 3500 }, 1700)).toBe(true);
    expect(isThin({ doctors: 2, listedPatients: 3500 }, 1750)).toBe(false);
  });

  it("refuses a threshold that is not a sensible whole number", () => {
    expect(thresholdProblem(1900)).toBeNull();
    expect(thresholdProblem(1900.5)).toMatch(/whole number/);
    expect(thresholdProblem(0)).toMatch(/between/);
    expect(thresholdProblem(-5)).toMatch(/between/);
    expect(thresholdProblem(10_001)).toMatch(/between/);
  });
});

describe("the capacity CSV", () => {
  const header = "provider_number;doctors;listed_patients;closed_to_new;as_of";

  it("reads a good file with ; or , , quotes, a BOM and Danish or English yes/no", () => {
    const semi = parseCapacityCsv(
      `\uFEFF${header}\r\n370043;3;5120;nej;2026-11-01\r\n"370044";1;2100;Ja;2026-11-01\r\n`,
    );
    expect(semi).toEqual({
      rows: [
        {
          line: 2,
          provider_number: "370043",
          doctors: 3,
          listed_patients: 5120,
          closed_to_new: false,
          as_of: "2026-11-01",
        },
        {
          line: 3,
          provider_number: "370044",
          doctors: 1,
          listed_patients: 2100,
          closed_to_new: true,
          as_of: "2026-11-01",
        },
      ],
    });
    const comma = parseCapacityCsv(
      "as_of,provider_number,doctors,listed_patients,closed_to_new\n2026-01-31,1,2,0,no\n",
    );
    expect("rows" in comma && comma.rows[0]).toMatchObject({
      doctors: 2,
      listed_patients: 0,
      closed_to_new: false,
    });
  });

  it("names each bad row and column, and returns no rows then", () => {
    const result = parseCapacityCsv(
      [
        header,
        "370043;3;5120;nej;2026-11-01",
        "370044;0;2100;ja;2026-11-01",
        "370045;-2;-1;kanske;2026-13-01",
        "abc;2;x;nej;",
        "370043;3;5120;nej;2026-11-01",
      ].join("\n"),
    );
    expect("problems" in result).toBe(true);
    if (!("problems" in result)) return;
    const named = result.problems.map((p) => `${p.line}:${p.column}`);
    expect(named).toEqual([
      "3:doctors",
      "4:doctors",
      "4:listed_patients",
      "4:closed_to_new",
      "4:as_of",
      "5:provider_number",
      "5:listed_patients",
      "5:as_of",
      "6:provider_number",
    ]);
    expect(result.problems[0]?.reason).toBe("must be at least 1 doctor");
    expect(result.problems.find((p) => p.line === 4 && p.column === "doctors")?.reason).toBe(
      "must be at least 1 doctor",
    );
    expect(result.problems.at(-1)?.reason).toBe("repeats the practice and date of line 2");
  });

  it("refuses a file whose header lacks a column or has an unknown one", () => {
    const result = parseCapacityCsv("provider_number;doctors;patients;as_of\n1;1;1;2026-01-01\n");
    expect("problems" in result && result.problems.map((p) => `${p.line}:${p.column}`)).toEqual([
      "1:patients",
      "1:listed_patients",
      "1:closed_to_new",
    ]);
  });

  it("refuses a file with a header only", () => {
    const result = parseCapacityCsv(`${header}\n\n`);
    expect("problems" in result && result.problems[0]?.reason).toBe("the file has no rows");
  });

  it("writes the rows, quoting a name that holds the separator", () => {
    const capacity = aggregate([fact({ source: "synthetic" })]);
    const text = capacityCsv(
      [{ municipalityCode: "370", municipalityName: "Næstved; syd", capacity, thin: false }],
      1900,
    );
    const [head, row] = text.split("\r\n");
    expect(head?.split(";")).toContain("patients_per_doctor");
    expect(row).toBe(
      '370;"Næstved; syd";1;2;3200;1600;0;2026-10-01;2026-10-01;synthetic;true;false;1900',
    );
  });
});
