/**
 * Periods and ages for the indicators. Periods and birthdays belong to the
 * calendar day a Dane would name, so every date here is a Danish local date
 * ("YYYY-MM-DD"); an instant becomes a date only through danishDate, and a
 * date becomes an instant only through danishMidnight.
 */
import { danishOffsetHours } from "../synth/danish-time.ts";

export type PeriodKind = "month" | "quarter" | "year";
export type AgeBand = "0-17" | "18-64" | "65-79" | "80+";
export const AGE_BANDS: readonly AgeBand[] = ["0-17", "18-64", "65-79", "80+"];

const HOUR = 3_600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LABEL = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])))?$/;

type CalendarDate = { year: number; month: number; day: number };
/** A period as its first month (1–12) and its length in months. */
type Span = { kind: PeriodKind; year: number; month: number; months: number };

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Values are left out of the errors: a birth date is personal data. */
function parseDate(date: string): CalendarDate {
  const [year, month, day] = (DATE.exec(date)?.slice(1) ?? []).map(Number);
  if (year === undefined || month === undefined || day === undefined)
    throw new RangeError("expected a YYYY-MM-DD date");
  // Date.UTC rolls 30 February over into March; a date that does not exist is refused.
  const back = new Date(Date.UTC(year, month - 1, day));
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day
  )
    throw new RangeError("no such calendar date");
  return { year, month, day };
}

/** The Danish local calendar date (YYYY-MM-DD) of an instant. */
export function danishDate(at: Date): string {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError("invalid instant");
  return new Date(ms + danishOffsetHours(ms) * HOUR).toISOString().slice(0, 10);
}

/** The instant a Danish local date begins (00:00 Danish time). */
export function danishMidnight(date: string): Date {
  const { year, month, day } = parseDate(date);
  const wall = Date.UTC(year, month - 1, day);
  // The clocks change at 01:00 UTC, never between 22:00 and 23:00 UTC, so the
  // offset two hours before the wall time read as UTC is the one at midnight.
  return new Date(wall - danishOffsetHours(wall - 2 * HOUR) * HOUR);
}

function parseLabel(label: string): Span | null {
  const m = LABEL.exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: "month", year, month, months: 1 } : null;
  }
  if (m[3] !== undefined)
    return { kind: "quarter", year, month: (Number(m[3]) - 1) * 3 + 1, months: 3 };
  return { kind: "year", year, month: 1, months: 12 };
}

function spanOf(kind: PeriodKind, label: string): Span {
  const span = parseLabel(label);
  if (!span || span.kind !== kind) throw new RangeError(`not a ${kind} label`);
  return span;
}

/** The first day of the month `offset` months after (year, month). */
function monthStart(year: number, month: number, offset: number): string {
  const index = year * 12 + (month - 1) + offset;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}-01`;
}

export function parsePeriodLabel(label: string): { kind: PeriodKind; label: string } | null {
  const span = parseLabel(label);
  return span ? { kind: span.kind, label } : null;
}

/** Period label: "2026-03" (month), "2026-Q1" (quarter), "2026" (year). */
export function periodOf(kind: PeriodKind, date: string): string {
  const { year, month } = parseDate(date);
  if (kind === "month") return `${pad(year, 4)}-${pad(month)}`;
  if (kind === "quarter") return `${pad(year, 4)}-Q${Math.ceil(month / 3)}`;
  return pad(year, 4);
}

/** The first Danish date of the period. */
export function periodStart(kind: PeriodKind, label: string): string {
  const { year, month } = spanOf(kind, label);
  return monthStart(year, month, 0);
}

/** The first date after the period, so a period is [start, end). */
export function periodEnd(kind: PeriodKind, label: string): string {
  const { year, month, months } = spanOf(kind, label);
  return monthStart(year, month, months);
}

/** The labels whose first day lies in [fromDate, toDate], in order. */
export function periodsBetween(kind: PeriodKind, fromDate: string, toDate: string): string[] {
  parseDate(toDate);
  const labels: string[] = [];
  let label = periodOf(kind, fromDate);
  if (periodStart(kind, label) < fromDate) label = periodOf(kind, periodEnd(kind, label));
  while (periodStart(kind, label) <= toDate) {
    labels.push(label);
    label = periodOf(kind, periodEnd(kind, label));
  }
  return labels;
}

/** The month labels making up a period. */
export function monthsOf(kind: PeriodKind, label: string): string[] {
  const { year, month, months } = spanOf(kind, label);
  return Array.from({ length: months }, (_, i) => monthStart(year, month, i).slice(0, 7));
}

/**
 * Completed years on `date` for someone born on birthDate (both YYYY-MM-DD).
 * Comparing (month, day) pairs puts a 29 February birthday on 1 March in
 * non-leap years: 28 February sorts before it, 1 March after.
 */
export function ageOn(birthDate: string, date: string): number {
  const born = parseDate(birthDate);
  const on = parseDate(date);
  if (date < birthDate) throw new RangeError("date before birth");
  const hadBirthday = on.month > born.month || (on.month === born.month && on.day >= born.day);
  return on.year - born.year - (hadBirthday ? 0 : 1);
}

export function ageBandOf(age: number): AgeBand {
  if (!Number.isInteger(age) || age < 0) throw new RangeError("age must be a whole number >= 0");
  if (age < 18) return "0-17";
  if (age < 65) return "18-64";
  if (age < 80) return "65-79";
  return "80+";
}
