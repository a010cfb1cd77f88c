import { formatDateTime } from "../format";
import { DefinedByBadge } from "./DefinitionBox";
import { useIndicatorText } from "./text";
import type { IndicatorDefinition } from "./types";

/**
 * What a chart shows, in one line above it: the indicator, the period and the
 * units, whose definition it is, when it was computed, and a link to the full
 * definition beside the charts.
 */
export function ChartCaption({
  definition,
  computedAt,
  text,
}: {
  definition: IndicatorDefinition;
  computedAt: string | null;
  text: { title: string; period: string; unit: string };
}) {
  const { t } = useIndicatorText();
  return (
    <p className="chart-caption">
      <strong>{text.title}</strong>, {text.period}, {text.unit.toLowerCase()}{" "}
      <DefinedByBadge definition={definition} />{" "}
      <span className="computed-at">
        {computedAt
          ? t("indicators.computedAt", { time: formatDateTime(computedAt) })
          : t("indicators.notComputed")}
      </span>{" "}
      <a href="#definition">{t("indicators.definition.link")}</a>
    </p>
  );
}
