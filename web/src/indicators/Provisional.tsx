import { useIndicatorText } from "./text";
import type { Row } from "./types";

/**
 * A provisional figure's mark: its period has not ended, or what it counts has
 * not yet had its time (the definition's settlesAfterDays), so it can still
 * change. The dagger is for the eye; a screen reader hears the word.
 */
export function ProvisionalMark({ rows }: { rows: readonly (Row | undefined)[] }) {
  const { t } = useIndicatorText();
  if (!rows.some((r) => r !== undefined && !r.complete)) return null;
  return (
    <span className="provisional-mark">
      <sup aria-hidden="true">†</sup>
      <span className="sr-only"> ({t("indicators.trend.provisional")})</span>
    </span>
  );
}

/** Says what the mark means, where any row shown is provisional. */
export function ProvisionalNote({
  rows,
  trend = false,
}: {
  rows: readonly Row[];
  /** A chart with its table: hollow points too. */
  trend?: boolean;
}) {
  const { t } = useIndicatorText();
  if (rows.every((r) => r.complete)) return null;
  return (
    <p className="form-hint provisional-note">
      {trend ? t("indicators.provisional.trend") : t("indicators.provisional.note")}
    </p>
  );
}

/**
 * A chart of one period (the map, the funnel plot) whose figures are not yet
 * final says so above it: every unit's figure shares the period, so the
 * whole chart is provisional, not one point.
 */
export function ProvisionalPeriod({
  provisional,
  period,
}: {
  provisional: boolean;
  period: string;
}) {
  const { t } = useIndicatorText();
  if (!provisional) return null;
  return (
    <p className="alert alert-warning provisional-period" role="note">
      <span className="alert-text">{t("indicators.provisional.period", { period })}</span>
    </p>
  );
}
