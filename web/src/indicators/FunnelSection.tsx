import { useMemo } from "react";
import { useNavigate } from "react-router";
import { ChartData } from "./ChartData";
import { ChartLegend } from "./ChartLegend";
import {
  type FunnelLabels,
  funnelOption,
  limitStyles,
  outliers,
  type PointClass,
  pointClass,
  pointStyle,
} from "./funnel";
import { LazyChart } from "./LazyChart";
import { formatCount, formatTick, formatValue } from "./numbers";
import { municipalityPath } from "./paths";
import { type IndicatorText, useIndicatorText } from "./text";
import { escapeHtml } from "./trend";
import type { FunnelAnswer, FunnelPoint, FunnelPosition, MapUnit, ValueKind } from "./types";

const positionKeys = {
  above998: "indicators.funnel.above998",
  above95: "indicators.funnel.above95",
  within: "indicators.funnel.within",
  below95: "indicators.funnel.below95",
  below998: "indicators.funnel.below998",
} as const satisfies Record<FunnelPosition, string>;

const classKeys = {
  within: "indicators.funnel.classWithin",
  outside95: "indicators.funnel.classOutside95",
  outside998: "indicators.funnel.classOutside998",
} as const satisfies Record<PointClass, string>;

function positionText(position: FunnelPosition | null, t: IndicatorText): string {
  return position ? t(positionKeys[position]) : t("indicators.funnel.noPosition");
}

export function yAxisName(kind: ValueKind, t: IndicatorText): string {
  if (kind === "share") return t("indicators.axis.percent");
  if (kind === "hours") return t("indicators.axis.hours");
  return t("indicators.axis.per1000");
}

type Props = {
  funnel: FunnelAnswer;
  kind: ValueKind;
  unit: MapUnit;
  label: string;
  highlight: ReadonlySet<string> | null;
};

/** The funnel plot, the units outside 99.8 % named under it, and its figures as a table. */
export function FunnelSection({ funnel, kind, unit, label, highlight }: Props) {
  const { t, language } = useIndicatorText();
  const navigate = useNavigate();
  const option = useMemo(() => {
    const classes: Record<PointClass, string> = {
      within: t(classKeys.within),
      outside95: t(classKeys.outside95),
      outside998: t(classKeys.outside998),
    };
    const labels: FunnelLabels = {
      xAxis: t("indicators.funnel.xAxis"),
      yAxis: yAxisName(kind, t),
      number: (value: number) => formatTick(value, language),
      national: t("indicators.funnel.national"),
      limit95: t("indicators.funnel.limit95"),
      limit998: t("indicators.funnel.limit998"),
      classes,
      tooltip: (p: FunnelPoint) =>
        [
          `<strong>${escapeHtml(p.name)}</strong>`,
          escapeHtml(
            `${t("indicators.table.value")}: ${formatValue(p.value ?? 0, kind, language)}`,
          ),
          escapeHtml(
            `${t("indicators.table.denominator")}: ${formatCount(p.denominator ?? 0, language)}`,
          ),
          escapeHtml(positionText(p.position, t)),
        ].join("<br>"),
    };
    return funnelOption({ funnel, kind, labels, highlight });
  }, [funnel, kind, highlight, language, t]);
  const outside = outliers(funnel.points);
  const hidden = funnel.points.filter((p) => p.suppressed || p.value === null).length;

  return (
    <>
      <LazyChart
        option={option}
        label={label}
        className="funnel-chart"
        onSelect={unit === "municipality" ? (code) => navigate(municipalityPath(code)) : undefined}
      />
      <ChartLegend
        label={t("indicators.map.legend")}
        items={[
          {
            label: t("indicators.funnel.national"),
            mark: { kind: "line", dash: "solid", colour: limitStyles.national.colour },
          },
          {
            label: t("indicators.funnel.limit95"),
            mark: { kind: "line", dash: "dashed", colour: limitStyles.limit95.colour },
          },
          {
            label: t("indicators.funnel.limit998"),
            mark: { kind: "line", dash: "dotted", colour: limitStyles.limit998.colour },
          },
          ...(["within", "outside95", "outside998"] as const).map((cls) => ({
            label: t(classKeys[cls]),
            mark: {
              kind: "point" as const,
              shape: pointStyle[cls].symbol,
              colour: pointStyle[cls].colour,
            },
          })),
        ]}
      />
      <p className="funnel-national">
        {funnel.national === null
          ? t("indicators.funnel.noNational")
          : t("indicators.funnel.nationalValue", {
              value: formatValue(funnel.national, kind, language),
            })}
      </p>
      <h3 className="h4">{t("indicators.funnel.outsideHeading")}</h3>
      {outside.length === 0 ? (
        <p className="funnel-outliers-none">{t("indicators.funnel.noneOutside")}</p>
      ) : (
        <ul className="nobullet-list funnel-outliers">
          {outside.map((p) => (
            <li key={p.code}>
              <span className={`outlier-mark outlier-${p.position}`} aria-hidden="true">
                {p.position === "above998" ? "▲" : "▼"}
              </span>{" "}
              <strong>{p.name}</strong>: {formatValue(p.value ?? 0, kind, language)} –{" "}
              {positionText(p.position, t)}
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <p className="form-hint">{t("indicators.funnel.hiddenPoints", { count: hidden })}</p>
      )}
      <ChartData
        caption={label}
        head={[
          t("indicators.table.unit"),
          t("indicators.table.denominator"),
          t("indicators.table.value"),
          t("indicators.funnel.position"),
        ]}
      >
        {[...funnel.points]
          .sort((a, b) => a.name.localeCompare(b.name, "da"))
          .map((p) => (
            <tr key={p.code}>
              <th scope="row">{p.name}</th>
              <td className="align-text-right">
                {p.denominator === null
                  ? t("indicators.figure.suppressed")
                  : formatCount(p.denominator, language)}
              </td>
              <td className="align-text-right">
                {p.suppressed || p.value === null
                  ? t("indicators.figure.suppressed")
                  : formatValue(p.value, kind, language)}
              </td>
              <td className="align-text-right">
                {pointClass(p.position) === null ? "–" : positionText(p.position, t)}
              </td>
            </tr>
          ))}
      </ChartData>
    </>
  );
}
