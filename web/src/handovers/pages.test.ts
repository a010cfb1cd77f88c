import { describe, expect, it } from "vitest";
import { lastPageOffset, PAGE_SIZE, pageNumbers, shownRange } from "./pages";

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

describe("what the pager says is shown", () => {
  it("counts a row kept after its decision, which the list no longer holds", () => {
    expect(shownRange(166, 0, 0)).toEqual({ from: 1, to: 50, total: 166 });
    // Confirmed here: the list now holds 165, the page shows its 50 and the kept row.
    expect(shownRange(165, 0, 1)).toEqual({ from: 1, to: 51, total: 166 });
    expect(shownRange(165, 150, 1)).toEqual({ from: 151, to: 166, total: 166 });
  });

  it("still counts the kept row when it was the last one on the list", () => {
    expect(shownRange(0, 0, 1)).toEqual({ from: 1, to: 1, total: 1 });
    expect(shownRange(0, 0, 0)).toEqual({ from: 0, to: 0, total: 0 });
  });
});
