import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  changeAround,
  changeDates,
  isIsoDate,
  lastDay,
  quickDates,
} from "./dates";

const versions = [
  { asOf: "2027-01-01", summary: {} },
  { asOf: "2022-07-01", summary: {} },
];

describe("the structure's dates", () => {
  it("accepts only real dates in the form YYYY-MM-DD", () => {
    expect(isIsoDate("2027-01-01")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("1.1.2027")).toBe(false);
    expect(isIsoDate("2027-1-1")).toBe(false);
  });

  it("counts days and months across a year's end", () => {
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(lastDay("2027-01-01")).toBe("2026-12-31");
    expect(addMonths("2027-01-01", -3)).toBe("2026-10-01");
    expect(addMonths("2027-01-01", 3)).toBe("2027-04-01");
  });

  it("takes the changes from the loaded versions, not the first one that began the structure", () => {
    expect(changeDates(versions)).toEqual(["2027-01-01"]);
    expect(quickDates(changeDates(versions))).toEqual(["2026-12-31", "2027-01-01"]);
  });

  it("finds the change from 1 October to 31 March, and none outside", () => {
    const changes = ["2027-01-01"];
    expect(changeAround("2026-09-30", changes)).toBeNull();
    expect(changeAround("2026-10-01", changes)).toBe("2027-01-01");
    expect(changeAround("2026-12-03", changes)).toBe("2027-01-01");
    expect(changeAround("2027-03-31", changes)).toBe("2027-01-01");
    expect(changeAround("2027-04-01", changes)).toBeNull();
  });
});
