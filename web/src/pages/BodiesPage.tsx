import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useBodiesOn, useMunicipalitiesOn, useMunicipalityGeo, useRegionsOn } from "../api/queries";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { mapAreas } from "../map/areas";
import { LazyBodyMap } from "../map/LazyBodyMap";
import { bodyColours } from "../map/palette";
import { DateSwitch } from "../structure/DateSwitch";
import { kindOfAll } from "../structure/kinds";
import { bodyPath, reformPath } from "../structure/paths";
import { TransitionNotice } from "../structure/TransitionNotice";
import { useStructureText } from "../structure/text";
import { useStructureDate } from "../structure/useStructureDate";
import { useTransition } from "../structure/useTransition";
import { BodyCount } from "./BodyCount";
import { StructureTree } from "./StructureTree";
import { combined } from "./useQueries";

const explanationId = "unverified-explanation";

/** The home page: the structure on a date, as a map and as a list of regions and their bodies. */
export function BodiesPage() {
  const { t } = useStructureText();
  const { t: tApp } = useTranslation();
  const navigate = useNavigate();
  const structureDate = useStructureDate();
  const { date, chosen, change } = structureDate;
  const regions = useRegionsOn(date);
  const bodies = useBodiesOn(date);
  const municipalities = useMunicipalitiesOn(date);
  const geo = useMunicipalityGeo();
  const transition = useTransition(change);
  const structure = combined([structureDate.todayQuery, regions, bodies, municipalities]);
  const mapState = combined([geo]);

  const areas = useMemo(
    () =>
      geo.data && bodies.data && municipalities.data
        ? mapAreas({
            geo: geo.data,
            bodies: bodies.data,
            municipalities: municipalities.data,
            transition,
          })
        : null,
    [geo.data, bodies.data, municipalities.data, transition],
  );
  const colours = useMemo(() => bodyColours(bodies.data ?? []), [bodies.data]);
  const kind = kindOfAll(bodies.data ?? []);
  const kindOf = (id: string) => bodies.data?.find((b) => b.id === id)?.kind;

  return (
    <>
      <title>{`${t("home.title")} – ${tApp("app.name")}`}</title>
      <h1>{t("home.title")}</h1>
      <p className="font-lead">{t("home.intro")}</p>
      <p>
        <Link to={reformPath}>{t("home.reformLink")}</Link>
      </p>
      <DateSwitch structure={structureDate} />
      {change && date && <TransitionNotice change={change} date={date} />}
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
                  label={t(kind === "sundhedsraad" ? "home.mapLabelCouncils" : "home.mapLabel")}
                  size="country"
                  onSelectBody={(id) => navigate(bodyPath(id, kindOf(id), chosen))}
                />
                <p className="form-hint map-hint">
                  {t(change ? "home.mapHintChange" : "home.mapHint")}
                </p>
              </>
            ) : (
              !mapState.error && !structure.error && <Loading />
            )}
          </div>
        </section>
        <section className="col-12 col-lg-5" aria-labelledby="list-heading">
          <h2 id="list-heading">
            {t(
              kind === "sundhedsraad"
                ? "home.listHeadingCouncils"
                : kind === "sundhedsklynge"
                  ? "home.listHeadingClusters"
                  : "home.listHeading",
            )}
          </h2>
          {bodies.data && regions.data && (
            <BodyCount bodies={bodies.data} regionCount={regions.data.length} />
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
              linkDate={chosen}
            />
          ) : (
            !structure.error && <Loading />
          )}
        </section>
      </div>
    </>
  );
}
