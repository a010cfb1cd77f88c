import { useStructureText } from "../structure/text";
import { focusColour, outsideColour, partialHatchCss } from "./palette";

/** The key to a body's own map: members, partial members and the rest. */
export function MapLegend({ hasPartial }: { hasPartial: boolean }) {
  const { t } = useStructureText();
  return (
    <ul className="nobullet-list map-legend">
      <li className="map-legend-item">
        <span className="swatch" style={{ backgroundColor: focusColour }} aria-hidden="true" />
        {t("body.legendPrimary")}
      </li>
      {hasPartial && (
        <li className="map-legend-item">
          <span className="swatch" style={{ background: partialHatchCss }} aria-hidden="true" />
          {t("body.legendPartial")}
        </li>
      )}
      <li className="map-legend-item">
        <span className="swatch" style={{ backgroundColor: outsideColour }} aria-hidden="true" />
        {t("body.legendOther")}
      </li>
    </ul>
  );
}
