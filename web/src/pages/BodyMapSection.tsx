import { useMemo } from "react";
import { useNavigate } from "react-router";
import { useBodiesOn, useMunicipalitiesOn, useMunicipalityGeo } from "../api/queries";
import type { BodyDetail } from "../api/types";
import { ProblemAlert } from "../components/ProblemAlert";
import { mapAreas, memberCodes } from "../map/areas";
import { withBornholmInset } from "../map/inset";
import { LazyBodyMap } from "../map/LazyBodyMap";
import { MapLegend } from "../map/MapLegend";
import { focusView } from "../map/view";
import { bodyPath } from "../structure/paths";
import { useStructureText } from "../structure/text";
import { combined } from "./useQueries";

/** A small map of the country with the body's municipalities coloured and zoomed to. */
export function BodyMapSection({ body }: { body: BodyDetail }) {
  const { t } = useStructureText();
  const navigate = useNavigate();
  const geo = useMunicipalityGeo();
  // The country on the day the page describes, so the body's neighbours are of its own time.
  const bodies = useBodiesOn(body.date);
  const municipalities = useMunicipalitiesOn(body.date);
  const state = combined([geo, bodies, municipalities]);

  const areas = useMemo(
    () =>
      geo.data && bodies.data && municipalities.data
        ? mapAreas({
            geo: geo.data,
            bodies: bodies.data,
            municipalities: municipalities.data,
            focusBodyId: body.id,
          })
        : null,
    [geo.data, bodies.data, municipalities.data, body.id],
  );
  const view = useMemo(
    () => (geo.data ? focusView(withBornholmInset(geo.data), memberCodes(body)) : null),
    [geo.data, body],
  );

  return (
    <section aria-labelledby="map-heading">
      <h2 id="map-heading">{t("body.mapHeading")}</h2>
      {state.error && <ProblemAlert error={state.error} onRetry={state.retry} />}
      {areas && geo.data && (
        <LazyBodyMap
          geo={geo.data}
          areas={areas}
          view={view}
          label={t("body.mapLabel", { name: body.name })}
          size="focus"
          onSelectBody={(id) =>
            navigate(bodyPath(id, bodies.data?.find((b) => b.id === id)?.kind, body.date))
          }
        />
      )}
      {areas && <MapLegend hasPartial={body.partialMunicipalityCodes.length > 0} />}
    </section>
  );
}
