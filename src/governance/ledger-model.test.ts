import { describe, expect, it } from "vitest";
import {
  type AgreementSource,
  daysInYear,
  daysWithin,
  type InitiativeSource,
  ledgerOf,
  prorate,
  sectorOfName,
} from "./ledger-model.ts";
import type { Commitment, Party } from "./model.ts";

const region = { sector: "region" as const, organisation: "Region Test" };
const naestved = { sector: "municipality" as const, organisation: "Testby Kommune" };
const hospital = { sector: "hospital" as const, organisation: "Testby Sygehus" };

function commitment(over: Partial<Commitment>): Commitment {
  return {
    task: "En opgave (test)",
    responsible: naestved,
    from: "2026-01-01",
    until: null,
    indicatorIds: ["acute-readmission-30d"],
    resources: [],
    handoverRule: null,
    ...over,
  };
}

function agreement(commitments: Commitment[]): AgreementSource {
  return { id: "a1", title: "Aftale (test)", status: "in-force", commitments };
}

const money = (amountOre: number, from: Party = region, to: Party = naestved) =>
  ({ kind: "money", amountOre, currency: "DKK", from, to }) as const;

describe("days and prorating", () => {
  it("counts the year's days and the days in force, both ends included", () => {
    expect(daysInYear(2026)).toBe(365);
    expect(daysInYear(2028)).toBe(366);
    expect(daysWithin(2026, "2026-07-01", null)).toBe(184); // Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31
    expect(daysWithin(2026, "2025-03-01", null)).toBe(365);
    expect(daysWithin(2026, "2026-01-01", "2026-01-31")).toBe(31);
    expect(daysWithin(2026, "2027-01-01", null)).toBe(0);
    expect(daysWithin(2026, "2020-01-01", "2025-12-31")).toBe(0);
  });

  it("rounds to whole øre, halves up", () => {
    expect(prorate(1, 1, 2)).toBe(1); // 0.5 → 1
    expect(prorate(3, 1, 2)).toBe(2); // 1.5 → 2
    expect(prorate(5, 1, 3)).toBe(2); // 1.67 → 2
    expect(prorate(4, 1, 3)).toBe(1); // 1.33 → 1
    // Beyond 2^53 in the intermediate product: no unit lost.
    expect(prorate(9_000_000_000_000_000, 365, 365)).toBe(9_000_000_000_000_000);
  });
});

describe("the ledger of a year", () => {
  it("counts a yearly commitment in force all year in full", () => {
    const l = ledgerOf(
      2027,
      [agreement([commitment({ from: "2026-03-01", resources: [money(185_000_000)] })])],
      [],
    );
    expect(l.rows).toHaveLength(1);
    expect(l.rows[0]).toMatchObject({
      direction: "transferred",
      party: region,
      to: naestved,
      amountOre: 185_000_000,
      days: 365,
    });
    expect(l.parties).toEqual([{ party: region, amountOre: 185_000_000, fteYearHundredths: 0 }]);
    expect(l.flows).toEqual([
      { from: "region", to: "municipality", amountOre: 185_000_000, fteYearHundredths: 0 },
    ]);
  });

  it("counts a commitment from 1 July of a non-leap year as 184/365, rounded to whole øre", () => {
    // 240,000,000 × 184 / 365 = 120,986,301.37 → 120,986,301 øre (1,209,863.01 kr.)
    const l = ledgerOf(
      2026,
      [agreement([commitment({ from: "2026-07-01", resources: [money(240_000_000)] })])],
      [],
    );
    expect(l.rows[0]?.amountOre).toBe(120_986_301);
    expect(l.rows[0]?.days).toBe(184);
  });

  it("leaves out a commitment not in force in the year", () => {
    const l = ledgerOf(
      2026,
      [agreement([commitment({ from: "2027-01-01", resources: [money(100)] })])],
      [],
    );
    expect(l.rows).toEqual([]);
    expect(l.parties).toEqual([]);
  });

  it("keeps staff as FTE, apart from money", () => {
    const l = ledgerOf(
      2026,
      [
        agreement([
          commitment({
            from: "2026-07-01",
            resources: [
              { kind: "staff", fteHundredths: 100, from: hospital, to: naestved },
              money(36_500_000, hospital, naestved),
            ],
          }),
        ]),
      ],
      [],
    );
    const staff = l.rows.find((r) => r.kind === "staff");
    // 1 FTE for 184/365 of the year = 0.5041 FTE-years → 50 hundredths.
    expect(staff).toMatchObject({ amountOre: null, fteHundredths: 100, fteYearHundredths: 50 });
    // 36,500,000 × 184 / 365 = 18,400,000 øre exactly.
    expect(l.parties).toEqual([{ party: hospital, amountOre: 18_400_000, fteYearHundredths: 50 }]);
    expect(l.flows).toEqual([
      { from: "hospital", to: "municipality", amountOre: 18_400_000, fteYearHundredths: 50 },
    ]);
  });

  it("counts a party paying its own part as committed, not as a flow", () => {
    const l = ledgerOf(
      2026,
      [agreement([commitment({ resources: [money(1000, naestved, naestved)] })])],
      [],
    );
    expect(l.rows[0]).toMatchObject({ direction: "committed", to: null, amountOre: 1000 });
    expect(l.flows).toEqual([]);
  });

  it("splits an initiative spanning two years by its days in each", () => {
    // 1 July 2026 – 30 June 2027: 365 days, 184 in 2026 and 181 in 2027.
    const initiative: InitiativeSource = {
      id: "i1",
      title: "Forsøg (test)",
      status: "running",
      content: {
        start: "2026-07-01",
        end: "2027-06-30",
        indicatorId: "acute-readmission-30d",
        budget: [
          { party: "Region Test", amountOre: 36_500_000, currency: "DKK" },
          { party: "Testby Kommune", amountOre: 1_000, currency: "DKK" },
        ],
      },
    };
    const y2026 = ledgerOf(2026, [], [initiative]);
    const y2027 = ledgerOf(2027, [], [initiative]);
    expect(y2026.rows.map((r) => r.amountOre)).toEqual([18_400_000, 504]); // 1000 × 184/365 = 504.1
    expect(y2027.rows.map((r) => r.amountOre)).toEqual([18_100_000, 496]); // 1000 × 181/365 = 495.9
    expect(y2026.rows[0]).toMatchObject({
      source: "initiative",
      direction: "committed",
      party: { sector: "region", organisation: "Region Test" },
      indicatorIds: ["acute-readmission-30d"],
    });
    expect(ledgerOf(2028, [], [initiative]).rows).toEqual([]);
  });
});

describe("an initiative party's sector", () => {
  it("is read from a plain name, else unknown", () => {
    expect(sectorOfName("Region Sjælland")).toBe("region");
    expect(sectorOfName("Næstved Kommune")).toBe("municipality");
    expect(sectorOfName("Slagelse Sygehus")).toBe("hospital");
    expect(sectorOfName("Slagelse Lægehus")).toBe("general-practice");
    expect(sectorOfName("Patientforeningen")).toBeNull();
  });
});
