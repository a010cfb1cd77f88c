import { useMemo } from "react";
import { useNavigate } from "react-router";
import type { MunicipalityGeo, MunicipalityListItem } from "../api/types";
import { ChartData } from "./ChartData";
import {
  type AreaFigure,
  choroplethOption,
  colourClasses,
  missingColour,
  suppressedHatchCss,
} from "./choropleth";
import { figureText } from "./figures";
import { LazyChart } from "./LazyChart";
import { formatValue } from "./numbers";
import { municipalityPath } from "./paths";
import { useIndicatorText } from "./text";
import { escapeHtml } from "./trend";
import type { MapUnit, Row, ValueKind } from "./types";

type Props = {
  geo: MunicipalityGeo;
  rows: readonly Row[];
  unit: MapUnit;
  kind: ValueKind;
  /** Each municipality and its body on the period's first day (for unit "body"). */
  municipalities: readonly MunicipalityListItem[];
  label: string;
};

type Area = { code: string; name: string; row: Row | undefined };

function useAreas(
  geo: MunicipalityGeo,
  rows: readonly Row[],
  unit: MapUnit,
  municipalities: readonly MunicipalityListItem[],
) {
  return useMemo(() => {
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const bodyOf = new Map(municipalities.map((m) => [m.code, m.bodyId]));
    return geo.features.map((f): Area => {
      const code = f.properties.lau_1;
      const key = unit === "municipality" ? code : bodyOf.get(code);
      return { code, name: f.properties.label_dk, row: key ? byCode.get(key) : undefined };
    });
  }, [geo, rows, unit, municipalities]);
}

/** Denmark coloured by the indicator, each municipality by its own or its body's value. */
export function IndicatorMap({ geo, rows, unit, kind, municipalities, label }: Props) {
  const { t, language } = useIndicatorText();
  const navigate = useNavigate();
  const areas = useAreas(geo, rows, unit, municipalities);
  const classes = useMemo(
    () =>
      colourClasses(rows.filter((r) => !r.suppressed && r.value !== null).map((r) => r.value ?? 0)),
    [rows],
  );
  const option = useMemo(() => {
    const byCode = new Map(areas.map((a) => [a.code, a]));
    const figures = new Map<string, AreaFigure>(
      areas.map((a) => [
        a.code,
        { value: a.row?.value ?? null, suppressed: a.row?.suppressed ?? false },
      ]),
    );
    const tooltip = (code: string) => {
      const area = byCode.get(code);
      if (!area) return "";
      const lines = [`<strong>${escapeHtml(area.name)}</strong>`];
      if (unit === "body" && area.row) lines.push(escapeHtml(area.row.name));
      lines.push(escapeHtml(figureText(area.row, kind, language, t)));
      return lines.join("<br>");
    };
    return choroplethOption({ geo, figures, classes, tooltip });
  }, [areas, classes, geo, unit, kind, language, t]);
  const hasSuppressed = areas.some((a) => a.row?.suppressed);
  const hasMissing = areas.some((a) => !a.row);

  return (
    <>
      <LazyChart
        option={option}
        geo={geo}
        label={label}
        className="indicator-map"
        onSelect={(code) => navigate(municipalityPath(code))}
      />
      <ul className="nobullet-list map-legend" aria-label={t("indicators.map.legend")}>
        {classes.map((c) => (
          <li key={c.colour} className="map-legend-item">
            <span className="swatch" style={{ backgroundColor: c.colour }} aria-hidden="true" />
            {c.from === c.to
              ? formatValue(c.from, kind, language)
              : `${formatValue(c.from, kind, language)} – ${formatValue(c.to, kind, language)}`}
          </li>
        ))}
        {hasSuppressed && (
          <li className="map-legend-item">
            <span
              className="swatch"
              style={{ background: suppressedHatchCss }}
              aria-hidden="true"
            />
            {t("indicators.map.suppressed")}
          </li>
        )}
        {hasMissing && (
          <li className="map-legend-item">
            <span
              className="swatch"
              style={{ backgroundColor: missingColour }}
              aria-hidden="true"
            />
            {t("indicators.map.missing")}
          </li>
        )}
      </ul>
      <p className="form-hint map-hint">{t("indicators.map.hint")}</p>
      <ChartData
        caption={label}
        leading={unit === "body" ? 2 : 1}
        head={[
          t("indicators.map.municipality"),
          ...(unit === "body" ? [t("indicators.map.body")] : []),
          t("indicators.table.value"),
        ]}
      >
        {[...areas]
          .filter((a) => a.code !== "411" || a.row)
          .sort((a, b) => a.name.localeCompare(b.name, "da"))
          .map((a) => (
            <tr key={a.code}>
              <th scope="row">{a.name}</th>
              {unit === "body" && <td>{a.row?.name ?? "–"}</td>}
              <td className="align-text-right">{figureText(a.row, kind, language, t)}</td>
            </tr>
          ))}
      </ChartData>
    </>
  );
}
