import { describe, expect, it } from "vitest";
import { lastPageOffset, PAGE_SIZE, pageNumbers } from "./pages";

describe("the worklist's pages", () => {
  it("lists every page up to seven", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("leaves pages out around the current one, as DKFDS's pagination does", () => {
    expect(pageNumbers(1, 9)).toEqual([1, 2, 3, 4, 5, "gap-after", 9]);
    expect(pageNumbers(4, 9)).toEqual([1, 2, 3, 4, 5, "gap-after", 9]);
    expect(pageNumbers(5, 9)).toEqual([1, "gap-before", 4, 5, 6, "gap-after", 9]);
    expect(pageNumbers(6, 9)).toEqual([1, "gap-before", 5, 6, 7, 8, 9]);
    expect(pageNumbers(10, 10)).toEqual([1, "gap-before", 6, 7, 8, 9, 10]);
  });

  it("steps back to the last page that still exists", () => {
    expect(lastPageOffset(0)).toBe(0);
    expect(lastPageOffset(PAGE_SIZE)).toBe(0);
    expect(lastPageOffset(PAGE_SIZE + 1)).toBe(PAGE_SIZE);
    expect(lastPageOffset(166)).toBe(150);
  });
});
