import { useMemo } from "react";
import { ChartData } from "./ChartData";
import { ChartLegend, type LegendMark } from "./ChartLegend";
import { ComputedAt } from "./ComputedAt";
import { DefinedByBadge, DefinitionBox } from "./DefinitionBox";
import { figureText } from "./figures";
import { yAxisName } from "./funnel-text";
import { LazyChart } from "./LazyChart";
import { formatTick } from "./numbers";
import { ProvisionalMark, ProvisionalNote } from "./Provisional";
import { formatPeriod } from "./periods";
import { local, useIndicatorText } from "./text";
import { bandColour, lineStyles, type TrendLine, trendOption } from "./trend";
import type { IndicatorDefinition, ValueKind } from "./types";

type Props = {
  definition: IndicatorDefinition;
  periods: readonly string[];
  lines: readonly TrendLine[];
  computedAt: string | null;
  /** What is compared, for the chart's text alternative: "Klynge Syd mod Region … og hele landet". */
  subject: string;
};

/** The lines' key: each line's dash and point shape, and the band. */
function TrendLegend({ lines }: { lines: readonly TrendLine[] }) {
  const { t } = useIndicatorText();
  return (
    <ChartLegend
      label={t("indicators.map.legend")}
      items={[
        ...lines.map((l) => {
          const style = lineStyles[l.role];
          const mark: LegendMark = {
            kind: "line",
            dash: style.type,
            colour: style.colour,
            shape: style.symbol,
          };
          return { label: l.name, mark };
        }),
        { label: t("indicators.trend.band"), mark: { kind: "band", colour: bandColour } },
      ]}
    />
  );
}

/** The lines' figures, period by period. */
function TrendData({
  periods,
  lines,
  kind,
  caption,
}: {
  periods: readonly string[];
  lines: readonly TrendLine[];
  kind: ValueKind;
  caption: string;
}) {
  const { t, language } = useIndicatorText();
  return (
    <ChartData caption={caption} head={[t("indicators.trend.period"), ...lines.map((l) => l.name)]}>
      {periods.map((p) => (
        <tr key={p}>
          <th scope="row">
            {formatPeriod(p, language)}
            <ProvisionalMark rows={lines.map((l) => l.rows.get(p))} />
          </th>
          {lines.map((l) => (
            <td key={l.name} className="align-text-right">
              {figureText(l.rows.get(p), kind, language, t)}
            </td>
          ))}
        </tr>
      ))}
    </ChartData>
  );
}

/**
 * One indicator over time: a small line chart of the unit in focus (with its 95 %
 * band) against what it is compared with, its figures as a table, and its definition.
 */
export function TrendCard({ definition, periods, lines, computedAt, subject }: Props) {
  const { t, language } = useIndicatorText();
  const kind = definition.valueKind;
  const title = local(definition.title, language);
  const option = useMemo(
    () =>
      trendOption(periods, lines, kind, {
        yAxis: yAxisName(kind, t),
        band: t("indicators.trend.band"),
        period: (p) => formatPeriod(p, language, true),
        number: (value) => formatTick(value, language),
        figure: (row) => figureText(row, kind, language, t),
        provisional: t("indicators.trend.provisional"),
      }),
    [periods, lines, kind, language, t],
  );
  const first = periods[0];
  const last = periods[periods.length - 1];
  const label = t("indicators.trend.label", {
    title,
    subject,
    from: first ? formatPeriod(first, language) : "",
    to: last ? formatPeriod(last, language) : "",
  });
  return (
    <article className="trend-card" aria-labelledby={`trend-${definition.id}`}>
      <h3 id={`trend-${definition.id}`} className="h4 trend-title">
        {title}
      </h3>
      <p className="trend-badges">
        <DefinedByBadge definition={definition} />
      </p>
      <LazyChart option={option} label={label} className="trend-chart" />
      <TrendLegend lines={lines} />
      {lines.some((l) => [...l.rows.values()].some((r) => r.suppressed)) && (
        <p className="form-hint trend-gaps">{t("indicators.trend.gaps")}</p>
      )}
      <ProvisionalNote rows={lines.flatMap((l) => [...l.rows.values()])} trend />
      <TrendData periods={periods} lines={lines} kind={kind} caption={label} />
      <details className="definition-details">
        <summary>{t("indicators.definition.show")}</summary>
        <DefinitionBox
          definition={definition}
          computedAt={computedAt}
          level={3}
          withTitle={false}
        />
      </details>
      <ComputedAt at={computedAt} />
    </article>
  );
}
