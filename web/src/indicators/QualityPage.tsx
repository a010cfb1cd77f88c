import "./indicators.css";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { combined } from "../pages/useQueries";
import { ChartCaption } from "./ChartCaption";
import { DefinitionBox } from "./DefinitionBox";
import { FunnelSection } from "./FunnelSection";
import { IndicatorMap } from "./IndicatorMap";
import { formatPeriod } from "./periods";
import { QualityFilters } from "./QualityFilters";
import { RowsTable } from "./RowsTable";
import { selectionToParams, valuesPath } from "./selection";
import { local, useIndicatorText } from "./text";
import { useQualityData } from "./useQualityData";

/**
 * The public Kvalitet page: one indicator for every municipality or body in one
 * period, as a map, a funnel plot and a table, beside its definition.
 */
export function QualityPage() {
  const { t, language } = useIndicatorText();
  const { t: tApp } = useTranslation();
  const data = useQualityData();
  const { definition, selection, at, values, funnel, geo, municipalities, region } = data;
  const state = combined([data.indicators, data.country, funnel, values, geo, municipalities]);
  const head = (
    <>
      <title>{`${t("indicators.quality.title")} – ${tApp("app.name")}`}</title>
      <h1>{t("indicators.quality.title")}</h1>
      <p className="font-lead">{t("indicators.quality.intro")}</p>
    </>
  );
  if (state.error)
    return (
      <>
        {head}
        <ProblemAlert error={state.error} onRetry={state.retry} />
      </>
    );
  if (!definition || !selection)
    return (
      <>
        {head}
        <Loading />
      </>
    );

  const title = local(definition.title, language);
  const unitWord = t(
    selection.unit === "body" ? "indicators.filters.bodies" : "indicators.filters.municipalities",
  );
  const period = at ? formatPeriod(at, language) : "";
  const rows = values.data?.rows ?? [];
  const shownRows = region ? rows.filter((r) => region.codes.has(r.code)) : rows;
  const computedAt = values.data?.computedAt ?? data.indicators.data?.computedAt ?? null;
  const caption = { title, period, unit: unitWord };

  return (
    <>
      {head}
      <QualityFilters
        indicators={data.indicators.data?.indicators ?? []}
        definition={definition}
        selection={selection}
        at={at}
        periods={data.periods}
        onChange={data.choose}
      />
      {region && (
        <div className="alert alert-info region-filter" role="status">
          <p className="alert-text">
            {t("indicators.quality.regionOnly", { region: region.name })}{" "}
            <Link to={`?${selectionToParams({ ...selection, region: "" })}`}>
              {t("indicators.quality.wholeCountry")}
            </Link>
          </p>
        </div>
      )}
      <div className="row quality-layout">
        <div className="col-12 col-lg-8">
          <section aria-labelledby="quality-map-heading" className="quality-section">
            <h2 id="quality-map-heading">{t("indicators.quality.mapHeading")}</h2>
            <ChartCaption definition={definition} computedAt={computedAt} text={caption} />
            {geo.data && municipalities.data && values.data ? (
              <IndicatorMap
                geo={geo.data}
                rows={rows}
                unit={selection.unit}
                kind={definition.valueKind}
                municipalities={municipalities.data}
                label={t("indicators.map.label", caption)}
              />
            ) : (
              <Loading />
            )}
          </section>
          <section
            aria-labelledby="quality-funnel-heading"
            className="quality-section funnel-section"
          >
            <h2 id="quality-funnel-heading">{t("indicators.funnel.heading")}</h2>
            <ChartCaption
              definition={definition}
              computedAt={funnel.data?.computedAt ?? computedAt}
              text={caption}
            />
            <p>{t("indicators.funnel.explanation")}</p>
            {funnel.data ? (
              <FunnelSection
                funnel={funnel.data}
                kind={definition.valueKind}
                unit={selection.unit}
                label={t("indicators.funnel.label", caption)}
                highlight={region?.codes ?? null}
              />
            ) : (
              <Loading />
            )}
          </section>
          <section aria-labelledby="quality-table-heading" className="quality-section">
            <h2 id="quality-table-heading">{t("indicators.table.heading")}</h2>
            <ChartCaption definition={definition} computedAt={computedAt} text={caption} />
            {values.data ? (
              <RowsTable
                rows={shownRows}
                kind={definition.valueKind}
                caption={t("indicators.table.caption", caption)}
                csvPath={valuesPath(selection, at)}
                csvName={`${definition.id}-${at}-${selection.unit}.csv`}
              />
            ) : (
              <Loading />
            )}
          </section>
        </div>
        <div className="col-12 col-lg-4">
          <aside
            id="definition"
            className="definition-aside"
            aria-label={t("indicators.definition.heading")}
          >
            <DefinitionBox definition={definition} computedAt={computedAt} />
          </aside>
        </div>
      </div>
    </>
  );
}
