import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useBodies, useMunicipalities, useMunicipalityGeo, useRegions } from "../api/queries";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { mapAreas } from "../map/areas";
import { LazyBodyMap } from "../map/LazyBodyMap";
import { bodyColours } from "../map/palette";
import { StructureTree } from "./StructureTree";
import { combined } from "./useQueries";

const explanationId = "unverified-explanation";

export function BodiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const regions = useRegions();
  const bodies = useBodies();
  const municipalities = useMunicipalities();
  const geo = useMunicipalityGeo();
  const structure = combined([regions, bodies, municipalities]);
  const mapState = combined([geo]);

  const areas = useMemo(
    () =>
      geo.data && bodies.data && municipalities.data
        ? mapAreas({ geo: geo.data, bodies: bodies.data, municipalities: municipalities.data })
        : null,
    [geo.data, bodies.data, municipalities.data],
  );
  const colours = useMemo(() => bodyColours(bodies.data ?? []), [bodies.data]);

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
                <LazyBodyMap
                  geo={geo.data}
                  areas={areas}
                  label={t("home.mapLabel")}
                  size="country"
                  onSelectBody={(id) => navigate(`/klynger/${id}`)}
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
          {bodies.data && regions.data && (
            <p className="body-count">
              <strong>{t("home.count", { count: bodies.data.length })}</strong>{" "}
              {t("home.inRegions", { count: regions.data.length })}
            </p>
          )}
          <p id={explanationId} className="unverified-explanation">
            {t("verification.explanation")}
          </p>
          {regions.data && bodies.data && municipalities.data ? (
            <StructureTree
              regions={regions.data}
              bodies={bodies.data}
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
