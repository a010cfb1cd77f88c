import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addServiceMinutes,
  danishHolidays,
  localDate,
  localToUtc,
  type ServiceHours,
} from "./service-time.ts";

const municipality: ServiceHours = {
  weekday: { start: "07:00", end: "22:00" },
  weekend: { start: "08:00", end: "20:00" },
};
const gp: ServiceHours = { weekday: { start: "08:00", end: "16:00" }, weekend: null };
const at = (date: string, time: string) => localToUtc(date, time);
const iso = (ms: number) => new Date(ms).toISOString();

describe("Danish local time", () => {
  it("converts wall-clock times on both sides of the daylight-saving changes", () => {
    expect(iso(at("2026-03-28", "12:00"))).toBe("2026-03-28T11:00:00.000Z");
    expect(iso(at("2026-03-29", "12:00"))).toBe("2026-03-29T10:00:00.000Z");
    expect(iso(at("2026-10-24", "12:00"))).toBe("2026-10-24T10:00:00.000Z");
    expect(iso(at("2026-10-25", "12:00"))).toBe("2026-10-25T11:00:00.000Z");
    // 02:30 does not exist on 29 March 2026: it moves forward to 03:30 summer time.
    expect(iso(at("2026-03-29", "02:30"))).toBe("2026-03-29T01:30:00.000Z");
    expect(localDate(Date.parse("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
  });

  it("knows the public holidays, without Store bededag from 2024", () => {
    const h2026 = danishHolidays(2026);
    for (const d of [
      "2026-01-01",
      "2026-04-02",
      "2026-04-03",
      "2026-04-06",
      "2026-05-14",
      "2026-05-25",
      "2026-12-25",
      "2026-12-26",
    ])
      expect(h2026.has(d), d).toBe(true);
    expect(danishHolidays(2023).has("2023-05-05")).toBe(true);
    expect(danishHolidays(2024).has("2024-04-26")).toBe(false);
  });
});

describe("deadlines in service time", () => {
  it("counts four daytime hours from a morning discharge", () => {
    expect(iso(addServiceMinutes(at("2026-11-18", "09:00"), 240, municipality))).toBe(
      iso(at("2026-11-18", "13:00")),
    );
  });

  it("moves a late-evening discharge to the next morning", () => {
    expect(iso(addServiceMinutes(at("2026-11-18", "21:00"), 240, municipality))).toBe(
      iso(at("2026-11-19", "10:00")),
    );
    expect(iso(addServiceMinutes(at("2026-11-19", "02:00"), 240, municipality))).toBe(
      iso(at("2026-11-19", "11:00")),
    );
  });

  it("uses the weekend window on Saturdays and holidays", () => {
    // Friday 20 November 2026, 21:00: one hour left Friday, three on Saturday from 08:00.
    expect(iso(addServiceMinutes(at("2026-11-20", "21:00"), 240, municipality))).toBe(
      iso(at("2026-11-21", "11:00")),
    );
    // Christmas Day is a holiday: the weekend window.
    expect(iso(addServiceMinutes(at("2026-12-25", "07:00"), 60, municipality))).toBe(
      iso(at("2026-12-25", "09:00")),
    );
  });

  it("gives a GP two working days, skipping the weekend and Easter", () => {
    // Thursday 19 November 2026, 15:00 → 1 h Thu, 8 h Fri, 7 h Mon → Monday 15:00.
    expect(iso(addServiceMinutes(at("2026-11-19", "15:00"), 16 * 60, gp))).toBe(
      iso(at("2026-11-23", "15:00")),
    );
    // Wednesday before Easter 2026 (1 April), 10:00: 6 h Wednesday; Thursday to Monday are
    // holidays or weekend; 8 h Tuesday; the last 2 h on Wednesday 8 April.
    expect(iso(addServiceMinutes(at("2026-04-01", "10:00"), 16 * 60, gp))).toBe(
      iso(at("2026-04-08", "10:00")),
    );
  });

  it("keeps wall-clock hours across the daylight-saving changes", () => {
    // Saturday 28 March 2026, 19:00 (winter) + 4 service hours: 1 h Saturday, 3 h Sunday (summer).
    expect(iso(addServiceMinutes(at("2026-03-28", "19:00"), 240, municipality))).toBe(
      iso(at("2026-03-29", "11:00")),
    );
    expect(iso(addServiceMinutes(at("2026-10-24", "19:00"), 240, municipality))).toBe(
      iso(at("2026-10-25", "11:00")),
    );
  });

  it("never ends before its start, and longer service time never ends earlier", () => {
    const start = Date.UTC(2024, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 365 * 24 * 60 }),
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 0, max: 600 }),
        (offsetMinutes, minutes, more) => {
          const from = start + offsetMinutes * 60_000;
          const a = addServiceMinutes(from, minutes, gp);
          const b = addServiceMinutes(from, minutes + more, gp);
          return a >= from && b >= a && b - a >= more * 60_000;
        },
      ),
    );
  });
});
