import { describe, expect, it } from "vitest";
import {
  AGE_BANDS,
  ageBandOf,
  ageOn,
  danishDate,
  danishMidnight,
  monthsOf,
  parsePeriodLabel,
  periodEnd,
  periodOf,
  periodStart,
  periodsBetween,
} from "./periods.ts";

const HOUR = 3_600_000;

describe("Danish dates of instants", () => {
  it("reads a winter instant at +1", () => {
    // 2026-02-28T23:00Z + 1 h = 2026-03-01 00:00 Danish; one minute earlier is 23:59 on 28 Feb.
    expect(danishDate(new Date("2026-02-28T23:00:00Z"))).toBe("2026-03-01");
    expect(danishDate(new Date("2026-02-28T22:59:00Z"))).toBe("2026-02-28");
  });

  it("reads a summer instant at +2", () => {
    // 2026-06-30T22:00Z + 2 h = 2026-07-01 00:00 Danish; 21:59Z is 23:59 on 30 June.
    expect(danishDate(new Date("2026-06-30T22:00:00Z"))).toBe("2026-07-01");
    expect(danishDate(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06-30");
  });
});

describe("Danish midnight", () => {
  it("begins March 2026 at 23:00Z and April 2026 at 22:00Z", () => {
    // 1 March is winter: 00:00 - 1 h = 28 Feb 23:00Z. 1 April is summer: 00:00 - 2 h = 31 Mar 22:00Z.
    expect(danishMidnight("2026-03-01").toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(danishMidnight("2026-04-01").toISOString()).toBe("2026-03-31T22:00:00.000Z");
  });

  it("gives the clock-change days 23 and 25 hours", () => {
    // 29 Mar 2026: the clocks go forward at 02:00, so its midnight is still winter (23:00Z on the 28th)
    // and the next is summer (22:00Z on the 29th): 23 h. 25 Oct 2026: 22:00Z on the 24th to 23:00Z
    // on the 25th: 25 h.
    const spring = danishMidnight("2026-03-29");
    const autumn = danishMidnight("2026-10-25");
    expect(spring.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(autumn.toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect((danishMidnight("2026-03-30").getTime() - spring.getTime()) / HOUR).toBe(23);
    expect((danishMidnight("2026-10-26").getTime() - autumn.getTime()) / HOUR).toBe(25);
  });

  it("makes March 2026 one hour short of 31 days", () => {
    // periodStart/End of "2026-03" are 1 Mar and 1 Apr; 31 * 24 - 1 (clocks forward) = 743 h.
    const from = danishMidnight(periodStart("month", "2026-03"));
    const to = danishMidnight(periodEnd("month", "2026-03"));
    expect((to.getTime() - from.getTime()) / HOUR).toBe(743);
  });

  it("refuses dates that do not exist or are badly written", () => {
    expect(() => danishMidnight("2026-02-29")).toThrow(RangeError);
    expect(() => danishMidnight("2026-3-1")).toThrow(RangeError);
  });
});

describe("period labels", () => {
  it("labels a date by month, quarter and year", () => {
    // 31 Mar is month 3, quarter ceil(3/3) = 1; 1 Apr is quarter ceil(4/3) = 2; 31 Dec quarter 4.
    expect((["month", "quarter", "year"] as const).map((k) => periodOf(k, "2026-03-31"))).toEqual([
      "2026-03",
      "2026-Q1",
      "2026",
    ]);
    expect(periodOf("quarter", "2026-04-01")).toBe("2026-Q2");
    expect(periodOf("quarter", "2026-12-31")).toBe("2026-Q4");
  });

  it("starts and ends periods, the end being the first day after", () => {
    // Dec 2026 runs to 1 Jan 2027; Q4 is Oct–Dec; Feb 2024 (leap) ends at 1 Mar.
    expect([periodStart("month", "2026-12"), periodEnd("month", "2026-12")]).toEqual([
      "2026-12-01",
      "2027-01-01",
    ]);
    expect([periodStart("quarter", "2026-Q4"), periodEnd("quarter", "2026-Q4")]).toEqual([
      "2026-10-01",
      "2027-01-01",
    ]);
    expect([periodStart("quarter", "2027-Q2"), periodEnd("quarter", "2027-Q2")]).toEqual([
      "2027-04-01",
      "2027-07-01",
    ]);
    expect([periodStart("year", "2026"), periodEnd("year", "2026")]).toEqual([
      "2026-01-01",
      "2027-01-01",
    ]);
    expect(periodEnd("month", "2024-02")).toBe("2024-03-01");
  });

  it("refuses a label of another kind", () => {
    expect(() => periodStart("month", "2026-Q1")).toThrow(RangeError);
    expect(() => periodEnd("year", "2026-03")).toThrow(RangeError);
  });

  it("parses the three label forms and nothing else", () => {
    expect(parsePeriodLabel("2026-03")).toEqual({ kind: "month", label: "2026-03" });
    expect(parsePeriodLabel("2026-Q1")).toEqual({ kind: "quarter", label: "2026-Q1" });
    expect(parsePeriodLabel("2026")).toEqual({ kind: "year", label: "2026" });
    for (const bad of ["2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-3", "26", "2026-03-01"])
      expect(parsePeriodLabel(bad), bad).toBeNull();
  });

  it("lists the months of a period", () => {
    // Q4 = Oct, Nov, Dec; a year has 12 months from January; a month is itself.
    expect(monthsOf("quarter", "2026-Q4")).toEqual(["2026-10", "2026-11", "2026-12"]);
    const year = monthsOf("year", "2026");
    expect([year.length, year[0], year[11]]).toEqual([12, "2026-01", "2026-12"]);
    expect(monthsOf("month", "2027-01")).toEqual(["2027-01"]);
  });
});

describe("periods between two dates", () => {
  it("keeps the months whose first day lies in [from, to]", () => {
    // 1 Jan < 15 Jan is out; 1 Feb, 1 Mar in; 1 Apr = to is in (inclusive).
    expect(periodsBetween("month", "2026-01-15", "2026-04-01")).toEqual([
      "2026-02",
      "2026-03",
      "2026-04",
    ]);
  });

  it("crosses year ends for quarters and years", () => {
    // Quarter starts 2026-01-01 … 2027-01-01 all lie in range; 2027-04-01 > 2027-03-31.
    expect(periodsBetween("quarter", "2026-01-01", "2027-03-31")).toEqual([
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
      "2027-Q1",
    ]);
    // 2025-01-01 < 2025-06-01 is out; 2026-01-01 and 2027-01-01 are in.
    expect(periodsBetween("year", "2025-06-01", "2027-01-01")).toEqual(["2026", "2027"]);
  });

  it("is empty when no period starts in the range", () => {
    // No month starts between 2 and 31 January; from after to gives nothing.
    expect(periodsBetween("month", "2026-01-02", "2026-01-31")).toEqual([]);
    expect(periodsBetween("month", "2026-05-01", "2026-04-01")).toEqual([]);
  });
});

describe("age", () => {
  it("counts completed years, turning on the birthday", () => {
    // Born 1946-06-15: on 2026-06-14 the 80th birthday is one day away: 2026 - 1946 - 1 = 79.
    expect(ageOn("1946-06-15", "2026-06-14")).toBe(79);
    expect(ageOn("1946-06-15", "2026-06-15")).toBe(80);
    expect(ageOn("2026-01-10", "2026-01-10")).toBe(0);
  });

  it("puts a 29 February birthday on 1 March in non-leap years", () => {
    // Born 2008-02-29: 2026 has no 29 Feb, so 28 Feb is still 17 and 1 Mar is 18.
    // 2028 is a leap year: 28 Feb is 19, 29 Feb is 20.
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
    expect(ageOn("2008-02-29", "2028-02-28")).toBe(19);
    expect(ageOn("2008-02-29", "2028-02-29")).toBe(20);
  });

  it("refuses a date before birth", () => {
    expect(() => ageOn("2026-05-02", "2026-05-01")).toThrow(RangeError);
  });

  it("bands ages at 17/18, 64/65 and 79/80", () => {
    const bands = [0, 17, 18, 64, 65, 79, 80, 104].map(ageBandOf);
    expect(bands).toEqual(["0-17", "0-17", "18-64", "18-64", "65-79", "65-79", "80+", "80+"]);
    expect(AGE_BANDS).toEqual(["0-17", "18-64", "65-79", "80+"]);
  });

  it("bands from an age computed on the period's first day", () => {
    // Born 1946-01-02: on 2026-01-01 (first day of 2026) still 79 → 65-79, though 80 a day later.
    expect(ageBandOf(ageOn("1946-01-02", periodStart("year", "2026")))).toBe("65-79");
    expect(ageBandOf(ageOn("1946-01-01", periodStart("year", "2026")))).toBe("80+");
  });

  it("refuses an age that is negative or not whole", () => {
    expect(() => ageBandOf(-1)).toThrow(RangeError);
    expect(() => ageBandOf(17.5)).toThrow(RangeError);
  });
});
