import { useMemo } from "react";
import { useNavigate } from "react-router";
import type { MunicipalityGeo, MunicipalityListItem } from "../api/types";
import { ChartData } from "./ChartData";
import {
  type AreaFigure,
  type ColourClass,
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

/** A municipality on the map and the row it is coloured by: its own, or its body's. */
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

function Swatch({ background }: { background: string }) {
  return <span className="swatch" style={{ background }} aria-hidden="true" />;
}

/** The colour classes, and grey for what is not shown: hatched when suppressed, plain when none. */
function MapKey({
  classes,
  areas,
  kind,
}: {
  classes: readonly ColourClass[];
  areas: readonly Area[];
  kind: ValueKind;
}) {
  const { t, language } = useIndicatorText();
  const value = (v: number) => formatValue(v, kind, language);
  return (
    <ul className="nobullet-list map-legend" aria-label={t("indicators.map.legend")}>
      {classes.map((c) => (
        <li key={c.colour} className="map-legend-item">
          <Swatch background={c.colour} />
          {c.from === c.to ? value(c.from) : `${value(c.from)} – ${value(c.to)}`}
        </li>
      ))}
      {areas.some((a) => a.row?.suppressed) && (
        <li className="map-legend-item">
          <Swatch background={suppressedHatchCss} />
          {t("indicators.map.suppressed")}
        </li>
      )}
      {areas.some((a) => !a.row) && (
        <li className="map-legend-item">
          <Swatch background={missingColour} />
          {t("indicators.map.missing")}
        </li>
      )}
    </ul>
  );
}

/** What the map shows, municipality by municipality. */
function MapData({
  areas,
  unit,
  kind,
  caption,
}: {
  areas: readonly Area[];
  unit: MapUnit;
  kind: ValueKind;
  caption: string;
}) {
  const { t, language } = useIndicatorText();
  return (
    <ChartData
      caption={caption}
      leading={unit === "body" ? 2 : 1}
      head={[
        t("indicators.map.municipality"),
        ...(unit === "body" ? [t("indicators.map.body")] : []),
        t("indicators.table.value"),
      ]}
    >
      {[...areas]
        // Christiansø belongs to no municipality; it is listed only if it has a figure.
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
  );
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

  return (
    <>
      <LazyChart
        option={option}
        geo={geo}
        label={label}
        className="indicator-map"
        onSelect={(code) => navigate(municipalityPath(code))}
      />
      <MapKey classes={classes} areas={areas} kind={kind} />
      <p className="form-hint map-hint">{t("indicators.map.hint")}</p>
      <MapData areas={areas} unit={unit} kind={kind} caption={label} />
    </>
  );
}
