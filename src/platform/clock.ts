/**
 * Clocks. Every service that takes "now" takes a `() => Date`; the server
 * hands them all the same one: the real clock, or in the demo with
 * TOVHOLDER_DEMO_DATE a clock that starts at that instant and runs on at
 * the real pace, so a newcomer can watch the night of 31 December 2026.
 */

export type Clock = () => Date;

/** A clock that reads `start` now and runs on at the real pace from there. */
export function clockFrom(start: number, elapsed: () => number = () => performance.now()): Clock {
  const origin = elapsed();
  return () => new Date(start + Math.round(elapsed() - origin));
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const danishWallClock = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The Danish wall-clock time of an instant, read as if it were UTC (to compare with one). */
function wallClockOf(instant: number): number {
  const part = (parts: Intl.DateTimeFormatPart[], type: string) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const parts = danishWallClock.formatToParts(instant);
  return Date.UTC(
    part(parts, "year"),
    part(parts, "month") - 1,
    part(parts, "day"),
    part(parts, "hour"),
    part(parts, "minute"),
    part(parts, "second"),
  );
}

export type LocalTimeProblem = "format" | "no-such-date" | "skipped";

/**
 * The instant of a Danish local date and time, "YYYY-MM-DDTHH:MM" (seconds
 * optional, no offset: it is read as Danish time, winter or summer as that
 * day has it). A time the clocks skip in spring does not exist and is refused;
 * one they repeat in autumn is the first (summer time).
 */
export function danishLocalInstant(
  text: string,
): { ok: true; instant: number } | { ok: false; problem: LocalTimeProblem } {
  const m = LOCAL_DATE_TIME.exec(text);
  if (!m) return { ok: false, problem: "format" };
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  const wall = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  // Date.UTC rolls 30 February over into March; a date that does not exist is refused.
  const back = new Date(wall);
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() + 1 !== mo ||
    back.getUTCDate() !== d ||
    back.getUTCHours() !== h
  )
    return { ok: false, problem: "no-such-date" };
  for (const offsetHours of [2, 1]) {
    const instant = wall - offsetHours * 3_600_000;
    if (wallClockOf(instant) === wall) return { ok: true, instant };
  }
  return { ok: false, problem: "skipped" };
}
