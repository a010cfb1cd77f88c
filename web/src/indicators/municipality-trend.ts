import type { MunicipalityHistory } from "./api";
import type { IndicatorDefinition, PeriodKind, Row, UnitKind } from "./types";

/** GET …/values for one unit's trend over a window of periods (their first days). */
export function trendPath(
  definition: IndicatorDefinition,
  unit: UnitKind,
  code: string | null,
  period: PeriodKind,
  window: { from: string; to: string },
): string {
  const params = new URLSearchParams({ unit, period, attribution: "residence", ...window });
  if (code) params.set("code", code);
  // Loop figures are per receiving sector; the municipality's own is the first.
  const sector = definition.sectors[0];
  if (sector) params.set("sector", sector);
  return `/api/indicators/${encodeURIComponent(definition.id)}/values?${params}`;
}

type Span = { code: string; validFrom: string; validTo: string | null };

/**
 * One row per period from several units' rows, each period taking the unit that held
 * the municipality on the period's first day: its cluster until 2026, its council from
 * 2027, and likewise its region. The municipality's line runs through the change.
 */
export function followHistory(rows: readonly Row[], spans: readonly Span[]): Map<string, Row> {
  const result = new Map<string, Row>();
  for (const row of rows) {
    const holder = spans.find(
      (s) => s.validFrom <= row.periodStart && (s.validTo === null || row.periodStart < s.validTo),
    );
    if (holder?.code === row.code) result.set(row.period, row);
  }
  return result;
}

/** The municipality's bodies and regions over time, each with the days it held it. */
export function historySpans(history: MunicipalityHistory) {
  const bodies: Span[] = history.bodyHistory.map((b) => ({
    code: b.id,
    validFrom: b.validFrom,
    validTo: b.validTo,
  }));
  const regions: Span[] = history.bodyHistory.map((b) => ({
    code: b.regionCode,
    validFrom: b.validFrom,
    validTo: b.validTo,
  }));
  return { bodies, regions };
}
