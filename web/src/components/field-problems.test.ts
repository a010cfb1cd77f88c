import { describe, expect, it } from "vitest";
import { inputOf, reasonsByInput } from "./field-problems";

describe("which input a server's field problem belongs to", () => {
  const inputs = ["note", "ladder", "ladder.1", "hours.weekday"];

  it("is the input of the same name", () => {
    expect(inputOf("note", inputs)).toBe("note");
  });

  it("is the nearest input the field lies under", () => {
    expect(inputOf("ladder.1.afterMinutes", inputs)).toBe("ladder.1");
    expect(inputOf("ladder.2.target", inputs)).toBe("ladder");
    expect(inputOf("hours.weekday.start", inputs)).toBe("hours.weekday");
    expect(inputOf("ladder[1]", inputs)).toBe("ladder.1");
  });

  it("is none for a field the form has no input for, or a name that only starts alike", () => {
    expect(inputOf("deadlineMinutes", inputs)).toBeNull();
    expect(inputOf("notes", inputs)).toBeNull();
    expect(inputOf("hours", inputs)).toBeNull();
  });

  it("joins an input's reasons and keeps the unclaimed ones for the summary", () => {
    const { byInput, unclaimed } = reasonsByInput(
      [
        { field: "note", reason: "too long" },
        { field: "note", reason: "has a control character" },
        { field: "other", reason: "is required" },
      ],
      inputs,
    );
    expect(byInput.get("note")).toBe("too long; has a control character");
    expect(unclaimed).toEqual([{ field: "other", reason: "is required" }]);
  });
});
