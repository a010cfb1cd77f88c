import {
  danishDate,
  danishMidnight,
  type PeriodKind,
  periodEnd,
  periodOf,
  periodStart,
} from "./periods.ts";

/**
 * Whether a period's figures are final (issues 20 and 22). A period is
 * complete once it has ended (Danish midnight after its last day) and its
 * indicator's `settlesAfterDays` have passed since: until then what it counts
 * has not all had its time (a 30-day readmission, a deadline, a running
 * month), so its figures are provisional and would pull any pooled figure
 * down. Days are whole 24-hour spans, as the 30-day readmission window is.
 */

const DAY = 86_400_000;

/** The instant a period ending on `endDate` (its first day after, Danish) becomes final. */
export function settledAt(endDate: string, settlesAfterDays: number): Date {
  return new Date(danishMidnight(endDate).getTime() + settlesAfterDays * DAY);
}

/** Whether the period ending on `endDate` (its first day after) is final at `now`. */
export function isComplete(endDate: string, settlesAfterDays: number, now: Date): boolean {
  return now.getTime() >= settledAt(endDate, settlesAfterDays).getTime();
}

/** The last month ("YYYY-MM") whose figures are final at `now`. */
export function lastCompleteMonth(settlesAfterDays: number, now: Date): string {
  // The month holding `now - settlesAfterDays` has not settled; the one before it has.
  const open = periodOf("month", danishDate(new Date(now.getTime() - settlesAfterDays * DAY)));
  const [year = 0, month = 1] = open.split("-").map(Number);
  const index = year * 12 + (month - 1) - 1;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Whether month label `month` is final at `now` (the same rule as `isComplete`). */
export function monthComplete(month: string, settlesAfterDays: number, now: Date): boolean {
  return isComplete(periodEnd("month", month), settlesAfterDays, now);
}

/**
 * The last period of `kind` whose figures are final at `now`: ended, and its
 * indicator's days passed. The funnel plot compares this one by default, not
 * a running month nor one whose 30-day readmissions are still open.
 */
export function lastCompletePeriod(kind: PeriodKind, settlesAfterDays: number, now: Date): string {
  let label = periodOf(kind, danishDate(now));
  while (!isComplete(periodEnd(kind, label), settlesAfterDays, now)) {
    const dayBefore = new Date(danishMidnight(periodStart(kind, label)).getTime() - 12 * 3_600_000);
    label = periodOf(kind, danishDate(dayBefore));
  }
  return label;
}
