import { describe, expect, it } from "vitest";
import { dayBefore, nearestValidDate } from "./validity.ts";

describe("dates against a validity interval", () => {
  it("names the day before, across a year's end and a leap day", () => {
    expect(dayBefore("2027-01-01")).toBe("2026-12-31");
    expect(dayBefore("2028-03-01")).toBe("2028-02-29");
  });

  it("keeps a date inside the interval and moves one outside to its nearest day", () => {
    expect(nearestValidDate("2026-06-01", "2022-07-01", "2027-01-01")).toBe("2026-06-01");
    expect(nearestValidDate("2027-03-01", "2022-07-01", "2027-01-01")).toBe("2026-12-31");
    expect(nearestValidDate("2026-12-03", "2027-01-01", null)).toBe("2027-01-01");
    expect(nearestValidDate("2030-01-01", "2027-01-01", null)).toBe("2030-01-01");
  });
});
