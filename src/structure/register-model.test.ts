import { describe, expect, it } from "vitest";
import { newUnitSchema, parseUnitsCsv, validateUnits } from "./register-model.ts";

const department = {
  sorCode: "123456789012",
  name: "Medicinsk afdeling",
  kind: "hospital_department",
  hospitalId: "slagelse-sygehus",
};

describe("a new unit", () => {
  it("accepts a department, a municipal unit and a practice with their links", () => {
    expect(newUnitSchema.safeParse(department).success).toBe(true);
    expect(
      newUnitSchema.safeParse({
        sorCode: "12345678901",
        name: "Visitation",
        kind: "municipal_unit",
        municipalityCode: "370",
        unitType: "visitation",
        gln: "5799990000033",
      }).success,
    ).toBe(true);
    expect(
      newUnitSchema.safeParse({
        sorCode: "12345678901",
        name: "Lægehuset",
        kind: "general_practice",
        providerNumber: "123456",
        municipalityCode: "370",
      }).success,
    ).toBe(true);
  });

  const refusals: [string, Record<string, unknown>, string, RegExp][] = [
    ["a short SOR code", { ...department, sorCode: "1234" }, "sorCode", /at least 11 digits/],
    [
      "a GLN with a wrong check digit",
      { ...department, gln: "5799990000010" },
      "gln",
      /check digit/,
    ],
    [
      "a department without a hospital",
      { ...department, hospitalId: "" },
      "hospitalId",
      /required for a hospital department/,
    ],
    [
      "a municipal unit without a municipality",
      { ...department, kind: "municipal_unit" },
      "municipalityCode",
      /required for a municipal unit/,
    ],
    [
      "a practice without a provider number",
      { ...department, kind: "general_practice", municipalityCode: "370" },
      "providerNumber",
      /required/,
    ],
    ["an unknown kind", { ...department, kind: "pharmacy" }, "kind", /must be one of/],
  ];
  for (const [what, input, field, reason] of refusals) {
    it(`refuses ${what}, naming the field`, () => {
      const r = newUnitSchema.safeParse(input);
      expect(r.success).toBe(false);
      const issue = r.error?.issues.find((i) => i.path.join(".") === field);
      expect(issue?.message).toMatch(reason);
    });
  }
});

describe("a CSV file of units", () => {
  it("reads semicolons or commas, quotes and a BOM, with line numbers", () => {
    const csv =
      '\uFEFFsor_code;name;kind;hospital_id\r\n123456789012;"Medicinsk; afd. ""M1""";hospital_department;slagelse-sygehus\r\n\r\n';
    expect(parseUnitsCsv(csv)).toEqual({
      rows: [
        {
          line: 2,
          data: {
            sorCode: "123456789012",
            name: 'Medicinsk; afd. "M1"',
            kind: "hospital_department",
            hospitalId: "slagelse-sygehus",
          },
        },
      ],
      errors: [],
    });
    expect(parseUnitsCsv("sor_code,name,colour\n1,a,b").errors[0]).toMatchObject({
      line: 1,
      field: "colour",
    });
  });

  it("treats an empty cell as not given, so optional columns may be left blank", () => {
    const csv =
      "sor_code;name;kind;unit_type;municipality_code\n22233344455566;Visitationen;municipal_unit;;329";
    const { rows } = parseUnitsCsv(csv);
    expect(rows[0]?.data).not.toHaveProperty("unitType");
    expect(validateUnits(rows).errors).toEqual([]);
  });

  it("checks every row and reports each problem by line, and a SOR code twice", () => {
    const { units, errors } = validateUnits([
      { line: 2, data: department },
      { line: 3, data: { ...department, sorCode: "12" } },
      { line: 4, data: department },
    ]);
    expect(units).toHaveLength(1);
    expect(errors).toEqual([
      {
        line: 3,
        in: "file",
        field: "sorCode",
        reason: "must be a SOR code: at least 11 digits",
        i18n: { key: "structure.register.sorCode" },
      },
      {
        line: 4,
        in: "file",
        field: "sorCode",
        reason: "repeats the SOR code of line 2",
        i18n: { key: "structure.register.repeatedSor", values: { line: 2 } },
      },
    ]);
  });
});
