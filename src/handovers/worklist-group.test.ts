import { describe, expect, it } from "vitest";
import {
  DEFAULT_RULES,
  type GroupedHandover,
  type HandoverRule,
  unresolvedAt,
  worklistGroup,
} from "./model.ts";

/** Issue 21 §1: the default worklist's groups, each boundary on both sides. */

const now = new Date("2026-12-04T12:00:00Z");
const ms = (h: number) => h * 3_600_000;
const ago = (hours: number) => new Date(now.getTime() - ms(hours));
const ahead = (hours: number) => new Date(now.getTime() + ms(hours));
const ONE_MS = 1 / 3_600_000;

/** An open handover discharged two days ago, due in two days: the rest, for anyone. */
const base: GroupedHandover = {
  status: "open",
  dischargedAt: ago(48),
  deadlineAt: ahead(48),
  declinedAt: null,
  escalatedToReaderAt: null,
  unresolvedAt: null,
};
const group = (
  h: Partial<GroupedHandover>,
  reader: "receiver" | "hospital" | "body" = "receiver",
) => worklistGroup({ ...base, ...h }, reader, now);

describe("the worklist's groups", () => {
  it("puts an open handover neither new, due soon nor overdue in the rest", () => {
    expect(group({})).toBe("rest");
  });

  it("counts a handover as new for 24 hours after the discharge, not at 24 hours", () => {
    expect(group({ dischargedAt: now })).toBe("today");
    expect(group({ dischargedAt: ago(24 - ONE_MS) })).toBe("today");
    expect(group({ dischargedAt: ago(24) })).toBe("rest");
    // A discharge dated ahead of the clock is not "new since" anything.
    expect(group({ dischargedAt: ahead(1) })).toBe("rest");
  });

  it("counts a deadline as soon within 4 hours, not at 4 hours", () => {
    expect(group({ deadlineAt: ahead(4 - ONE_MS) })).toBe("today");
    expect(group({ deadlineAt: ahead(4) })).toBe("rest");
    // A deadline that is exactly now has not passed.
    expect(group({ deadlineAt: now })).toBe("today");
  });

  it("puts a handover escalated to the reader within a day in today's group", () => {
    const overdue = { deadlineAt: ago(30) };
    expect(group({ ...overdue, escalatedToReaderAt: ago(24 - ONE_MS) })).toBe("today");
    expect(group({ ...overdue, escalatedToReaderAt: ago(24) })).toBe("overdue-days");
    expect(group({ ...overdue, escalatedToReaderAt: null })).toBe("overdue-days");
  });

  it("groups overdue handovers by how long the deadline has passed", () => {
    expect(group({ deadlineAt: ago(ONE_MS) })).toBe("overdue-day");
    expect(group({ deadlineAt: ago(24 - ONE_MS) })).toBe("overdue-day");
    expect(group({ deadlineAt: ago(24) })).toBe("overdue-days");
    expect(group({ deadlineAt: ago(72 - ONE_MS) })).toBe("overdue-days");
    expect(group({ deadlineAt: ago(72) })).toBe("overdue-week");
    expect(group({ deadlineAt: ago(168 - ONE_MS) })).toBe("overdue-week");
    expect(group({ deadlineAt: ago(168) })).toBe("overdue-older");
    expect(group({ deadlineAt: ago(24 * 365) })).toBe("overdue-older");
  });

  it("puts new before overdue: a discharge of this morning already overdue is today's", () => {
    expect(group({ dischargedAt: ago(6), deadlineAt: ago(2) })).toBe("today");
  });

  it("moves an unresolved handover to the unresolved list from the moment it is unresolved", () => {
    const old = { deadlineAt: ago(200), dischargedAt: ago(210) };
    expect(group({ ...old, unresolvedAt: now })).toBe("unresolved");
    expect(group({ ...old, unresolvedAt: ahead(ONE_MS) })).toBe("overdue-older");
    // However new it is: the whole ladder has chased it.
    expect(group({ dischargedAt: ago(7), deadlineAt: ago(6), unresolvedAt: ago(1) })).toBe(
      "unresolved",
    );
  });

  it("leaves a declined handover in the receiver's rest: the receiver has acted", () => {
    expect(group({ status: "declined", declinedAt: ago(1) }, "receiver")).toBe("rest");
  });

  it("gives the hospital and the body a declined handover today for a day, then by the decline's age", () => {
    for (const reader of ["hospital", "body"] as const) {
      expect(group({ status: "declined", declinedAt: ago(24 - ONE_MS) }, reader)).toBe("today");
      expect(group({ status: "declined", declinedAt: ago(24) }, reader)).toBe("overdue-days");
      expect(group({ status: "declined", declinedAt: ago(72) }, reader)).toBe("overdue-week");
      expect(group({ status: "declined", declinedAt: ago(168) }, reader)).toBe("overdue-older");
    }
  });

  it("places no confirmed or closed handover", () => {
    expect(group({ status: "confirmed" })).toBeNull();
    expect(group({ status: "closed" })).toBeNull();
  });
});

describe("when a handover becomes unresolved", () => {
  const deadline = new Date("2026-11-18T13:00:00Z");
  it("gives the default ladder's last rung its own interval after the last step", () => {
    // Municipality: steps at +0, +1 h, +3 h; the department then has 2 hours.
    expect(unresolvedAt(deadline, DEFAULT_RULES.municipality)).toEqual(
      new Date("2026-11-18T18:00:00Z"),
    );
    // GP: steps at +0, +4 h, +12 h; the department then has 8 hours.
    expect(unresolvedAt(deadline, DEFAULT_RULES["general-practice"])).toEqual(
      new Date("2026-11-19T09:00:00Z"),
    );
  });

  it("gives a one-step ladder at least an hour after the reminder", () => {
    const rule: HandoverRule = {
      ...DEFAULT_RULES.municipality,
      ladder: [{ afterMinutes: 0, target: "receiver" }],
    };
    expect(unresolvedAt(deadline, rule)).toEqual(new Date("2026-11-18T14:00:00Z"));
    const shortLast: HandoverRule = {
      ...DEFAULT_RULES.municipality,
      ladder: [
        { afterMinutes: 0, target: "receiver" },
        { afterMinutes: 30, target: "body-coordinator" },
      ],
    };
    expect(unresolvedAt(deadline, shortLast)).toEqual(new Date("2026-11-18T14:30:00Z"));
  });
});
