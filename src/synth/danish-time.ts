/**
 * Instants written as MedCom senders write them: Danish wall-clock time with
 * its offset, to the minute ("2026-03-29T03:05:00+02:00"). The EU rule is
 * computed directly (summer time from 01:00 UTC on the last Sunday of March
 * to 01:00 UTC on the last Sunday of October), because Intl is far too slow
 * for millions of messages; a test checks it against Intl.
 */

const HOUR = 3_600_000;

function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const sunday = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, month, sunday, 1);
}

/** +1 hour in winter, +2 in summer, for the instant `ms`. */
export function danishOffsetHours(ms: number): 1 | 2 {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayAtOneUtc(year, 2) && ms < lastSundayAtOneUtc(year, 9) ? 2 : 1;
}

export function danishTime(ms: number): string {
  const minute = Math.floor(ms / 60_000) * 60_000;
  const offset = danishOffsetHours(minute);
  const local = new Date(minute + offset * HOUR).toISOString().slice(0, 19);
  return `${local}+0${offset}:00`;
}
