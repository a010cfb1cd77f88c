import { describe, expect, it } from "vitest";
import { danishOffsetHours, danishTime } from "./danish-time.ts";

const intlOffset = (ms: number) => {
  const local = new Date(new Date(ms).toLocaleString("en-US", { timeZone: "Europe/Copenhagen" }));
  const utc = new Date(new Date(ms).toLocaleString("en-US", { timeZone: "UTC" }));
  return Math.round((local.getTime() - utc.getTime()) / 3_600_000);
};

describe("Danish wall-clock time", () => {
  it("agrees with Intl every 389 minutes across 2020–2030", () => {
    for (let ms = Date.UTC(2020, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 389 * 60_000)
      expect(danishOffsetHours(ms), new Date(ms).toISOString()).toBe(intlOffset(ms));
  });

  it("switches at 01:00 UTC on the last Sundays of March and October", () => {
    expect(danishTime(Date.UTC(2026, 2, 29, 0, 59))).toBe("2026-03-29T01:59:00+01:00");
    expect(danishTime(Date.UTC(2026, 2, 29, 1, 0))).toBe("2026-03-29T03:00:00+02:00");
    expect(danishTime(Date.UTC(2026, 9, 25, 0, 59))).toBe("2026-10-25T02:59:00+02:00");
    expect(danishTime(Date.UTC(2026, 9, 25, 1, 0))).toBe("2026-10-25T02:00:00+01:00");
  });
});
