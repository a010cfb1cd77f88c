import { ChartData } from "./ChartData";
import { ChartLegend } from "./ChartLegend";
import { limitStyles, outliers, pointClass, pointStyle } from "./funnel";
import { classKeys, positionText } from "./funnel-text";
import { formatCount, formatValue } from "./numbers";
import { useIndicatorText } from "./text";
import type { FunnelAnswer, ValueKind } from "./types";

/** The funnel's key: the national value, the two limits, and the three shapes of points. */
export function FunnelLegend() {
  const { t } = useIndicatorText();
  const line = (dash: "solid" | "dashed" | "dotted", colour: string) =>
    ({ kind: "line", dash, colour }) as const;
  return (
    <ChartLegend
      label={t("indicators.map.legend")}
      items={[
        {
          label: t("indicators.funnel.national"),
          mark: line("solid", limitStyles.national.colour),
        },
        { label: t("indicators.funnel.limit95"), mark: line("dashed", limitStyles.limit95.colour) },
        {
          label: t("indicators.funnel.limit998"),
          mark: line("dotted", limitStyles.limit998.colour),
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
  );
}

/** The units outside 99.8 %, by name: the marking in the chart said in words. */
export function OutlierList({ funnel, kind }: { funnel: FunnelAnswer; kind: ValueKind }) {
  const { t, language } = useIndicatorText();
  const outside = outliers(funnel.points);
  const hidden = funnel.points.filter((p) => p.suppressed || p.value === null).length;
  return (
    <>
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
    </>
  );
}

/** Every point of the funnel as a table row: size, value and place against the limits. */
export function FunnelData({
  funnel,
  kind,
  caption,
}: {
  funnel: FunnelAnswer;
  kind: ValueKind;
  caption: string;
}) {
  const { t, language } = useIndicatorText();
  const hidden = t("indicators.figure.suppressed");
  return (
    <ChartData
      caption={caption}
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
              {p.denominator === null ? hidden : formatCount(p.denominator, language)}
            </td>
            <td className="align-text-right">
              {p.suppressed || p.value === null ? hidden : formatValue(p.value, kind, language)}
            </td>
            <td className="align-text-right">
              {pointClass(p.position) === null ? "–" : positionText(p.position, t)}
            </td>
          </tr>
        ))}
    </ChartData>
  );
}
