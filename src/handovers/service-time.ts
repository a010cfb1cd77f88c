/**
 * Deadlines counted in service time: hours that only run inside a receiving
 * organisation's opening windows, in Danish local time. Daylight-saving
 * changes, weekends and Danish public holidays are handled here, and tested
 * at those boundaries.
 */

/** A daily window in local time, "HH:MM" to "HH:MM" (end after start, same day). */
export type Window = { start: string; end: string };

export type ServiceHours = {
  /** Monday to Friday, not holidays. */
  weekday: Window | null;
  /** Saturday, Sunday and public holidays; null: closed. */
  weekend: Window | null;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** +1 in winter, +2 in summer: EU summer time from 01:00 UTC, last Sundays of March and October. */
function offsetHoursAt(utc: number): number {
  const year = new Date(utc).getUTCFullYear();
  return utc >= lastSundayAtOneUtc(year, 2) && utc < lastSundayAtOneUtc(year, 9) ? 2 : 1;
}

/**
 * The instant of a Danish wall-clock time. A time that does not exist (the
 * hour skipped in spring) moves forward an hour; an ambiguous one (the hour
 * repeated in autumn) is the first of the two.
 */
export function localToUtc(date: string, time: string): number {
  const [y = 0, m = 1, d = 1] = date.split("-").map(Number);
  const [hh = 0, mm = 0] = time.split(":").map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const summer = wall - 2 * HOUR;
  if (offsetHoursAt(summer) === 2) return summer;
  const winter = wall - HOUR;
  return offsetHoursAt(winter) === 1 ? winter : wall - HOUR;
}

/** The Danish calendar date (YYYY-MM-DD) of an instant. */
export function localDate(utc: number): string {
  return new Date(utc + offsetHoursAt(utc) * HOUR).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Easter Sunday (Gregorian computus, Meeus/Jones/Butcher). */
function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Danish public holidays (helligdage) of a year. Store bededag is a holiday
 * until 2023 and not from 2024 (Lov nr. 153 af 28/02/2023).
 */
export function danishHolidays(year: number): Set<string> {
  const e = easter(year);
  const days = [
    `${year}-01-01`,
    addDays(e, -3),
    addDays(e, -2),
    e,
    addDays(e, 1),
    addDays(e, 39),
    addDays(e, 49),
    addDays(e, 50),
    `${year}-12-25`,
    `${year}-12-26`,
  ];
  if (year <= 2023) days.push(addDays(e, 26));
  return new Set(days);
}

const holidayCache = new Map<number, Set<string>>();
export function isHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let set = holidayCache.get(year);
  if (!set) {
    set = danishHolidays(year);
    holidayCache.set(year, set);
  }
  return set.has(date);
}

function windowOn(date: string, hours: ServiceHours): Window | null {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6 || isHoliday(date);
  return weekend ? hours.weekend : hours.weekday;
}

/**
 * The instant `minutes` of service time after `from`: time only runs inside
 * the windows. With no window on any day of the next two weeks, it throws:
 * such hours cannot make a deadline.
 */
export function addServiceMinutes(from: number, minutes: number, hours: ServiceHours): number {
  let remaining = minutes * MINUTE;
  let date = localDate(from);
  for (let days = 0; days < 400; days++, date = addDays(date, 1)) {
    const window = windowOn(date, hours);
    if (!window) continue;
    const start = Math.max(localToUtc(date, window.start), from);
    const end = localToUtc(date, window.end);
    if (start >= end) continue;
    if (remaining <= end - start) return start + remaining;
    remaining -= end - start;
  }
  throw new Error("service hours never open");
}
