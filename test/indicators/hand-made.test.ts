import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIndicators, type Indicators } from "../../src/indicators/assemble.ts";
import { entryId } from "../../src/indicators/cube.ts";
import { periodOfLabel } from "../../src/indicators/service.ts";
import { rowOf } from "../../src/indicators/values.ts";
import { readmissionStandard } from "../../src/indicators/values-store.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import { expectBothPathsAgree } from "../support/admission-paths.ts";
import {
  hospitalIdNamed,
  insertCitizen,
  insertStay,
  type StaySpec,
} from "../support/indicator-fixture.ts";
import { structureDatabase } from "../support/server.ts";

/**
 * Each indicator on a handful of stays made by hand, through the whole path:
 * the tables, the maintenance (triggers, admissions, monthly cells) and the
 * service's unsuppressed table. The expected values are worked out in the
 * comments. The clock is fixed after all the data, so the test means the
 * same on any day.
 */

const NOW = new Date("2027-03-01T12:00:00+01:00");
let database: DatabaseHandle;
let indicators: Indicators;
let slagelse: string;
let bispebjerg: string;

const citizen = (p: Parameters<typeof insertCitizen>[1]) => insertCitizen(database.db, p);
const stay = (citizenId: string, p: Omit<StaySpec, "hospital"> & { hospital?: string }) =>
  insertStay(database.db, citizenId, { ...p, hospital: p.hospital ?? slagelse });

/** The raw (unsuppressed) entry of a unit in a period's table. */
async function entry(
  indicator: string,
  period: string,
  unit: string,
  band = "",
  group = "",
  attribution: "residence" | "hospital" = "residence",
) {
  const svc = indicators.service;
  const kind = period.includes("Q") ? "quarter" : period.length === 4 ? "year" : "month";
  const spec = svc.specOf(indicator);
  const t = await svc.table(
    spec,
    periodOfLabel(kind, period),
    attribution,
    spec.sectors[0] ?? null,
  );
  return t.cube.entries.get(entryId(unit, band, group)) ?? null;
}

beforeAll(async () => {
  database = await structureDatabase();
  slagelse = await hospitalIdNamed(database.db, "Slagelse");
  bispebjerg = await hospitalIdNamed(database.db, "Bispebjerg");
  indicators = createIndicators({ db: database.db, clock: () => NOW });

  // A (70, Næstved): 08–16, then a transfer 3 h later 19:00 → next day 10:00: ONE acute admission in January.
  const a = await citizen({ born: "1955-06-01", municipality: "370" });
  await stay(a, { from: "2026-01-10T08:00:00+01:00", to: "2026-01-10T16:00:00+01:00" });
  await stay(a, {
    from: "2026-01-10T19:00:00+01:00",
    to: "2026-01-11T10:00:00+01:00",
    hospital: bispebjerg,
  });
  // B (30, Næstved): 11 hours is no admission.
  const b = await citizen({ born: "1995-06-01", municipality: "370" });
  await stay(b, { from: "2026-01-12T08:00:00+01:00", to: "2026-01-12T19:00:00+01:00" });
  // C (85, Slagelse): dies during the admission: counted as admission, never an index.
  const c = await citizen({
    born: "1940-06-01",
    municipality: "330",
    diedAt: "2026-01-08T10:00:00+01:00",
  });
  await stay(c, { from: "2026-01-05T10:00:00+01:00", to: "2026-01-08T10:00:00+01:00", died: true });
  // D (50, Næstved): index ends 2 Feb 08:00; acute readmission exactly 30 days later (4 Mar 08:00): readmitted.
  const d = await citizen({ born: "1976-01-01", municipality: "370", sex: "male" });
  await stay(d, { from: "2026-02-01T08:00:00+01:00", to: "2026-02-02T08:00:00+01:00" });
  await stay(d, { from: "2026-03-04T08:00:00+01:00", to: "2026-03-05T08:00:00+01:00" });
  // E (50, Næstved): the same, 30 days and 1 minute later: not readmitted.
  const e = await citizen({ born: "1976-01-01", municipality: "370", sex: "male" });
  await stay(e, { from: "2026-02-01T08:00:00+01:00", to: "2026-02-02T08:00:00+01:00" });
  await stay(e, { from: "2026-03-04T08:01:00+01:00", to: "2026-03-05T08:00:00+01:00" });
  // F (72, Næstved): index in Slagelse, readmitted 10 days later at Bispebjerg (another cluster): readmitted.
  const f = await citizen({ born: "1954-01-01", municipality: "370" });
  await stay(f, {
    from: "2026-02-10T08:00:00+01:00",
    to: "2026-02-12T08:00:00+01:00",
    ready: "2026-02-10T20:00:00+01:00",
  });
  await stay(f, {
    from: "2026-02-22T08:00:00+01:00",
    to: "2026-02-23T08:00:00+01:00",
    hospital: bispebjerg,
    diagnosis: "J18.9",
  });
  // G (40): lives in Næstved, moves to København on 1 March 2026; admitted in February and in April.
  const g = await citizen({ born: "1986-01-01", municipality: "370" });
  await database.db.transaction().execute(async (tx) => {
    await sql`select set_config('tovholder.today', '2026-03-01', true)`.execute(tx);
    await tx
      .updateTable("citizen")
      .set({ homeMunicipalityCode: "101" })
      .where("id", "=", g)
      .execute();
  });
  await stay(g, {
    from: "2026-02-15T08:00:00+01:00",
    to: "2026-02-16T08:00:00+01:00",
    acute: false,
  });
  await stay(g, {
    from: "2026-04-15T08:00:00+02:00",
    to: "2026-04-16T08:00:00+02:00",
    acute: false,
  });
  // H (60, Næstved): admitted 30 December 2026, discharged 3 January 2027: across the change.
  const h = await citizen({ born: "1966-01-01", municipality: "370" });
  await stay(h, {
    from: "2026-12-30T08:00:00+01:00",
    to: "2027-01-03T08:00:00+01:00",
    acute: false,
  });

  await indicators.maintenance.rebuildAll();
}, 120_000);

afterAll(async () => {
  await database.close();
});

describe("admissions, by hand", () => {
  it("joins a transfer 3 hours later into one admission and ignores a stay of 11 hours", async () => {
    // January, Næstved: A's two stays = 1 admission; B's 11 hours = none. Slagelse: C = 1.
    expect((await entry("admissions", "2026-01", "municipality:370"))?.numerator).toBe(1);
    expect((await entry("admissions", "2026-01", "municipality:370", "65-79"))?.numerator).toBe(1);
    expect(
      (await entry("admissions", "2026-01", "municipality:370", "18-64"))?.numerator ?? 0,
    ).toBe(0);
    expect((await entry("admissions", "2026-01", "municipality:330"))?.numerator).toBe(1);
    // Both stays of A count as one admission at the first hospital (Slagelse), not at Bispebjerg.
    const byHospital = await entry(
      "admissions",
      "2026-01",
      `hospital:${bispebjerg}`,
      "",
      "",
      "hospital",
    );
    expect(byHospital?.numerator ?? 0).toBe(0);
  });

  it("counts residents alive on the period's first day as the denominator", async () => {
    // Næstved on 1 January 2026: A, B, D, E, F, G, H = 7 (C lives in Slagelse).
    expect((await entry("admissions", "2026-01", "municipality:370"))?.denominator).toBe(7);
    // Slagelse on 1 February: C died on 8 January, so nobody.
    expect((await entry("admissions", "2026-02", "municipality:330"))?.denominator ?? 0).toBe(0);
  });

  it("follows a citizen who moves: February in Næstved, April in København", async () => {
    // February, Næstved: D, E, F (two: 10 Feb and 22 Feb), G = 5 admissions.
    expect((await entry("admissions", "2026-02", "municipality:370"))?.numerator).toBe(5);
    expect((await entry("admissions", "2026-04", "municipality:101"))?.numerator).toBe(1);
    expect((await entry("admissions", "2026-04", "municipality:370"))?.numerator ?? 0).toBe(0);
    // Populations: G counts in Næstved on 1 February (7 − C's 0 = 7) and in København on 1 April.
    expect((await entry("admissions", "2026-04", "municipality:370"))?.denominator).toBe(6);
  });

  it("places a period with the structure of its first day, across the 2027 change", async () => {
    // H's admission starts 30 Dec 2026: December belongs to the cluster of Næstved.
    const december = await entry("admissions", "2026-12", "body:naestved-slagelse");
    expect(december?.numerator).toBe(1);
    expect(december?.ref.bodyKind).toBe("sundhedsklynge");
    // It ends on 3 January 2027: the index belongs to the council in January.
    const january = await entry(
      "acute-readmission-30d",
      "2027-01",
      "body:sundhedsraad-midt-og-vestsjaelland",
    );
    expect(january?.denominator).toBe(1);
    expect(january?.ref.bodyKind).toBe("sundhedsraad");
    // The municipality's own series runs through the change.
    expect((await entry("admissions", "2026-12", "municipality:370"))?.numerator).toBe(1);
  });
});

describe("acute readmission within 30 days, by hand", () => {
  it("counts exactly 30 days, not 30 days and a minute, and a readmission in another cluster", async () => {
    // Indexes ending in February in Næstved: D, E, F(1st: 12 Feb), F(2nd: 23 Feb), G = 5.
    // Readmitted: D (exactly 30 days), F's first (10 days, at Bispebjerg) = 2. E is 30 d + 1 min.
    const feb = await entry("acute-readmission-30d", "2026-02", "municipality:370");
    expect(feb?.denominator).toBe(5);
    expect(feb?.numerator).toBe(2);
  });

  it("standardises for age and sex against the country's indexes of the same year", async () => {
    const spec = indicators.service.specOf("acute-readmission-30d");
    // The 2026 standard, the country's indexes by stratum: 18-64|male 4 (D and E, two each),
    // 65-79|female 3 (A, F twice), 18-64|female 2 (G twice); 9 in all. (H's ends in 2027, C died.)
    const standard = await readmissionStandard(database.db, "2026");
    expect(Object.fromEntries([...standard].map(([k, v]) => [k, v.persons]))).toEqual({
      "18-64|male": 4,
      "65-79|female": 3,
      "18-64|female": 2,
    });
    const shown = { rows: new Set<string>(), denominators: new Set<string>() };
    const rowIn = async (kind: "month" | "year", label: string, unit: string) => {
      const t = await indicators.service.table(spec, periodOfLabel(kind, label), "residence", null);
      const id = entryId(unit, "", "");
      const e = t.cube.entries.get(id);
      if (!e) throw new Error(`no ${id}`);
      const ctx = { spec, period: label, periodStart: "", sector: null, hidden: shown, standard };
      return rowOf(ctx, id, e);
    };
    // Næstved, February: 18-64|male 1 of 2 (D, E), 65-79|female 1 of 2 (F), 18-64|female 0 of 1 (G).
    // Crude 2/5 = 0.4; standardised (4 × 1/2 + 3 × 1/2 + 2 × 0) / 9 = 3.5/9.
    const feb = await rowIn("month", "2026-02", "municipality:370");
    expect(feb.value).toBeCloseTo(0.4, 12);
    expect(feb.standardisedValue).toBeCloseTo(3.5 / 9, 12);
    // The country's own year is its standard: standardised equals crude, 2 of 9.
    const year = await rowIn("year", "2026", "country:DK");
    expect(year.value).toBeCloseTo(2 / 9, 12);
    expect(year.standardisedValue).toBeCloseTo(2 / 9, 12);
  });

  it("never takes a death during the admission as an index", async () => {
    // C died during her January admission: Slagelse has no index in January.
    expect(
      (await entry("acute-readmission-30d", "2026-01", "municipality:330"))?.denominator ?? 0,
    ).toBe(0);
    // A's admission in January is an index (not readmitted): 1 index, 0 readmitted.
    const jan = await entry("acute-readmission-30d", "2026-01", "municipality:370");
    expect([jan?.numerator, jan?.denominator]).toEqual([0, 1]);
  });
});

describe("preventable admissions and days after medically ready, by hand", () => {
  it("counts acute admissions of the 65+ with a diagnosis on the list, by group", async () => {
    // F (72) was acutely admitted with J18.9 on 22 February: lower respiratory. Others: I50.9, not on the list.
    const feb = await entry("preventable-admissions-65", "2026-02", "municipality:370");
    expect(feb?.numerator).toBe(1);
    const group = await entry(
      "preventable-admissions-65",
      "2026-02",
      "municipality:370",
      "",
      "lower-respiratory",
    );
    expect(group?.numerator).toBe(1);
    // Denominator: residents 65+ on 1 February in Næstved: A (70), F (72) = 2.
    expect(feb?.denominator).toBe(2);
  });

  it("counts started days after medically ready at discharge, with the charge", async () => {
    // F: ready 10 Feb 20:00, discharged 12 Feb 08:00 = 36 h = 2 started days.
    // Charge: 2 × 1,976 (regional) + 2 × 1,976 (state, days 1–2) = 7,904 kr.
    const feb = await entry("medically-ready-days", "2026-02", "municipality:370");
    expect(feb?.numerator).toBe(2);
    expect(feb?.amount).toBe(7904);
  });
});

describe("suppression through the API's rows", () => {
  it("hides the counts from 1 to 4 for everyone, and shows the population", async () => {
    const answer = await indicators.service.values({
      indicator: "admissions",
      unit: "municipality",
      code: "370",
      period: "month",
      from: "2026-01-01",
      to: "2026-01-01",
      attribution: "residence",
    });
    expect(answer.rows).toHaveLength(1);
    const [row] = answer.rows;
    expect(row).toMatchObject({ suppressed: true, numerator: null, value: null, ciLow: null });
    expect(row?.denominator).toBe(7);
  });
});

describe("the two paths to the admissions", () => {
  it("gives the full refresh's one statement the per-citizen rules' rows, field by field", async () => {
    expect(await expectBothPathsAgree(database.db, NOW)).toBeGreaterThan(0);
  });
});
