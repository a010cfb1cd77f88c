import { describe, expect, it } from "vitest";
import { planSuccessions, successionMapping } from "./succession.ts";

const D = "2027-01-01";

describe("planSuccessions", () => {
  it("names each municipality whose primary body changes, and only those", () => {
    const closing = [
      { municipalityCode: "370", bodyId: "naestved-slagelse" },
      { municipalityCode: "316", bodyId: "holbaek" },
      { municipalityCode: "999", bodyId: "kept" },
    ];
    const opening = [
      { municipalityCode: "370", bodyId: "sundhedsraad-mv" },
      { municipalityCode: "316", bodyId: "sundhedsraad-mv" },
      { municipalityCode: "999", bodyId: "kept" },
    ];
    expect(planSuccessions(closing, opening, D)).toEqual([
      {
        municipalityCode: "370",
        fromBodyId: "naestved-slagelse",
        toBodyId: "sundhedsraad-mv",
        validFrom: D,
      },
      { municipalityCode: "316", fromBodyId: "holbaek", toBodyId: "sundhedsraad-mv", validFrom: D },
    ]);
  });
});

describe("successionMapping", () => {
  const population: Record<string, number | null> = {
    "370": 85,
    "330": 80,
    "316": 72,
    "350": 28,
    "999": null,
  };
  const s = (code: string, from: string, to: string) => ({
    municipalityCode: code,
    fromBodyId: from,
    toBodyId: to,
    validFrom: D,
  });
  const mapping = successionMapping(
    [
      s("370", "naestved-slagelse", "council-a"),
      s("330", "naestved-slagelse", "council-a"),
      s("316", "holbaek", "council-a"),
      s("350", "roskilde", "council-a"),
      s("999", "roskilde", "council-b"),
    ],
    (code) => population[code] ?? null,
  );

  it("gives a new body its predecessors, the largest share of its population first", () => {
    expect(mapping.predecessors.get("council-a")).toEqual([
      { bodyId: "naestved-slagelse", population: 165, municipalityCodes: ["330", "370"] },
      { bodyId: "holbaek", population: 72, municipalityCodes: ["316"] },
      { bodyId: "roskilde", population: 28, municipalityCodes: ["350"] },
    ]);
  });

  it("gives an ended body its successors; an unknown population weighs nothing", () => {
    expect(mapping.successors.get("roskilde")).toEqual([
      { bodyId: "council-a", population: 28, municipalityCodes: ["350"] },
      { bodyId: "council-b", population: 0, municipalityCodes: ["999"] },
    ]);
  });

  it("breaks a tie by the lower id, so the mapping never depends on order", () => {
    const tie = successionMapping([s("1", "b", "x"), s("2", "a", "x")], () => 10);
    expect(tie.predecessors.get("x")?.map((p) => p.bodyId)).toEqual(["a", "b"]);
  });
});
