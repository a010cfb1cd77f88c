import { describe, expect, it } from "vitest";
import { digestBounds, lastDigestAt, nextDigestAt } from "./cards.ts";

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe("the daily digest's time", () => {
  it("is 07:00 Danish time: 06:00 UTC in winter, 05:00 UTC in summer", () => {
    expect(iso(lastDigestAt(at("2026-11-18T12:00:00+01:00")))).toBe("2026-11-18T06:00:00.000Z");
    expect(iso(lastDigestAt(at("2026-06-18T12:00:00+02:00")))).toBe("2026-06-18T05:00:00.000Z");
  });

  it("before 07:00 the last digest is yesterday's; at 07:00 exactly it is today's", () => {
    expect(iso(lastDigestAt(at("2026-11-18T06:59:59+01:00")))).toBe("2026-11-17T06:00:00.000Z");
    expect(iso(lastDigestAt(at("2026-11-18T07:00:00+01:00")))).toBe("2026-11-18T06:00:00.000Z");
    expect(iso(nextDigestAt(at("2026-11-18T07:00:00+01:00")))).toBe("2026-11-19T06:00:00.000Z");
    expect(iso(nextDigestAt(at("2026-11-18T06:59:59+01:00")))).toBe("2026-11-18T06:00:00.000Z");
  });

  it("stays at 07:00 across the clock changes, so those days' digests hold 23 and 25 hours", () => {
    // Summer time starts 29 March 2026 and ends 25 October 2026.
    const spring = digestBounds(at("2026-03-28T12:00:00+01:00"), at("2026-03-30T12:00:00+02:00"));
    expect(spring.map(iso)).toEqual([
      "2026-03-28T06:00:00.000Z",
      "2026-03-29T05:00:00.000Z",
      "2026-03-30T05:00:00.000Z",
    ]);
    const autumn = digestBounds(at("2026-10-24T12:00:00+02:00"), at("2026-10-26T12:00:00+01:00"));
    expect(autumn.map(iso)).toEqual([
      "2026-10-24T05:00:00.000Z",
      "2026-10-25T06:00:00.000Z",
      "2026-10-26T06:00:00.000Z",
    ]);
  });

  it("cuts time into whole digests, the first starting at or before `since`", () => {
    const bounds = digestBounds(at("2026-11-18T12:00:00+01:00"), at("2026-11-20T08:00:00+01:00"));
    expect(bounds.map(iso)).toEqual([
      "2026-11-18T06:00:00.000Z",
      "2026-11-19T06:00:00.000Z",
      "2026-11-20T06:00:00.000Z",
    ]);
    // No digest made yet since then: one bound, no whole digest.
    expect(
      digestBounds(at("2026-11-18T12:00:00+01:00"), at("2026-11-18T20:00:00+01:00")),
    ).toHaveLength(1);
  });

  it("makes 30 or 31 digests over the unread window", () => {
    const now = at("2026-11-18T12:00:00+01:00");
    const since = new Date(now.getTime() - 30 * 24 * 3_600_000);
    expect(digestBounds(since, now)).toHaveLength(31);
  });
});
