import { describe, expect, it } from "vitest";
import { aggregate, isThin, type PracticeFact } from "../governance/capacity-model.ts";
import { capacityAsOf, syntheticCapacity } from "./demo-capacity.ts";
import { DEMO_SEED } from "./living-demo.ts";

const MUNICIPALITIES = ["329", "330", "340", "370", "101", "147", "751", "851", "461", "561"];
const practices = MUNICIPALITIES.flatMap((code) =>
  Array.from({ length: 30 }, (_, i) => ({
    providerNumber: `${code}${String(i + 1).padStart(3, "0")}`,
    municipalityCode: code,
  })),
);

describe("synthetic GP capacity", () => {
  const facts = syntheticCapacity(DEMO_SEED, practices, "2026-11-01");

  it("is the same for the same seed, different for another, and per practice independent of the others", () => {
    expect(syntheticCapacity(DEMO_SEED, practices, "2026-11-01")).toEqual(facts);
    expect(syntheticCapacity(7, practices, "2026-11-01")).not.toEqual(facts);
    expect(syntheticCapacity(DEMO_SEED, practices.slice(40, 41), "2026-11-01")).toEqual([
      facts[40],
    ]);
  });

  it("has 1–6 doctors, about 1,600 patients per doctor, about a tenth closed", () => {
    expect(
      facts.every((f) => f.doctors >= 1 && f.doctors <= 6 && Number.isInteger(f.doctors)),
    ).toBe(true);
    expect(new Set(facts.map((f) => f.doctors)).size).toBe(6);
    const all = aggregate(facts.map((f, i) => asFact(f, practices[i]?.municipalityCode ?? "")));
    expect(all.patientsPerDoctor).toBeGreaterThan(1500);
    expect(all.patientsPerDoctor).toBeLessThan(1800);
    const closed = facts.filter((f) => f.closedToNew).length / facts.length;
    expect(closed).toBeGreaterThan(0.05);
    expect(closed).toBeLessThan(0.15);
  });

  it("makes some municipalities thin at 1,900, not all", () => {
    const thin = MUNICIPALITIES.filter((code) =>
      isThin(
        aggregate(
          facts.flatMap((f, i) =>
            practices[i]?.municipalityCode === code ? [asFact(f, code)] : [],
          ),
        ),
        1900,
      ),
    );
    expect(thin.length).toBeGreaterThan(0);
    expect(thin.length).toBeLessThan(MUNICIPALITIES.length);
  });

  it("is dated the first of the demo history's month (Danish time)", () => {
    expect(capacityAsOf(Date.parse("2026-11-30T23:30:00Z"))).toBe("2026-12-01");
    expect(capacityAsOf(Date.parse("2026-11-02T09:00:00Z"))).toBe("2026-11-01");
  });
});

function asFact(
  f: ReturnType<typeof syntheticCapacity>[number],
  municipalityCode: string,
): PracticeFact {
  return {
    organisationId: f.providerNumber,
    municipalityCode,
    asOf: f.asOf,
    doctors: f.doctors,
    listedPatients: f.listedPatients,
    closedToNew: f.closedToNew,
    source: "synthetic",
  };
}
