import type { StructureVersion } from "../api/types";

/**
 * Calendar dates ("YYYY-MM-DD") for the structure's date switch. They are
 * days, not instants, so they are computed in UTC and never meet a time zone.
 */

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in the form YYYY-MM-DD (not 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const match = isoPattern.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function shifted(isoDate: string, change: (date: Date) => void): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  change(date);
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return shifted(isoDate, (d) => d.setUTCDate(d.getUTCDate() + days));
}

export function addMonths(isoDate: string, months: number): string {
  return shifted(isoDate, (d) => d.setUTCMonth(d.getUTCMonth() + months));
}

/** The last day of an interval whose end (`validTo`) is exclusive. */
export const lastDay = (validTo: string) => addDays(validTo, -1);

/** The dates on which the structure changed: every loaded version but the first, which began it. */
export function changeDates(versions: readonly StructureVersion[]): string[] {
  return versions
    .map((v) => v.asOf)
    .sort()
    .slice(1);
}

/** How long before and after a change the map shows both sides of it. */
export const transitionMonths = 3;

/**
 * The change whose months around it hold the date, if any: from 1 October 2026
 * to 31 March 2027 for the change on 1 January 2027.
 */
export function changeAround(date: string, changes: readonly string[]): string | null {
  return (
    changes.find(
      (change) =>
        addMonths(change, -transitionMonths) <= date && date < addMonths(change, transitionMonths),
    ) ?? null
  );
}

/** The quick choices of the date switch: each change's last day before it and its first day. */
export function quickDates(changes: readonly string[]): string[] {
  return changes.flatMap((change) => [addDays(change, -1), change]);
}
