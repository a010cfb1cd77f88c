import type { Language } from "../i18n";
import type { FunnelLabels, PointClass } from "./funnel";
import { formatCount, formatTick, formatValue } from "./numbers";
import type { IndicatorText } from "./text";
import { escapeHtml } from "./trend";
import type { FunnelPoint, FunnelPosition, ValueKind } from "./types";

const positionKeys = {
  above998: "indicators.funnel.above998",
  above95: "indicators.funnel.above95",
  within: "indicators.funnel.within",
  below95: "indicators.funnel.below95",
  below998: "indicators.funnel.below998",
} as const satisfies Record<FunnelPosition, string>;

export const classKeys = {
  within: "indicators.funnel.classWithin",
  outside95: "indicators.funnel.classOutside95",
  outside998: "indicators.funnel.classOutside998",
} as const satisfies Record<PointClass, string>;

/** "over 99,8 %-grænsen", or why a unit has no place. */
export function positionText(position: FunnelPosition | null, t: IndicatorText): string {
  return position ? t(positionKeys[position]) : t("indicators.funnel.noPosition");
}

export function yAxisName(kind: ValueKind, t: IndicatorText): string {
  if (kind === "share") return t("indicators.axis.percent");
  if (kind === "hours") return t("indicators.axis.hours");
  return t("indicators.axis.per1000");
}

/** The funnel chart's words in the language shown: axes, lines, classes and tooltips. */
export function funnelLabels(kind: ValueKind, language: Language, t: IndicatorText): FunnelLabels {
  return {
    xAxis: t("indicators.funnel.xAxis"),
    yAxis: yAxisName(kind, t),
    number: (value: number) => formatTick(value, language),
    national: t("indicators.funnel.national"),
    limit95: t("indicators.funnel.limit95"),
    limit998: t("indicators.funnel.limit998"),
    classes: {
      within: t(classKeys.within),
      outside95: t(classKeys.outside95),
      outside998: t(classKeys.outside998),
    },
    tooltip: (p: FunnelPoint) =>
      [
        `<strong>${escapeHtml(p.name)}</strong>`,
        escapeHtml(`${t("indicators.table.value")}: ${formatValue(p.value ?? 0, kind, language)}`),
        escapeHtml(
          `${t("indicators.table.denominator")}: ${formatCount(p.denominator ?? 0, language)}`,
        ),
        escapeHtml(positionText(p.position, t)),
      ].join("<br>"),
  };
}
