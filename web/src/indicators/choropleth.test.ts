import { describe, expect, it } from "vitest";
import { classColours, colourClasses, colourOf } from "./choropleth";

describe("the map's colour classes", () => {
  it("puts about as many units in each of five classes", () => {
    // Ten values, five classes: thresholds at the sorted values with index 2, 4, 6, 8
    // (3, 5, 7, 9), so two values in each class.
    const classes = colourClasses([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    expect(classes.map((c) => c.colour)).toEqual([...classColours]);
  });

  it("colours a value by the class that holds it", () => {
    const classes = colourClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(colourOf(4, classes)).toBe(classColours[1]);
    expect(colourOf(10, classes)).toBe(classColours[4]);
  });

  it("with only two distinct values uses the lightest and the darkest colour", () => {
    // Thresholds at index 1, 2, 3 of [5, 5, 5, 9] are 5, 5, 9: classes {5, 5, 5} and {9}.
    const classes = colourClasses([5, 9, 5, 5]);
    expect(classes).toEqual([
      { from: 5, to: 5, colour: classColours[0] },
      { from: 9, to: 9, colour: classColours[4] },
    ]);
  });

  it("has no classes without values", () => {
    expect(colourClasses([])).toEqual([]);
  });
});
