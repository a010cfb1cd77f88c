import { describe, expect, it } from "vitest";
import { canMove, DEFAULT_RULES, deadlineOf, escalationDueAt, ruleProblems } from "./model.ts";
import { localToUtc } from "./service-time.ts";

describe("handover rules", () => {
  it("accepts the defaults", () => {
    expect(ruleProblems(DEFAULT_RULES.municipality)).toEqual([]);
    expect(ruleProblems(DEFAULT_RULES["general-practice"])).toEqual([]);
  });

  it("refuses a ladder with a gap or a negative interval, naming the step", () => {
    const base = DEFAULT_RULES.municipality;
    expect(ruleProblems({ ...base, ladder: [{ afterMinutes: 30, target: "receiver" }] })).toEqual([
      expect.objectContaining({
        field: "ladder.0.afterMinutes",
        reason: expect.stringContaining("gap"),
      }),
    ]);
    expect(
      ruleProblems({
        ...base,
        ladder: [
          { afterMinutes: 0, target: "receiver" },
          { afterMinutes: -10, target: "body-coordinator" },
        ],
      }),
    ).toEqual([
      { field: "ladder.1.afterMinutes", reason: "must not be negative", problem: "stepNegative" },
    ]);
    expect(ruleProblems({ ...base, ladder: [] })[0]?.field).toBe("ladder");
    expect(
      ruleProblems({
        ...base,
        hours: { weekday: { start: "16:00", end: "08:00" }, weekend: null },
      })[0],
    ).toEqual({
      field: "hours.weekday",
      reason: "must end after it starts",
      problem: "hoursBackwards",
    });
    expect(ruleProblems({ ...base, deadlineMinutes: 0 })[0]?.field).toBe("deadlineMinutes");
  });

  it("sets the municipality's deadline four daytime hours after discharge, and escalates after it", () => {
    const discharged = new Date(localToUtc("2026-11-18", "20:30"));
    const deadline = deadlineOf(discharged, DEFAULT_RULES.municipality);
    // 1.5 h on Wednesday evening, 2.5 h from 07:00 on Thursday.
    expect(deadline.toISOString()).toBe(new Date(localToUtc("2026-11-19", "09:30")).toISOString());
    const steps = [0, 1, 2, 3].map(
      (i) => escalationDueAt(deadline, DEFAULT_RULES.municipality, i)?.toISOString() ?? null,
    );
    expect(steps).toEqual([
      new Date(localToUtc("2026-11-19", "09:30")).toISOString(),
      new Date(localToUtc("2026-11-19", "10:30")).toISOString(),
      new Date(localToUtc("2026-11-19", "12:30")).toISOString(),
      null,
    ]);
  });

  it("lets only an open handover be confirmed or declined", () => {
    expect(canMove("open", "confirmed")).toBe(true);
    expect(canMove("open", "declined")).toBe(true);
    expect(canMove("confirmed", "declined")).toBe(false);
    expect(canMove("closed", "confirmed")).toBe(false);
    expect(canMove("declined", "closed")).toBe(true);
  });
});
