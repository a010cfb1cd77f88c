import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useClusters, useMunicipalities, useMunicipalityGeo } from "../api/queries";
import type { ClusterDetail } from "../api/types";
import { ProblemAlert } from "../components/ProblemAlert";
import { mapAreas, memberCodes } from "../map/areas";
import { withBornholmInset } from "../map/inset";
import { LazyClusterMap } from "../map/LazyClusterMap";
import { MapLegend } from "../map/MapLegend";
import { focusView } from "../map/view";
import { combined } from "./useQueries";

/** A small map of the country with the cluster's municipalities coloured and zoomed to. */
export function ClusterMapSection({ cluster }: { cluster: ClusterDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const geo = useMunicipalityGeo();
  const clusters = useClusters();
  const municipalities = useMunicipalities();
  const state = combined([geo, clusters, municipalities]);

  const areas = useMemo(
    () =>
      geo.data && clusters.data && municipalities.data
        ? mapAreas({
            geo: geo.data,
            clusters: clusters.data,
            municipalities: municipalities.data,
            focusClusterId: cluster.id,
          })
        : null,
    [geo.data, clusters.data, municipalities.data, cluster.id],
  );
  const view = useMemo(
    () => (geo.data ? focusView(withBornholmInset(geo.data), memberCodes(cluster)) : null),
    [geo.data, cluster],
  );

  return (
    <section aria-labelledby="map-heading">
      <h2 id="map-heading">{t("cluster.mapHeading")}</h2>
      {state.error && <ProblemAlert error={state.error} onRetry={state.retry} />}
      {areas && geo.data && (
        <LazyClusterMap
          geo={geo.data}
          areas={areas}
          view={view}
          label={t("cluster.mapLabel", { name: cluster.name })}
          size="focus"
          onSelectCluster={(id) => navigate(`/klynger/${id}`)}
        />
      )}
      {areas && <MapLegend hasPartial={cluster.partialMunicipalityCodes.length > 0} />}
    </section>
  );
}
