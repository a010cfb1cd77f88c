import type { Language } from "../i18n";
import { formatInterval, formatValue } from "./numbers";
import type { IndicatorText } from "./text";
import type { Row, ValueKind } from "./types";

/** A row's figure in words: "12,3 (95 %-KI 10,1–14,6)", "ikke vist (færre end 5)" or "ingen tal". */
export function figureText(
  row: Row | undefined,
  kind: ValueKind,
  language: Language,
  t: IndicatorText,
): string {
  if (!row) return t("indicators.figure.none");
  if (row.suppressed) return t("indicators.figure.suppressedShort");
  if (row.value === null) return t("indicators.figure.none");
  const value = formatValue(row.value, kind, language);
  if (row.ciLow === null || row.ciHigh === null) return value;
  return t("indicators.figure.withInterval", {
    value,
    interval: formatInterval(row.ciLow, row.ciHigh, kind, language),
  });
}

/** The rows by period label, for a trend. */
export function byPeriod(rows: readonly Row[]): Map<string, Row> {
  return new Map(rows.map((r) => [r.period, r]));
}

/** The periods of some rows, oldest first, each once. */
export function periodsOf(...groups: readonly (readonly Row[])[]): string[] {
  const starts = new Map<string, string>();
  for (const row of groups.flat()) starts.set(row.period, row.periodStart);
  return [...starts.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([period]) => period);
}
