import { useMemo } from "react";
import type { MunicipalityGeo } from "../api/types";
import { formatNumber } from "../format";
import {
  type AreaFigure,
  choroplethOption,
  colourClasses,
  missingColour,
} from "../indicators/choropleth";
import { LazyChart } from "../indicators/LazyChart";
import { escapeHtml } from "../indicators/trend";
import type { CapacityRow } from "./capacity-api";
import { useCapacityText } from "./capacity-api";

/**
 * Listed patients per doctor in the body's municipalities, on the Denmark map
 * the Kvalitet page draws (the rest of the country grey). The table beside it
 * holds the same figures for a screen reader.
 */
export function CapacityMap({
  geo,
  rows,
  label,
}: {
  geo: MunicipalityGeo;
  rows: readonly CapacityRow[];
  label: string;
}) {
  const t = useCapacityText();
  const classes = useMemo(
    () => colourClasses(rows.flatMap((r) => r.capacity.patientsPerDoctor ?? [])),
    [rows],
  );
  const option = useMemo(() => {
    const byCode = new Map(rows.map((r) => [r.municipalityCode, r]));
    const figures = new Map<string, AreaFigure>(
      // No facts (or no doctors) has no ratio: drawn in the legend's no-data colour.
      rows.map((r) => [
        r.municipalityCode,
        { value: r.capacity.patientsPerDoctor, suppressed: false },
      ]),
    );
    const tooltip = (code: string) => {
      const row = byCode.get(code);
      if (!row) return "";
      const perDoctor = row.capacity.patientsPerDoctor;
      return [
        `<strong>${escapeHtml(row.municipalityName)}</strong>`,
        escapeHtml(
          row.capacity.practices === null
            ? t("capacity.noData")
            : `${t("capacity.table.perDoctor")}: ${perDoctor === null ? "–" : formatNumber(perDoctor)}`,
        ),
        row.thin ? escapeHtml(t("capacity.thinTag")) : "",
      ]
        .filter(Boolean)
        .join("<br>");
    };
    return choroplethOption({ geo, figures, classes, tooltip });
  }, [rows, classes, geo, t]);
  return (
    <>
      <LazyChart option={option} geo={geo} label={label} className="indicator-map" />
      <ul className="nobullet-list map-legend" aria-label={t("capacity.mapLegend")}>
        {classes.map((c) => (
          <li key={c.colour} className="map-legend-item">
            <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
            {c.from === c.to
              ? formatNumber(c.from)
              : `${formatNumber(c.from)} – ${formatNumber(c.to)}`}
          </li>
        ))}
        <li className="map-legend-item">
          <span className="swatch" style={{ background: missingColour }} aria-hidden="true" />
          {t("capacity.mapMissing")}
        </li>
      </ul>
    </>
  );
}
