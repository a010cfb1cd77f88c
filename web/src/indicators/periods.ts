import type { PeriodKind } from "./types";

const monthLabel = /^(\d{4})-(\d{2})$/;
const quarterLabel = /^(\d{4})-Q([1-4])$/;
const yearLabel = /^(\d{4})$/;

/** A period label's kind: "2026-03" a month, "2026-Q1" a quarter, "2026" a year. */
export function periodKindOf(label: string): PeriodKind | null {
  if (monthLabel.test(label)) return "month";
  if (quarterLabel.test(label)) return "quarter";
  if (yearLabel.test(label)) return "year";
  return null;
}

/** The first day of a period, as the API's `from`/`to` take it: "2026-Q3" → "2026-07-01". */
export function periodStart(label: string): string | null {
  const month = monthLabel.exec(label);
  if (month) return `${month[1]}-${month[2]}-01`;
  const quarter = quarterLabel.exec(label);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    return `${quarter[1]}-${String(first).padStart(2, "0")}-01`;
  }
  const year = yearLabel.exec(label);
  return year ? `${year[1]}-01-01` : null;
}

/** The first day of the period of a kind that holds a date: 2026-11-20 → 2026-10-01 for a quarter. */
export function startOfPeriodHolding(kind: PeriodKind, date: string): string {
  const [year = "", month = "01"] = date.split("-");
  if (kind === "year") return `${year}-01-01`;
  if (kind === "month") return `${year}-${month}-01`;
  const first = Math.floor((Number(month) - 1) / 3) * 3 + 1;
  return `${year}-${String(first).padStart(2, "0")}-01`;
}

/** The calendar day before a date: 2026-11-01 → 2026-10-31. */
export function dayBefore(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/**
 * The last `count` complete periods before the one holding `today`, as the API's
 * `from` and `to` (first days). A period still under way would dip at the end of
 * a trend for no other reason than that it has not ended.
 */
export function completePeriods(kind: PeriodKind, today: string, count: number) {
  const current = startOfPeriodHolding(kind, today);
  const labels = Array.from({ length: count }, (_, i) => periodBefore(kind, current, count - i));
  return {
    labels,
    from: periodStart(labels[0] ?? "") ?? current,
    to: periodStart(labels[labels.length - 1] ?? "") ?? current,
  };
}

/** The label of the period `steps` periods before the one that starts on `start`. */
export function periodBefore(kind: PeriodKind, start: string, steps: number): string {
  const [year = 0, month = 1] = start.split("-").map(Number);
  if (kind === "year") return String(year - steps);
  const monthsBack = kind === "quarter" ? steps * 3 : steps;
  const index = year * 12 + (month - 1) - monthsBack;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  if (kind === "month") return `${y}-${String(m).padStart(2, "0")}`;
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** "2026-Q3" → "3. kvt. 2026" / "Q3 2026"; "2026-03" → "marts 2026" / "March 2026". */
export function formatPeriod(label: string, language: "da" | "en", short = false): string {
  const quarter = quarterLabel.exec(label);
  if (quarter)
    return language === "da" ? `${quarter[2]}. kvt. ${quarter[1]}` : `Q${quarter[2]} ${quarter[1]}`;
  const month = monthLabel.exec(label);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(language === "da" ? "da-DK" : "en-GB", {
      month: short ? "short" : "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(date);
  }
  return label;
}
