import { describe, expect, it } from "vitest";
import { centuryFor, formatCpr, normaliseCpr, parseCpr } from "./cpr.ts";

describe("CPR numbers", () => {
  it("take the century from the 7th digit and the year", () => {
    for (const d of [0, 1, 2, 3]) {
      expect(centuryFor(0, d)).toBe(1900);
      expect(centuryFor(99, d)).toBe(1900);
    }
    for (const d of [4, 9]) {
      expect(centuryFor(0, d)).toBe(2000);
      expect(centuryFor(36, d)).toBe(2000);
      expect(centuryFor(37, d)).toBe(1900);
      expect(centuryFor(99, d)).toBe(1900);
    }
    for (const d of [5, 6, 7, 8]) {
      expect(centuryFor(0, d)).toBe(2000);
      expect(centuryFor(57, d)).toBe(2000);
      expect(centuryFor(58, d)).toBe(1800);
      expect(centuryFor(99, d)).toBe(1800);
    }
  });

  it("give the birth date by those rules", () => {
    const born = (cpr: string) => parseCpr(cpr)?.birthDate;
    expect(born("120345-1962")).toBe("1945-03-12");
    expect(born("010136-4001")).toBe("2036-01-01");
    expect(born("010137-4001")).toBe("1937-01-01");
    expect(born("311299-9001")).toBe("1999-12-31");
    expect(born("010157-5000")).toBe("2057-01-01");
    expect(born("010158-8000")).toBe("1858-01-01");
    expect(born("150600-0000")).toBe("1900-06-15");
  });

  it("refuse dates that do not exist, with the century taken into account", () => {
    expect(parseCpr("300201-1234")).toBeNull();
    expect(parseCpr("310401-1234")).toBeNull();
    expect(parseCpr("001001-1234")).toBeNull();
    expect(parseCpr("011301-1234")).toBeNull();
    expect(parseCpr("011001-1234")).not.toBeNull();
    // 29 February: 2000 was a leap year, 1900 was not.
    expect(parseCpr("290200-4000")?.birthDate).toBe("2000-02-29");
    expect(parseCpr("290200-1000")).toBeNull();
  });

  it("give the legal sex by the parity of the last digit", () => {
    for (let last = 0; last <= 9; last++) {
      expect(parseCpr(`120345-196${last}`)?.sex).toBe(last % 2 === 1 ? "male" : "female");
    }
  });

  it("accept the dash or not, and surrounding spaces, and refuse other shapes", () => {
    expect(normaliseCpr("120345-1962")).toBe("1203451962");
    expect(normaliseCpr("1203451962")).toBe("1203451962");
    expect(normaliseCpr(" 120345-1962\n")).toBe("1203451962");
    expect(parseCpr("1203451962")).toEqual(parseCpr("120345-1962"));
    for (const bad of [
      "12034-51962",
      "120345 1962",
      "12034519621",
      "120345-196",
      "abcdef-ghij",
      "",
    ]) {
      expect(normaliseCpr(bad), bad).toBeNull();
      expect(parseCpr(bad), bad).toBeNull();
    }
    expect(formatCpr("1203451962")).toBe("120345-1962");
  });

  it("are not held to the old modulus-11 check", () => {
    // 120345-1962 passes modulus 11; 120345-1963 does not, and is still a valid number.
    expect(parseCpr("120345-1963")).not.toBeNull();
  });
});
