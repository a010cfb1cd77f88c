import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useClusters, useMunicipalities, useMunicipalityGeo, useRegions } from "../api/queries";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { mapAreas } from "../map/areas";
import { LazyClusterMap } from "../map/LazyClusterMap";
import { clusterColours } from "../map/palette";
import { StructureTree } from "./StructureTree";
import { combined } from "./useQueries";

const explanationId = "unverified-explanation";

export function ClustersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const regions = useRegions();
  const clusters = useClusters();
  const municipalities = useMunicipalities();
  const geo = useMunicipalityGeo();
  const structure = combined([regions, clusters, municipalities]);
  const mapState = combined([geo]);

  const areas = useMemo(
    () =>
      geo.data && clusters.data && municipalities.data
        ? mapAreas({ geo: geo.data, clusters: clusters.data, municipalities: municipalities.data })
        : null,
    [geo.data, clusters.data, municipalities.data],
  );
  const colours = useMemo(() => clusterColours(clusters.data ?? []), [clusters.data]);

  return (
    <>
      <title>{`${t("home.title")} – ${t("app.name")}`}</title>
      <h1>{t("home.title")}</h1>
      <p className="font-lead">{t("home.intro")}</p>
      {structure.error && <ProblemAlert error={structure.error} onRetry={structure.retry} />}
      <div className="row">
        <section className="col-12 col-lg-7 map-column" aria-labelledby="map-heading">
          <div className="sticky-map">
            <h2 id="map-heading">{t("home.mapHeading")}</h2>
            {mapState.error && <ProblemAlert error={mapState.error} onRetry={mapState.retry} />}
            {areas && geo.data ? (
              <>
                <LazyClusterMap
                  geo={geo.data}
                  areas={areas}
                  label={t("home.mapLabel")}
                  size="country"
                  onSelectCluster={(id) => navigate(`/klynger/${id}`)}
                />
                <p className="form-hint map-hint">{t("home.mapHint")}</p>
              </>
            ) : (
              !mapState.error && !structure.error && <Loading />
            )}
          </div>
        </section>
        <section className="col-12 col-lg-5" aria-labelledby="list-heading">
          <h2 id="list-heading">{t("home.listHeading")}</h2>
          {clusters.data && regions.data && (
            <p className="cluster-count">
              <strong>{t("home.count", { count: clusters.data.length })}</strong>{" "}
              {t("home.inRegions", { count: regions.data.length })}
            </p>
          )}
          <p id={explanationId} className="unverified-explanation">
            {t("verification.explanation")}
          </p>
          {regions.data && clusters.data && municipalities.data ? (
            <StructureTree
              regions={regions.data}
              clusters={clusters.data}
              municipalities={municipalities.data}
              colours={colours}
              explanationId={explanationId}
            />
          ) : (
            !structure.error && <Loading />
          )}
        </section>
      </div>
    </>
  );
}
