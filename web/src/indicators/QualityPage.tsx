import "./indicators.css";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { combined } from "../pages/useQueries";
import { DefinitionBox } from "./DefinitionBox";
import { formatPeriod } from "./periods";
import { QualityFilters } from "./QualityFilters";
import {
  FunnelPlotSection,
  MapSection,
  RegionNotice,
  type ShownQuality,
  TableSection,
} from "./QualitySections";
import { local, useIndicatorText } from "./text";
import { useQualityData } from "./useQualityData";

function Frame({ children }: { children: ReactNode }) {
  const { t } = useIndicatorText();
  const { t: tApp } = useTranslation();
  return (
    <>
      <title>{`${t("indicators.quality.title")} – ${tApp("app.name")}`}</title>
      <h1>{t("indicators.quality.title")}</h1>
      <p className="font-lead">{t("indicators.quality.intro")}</p>
      {children}
    </>
  );
}

function Shown({ data }: { data: ShownQuality }) {
  const { t, language } = useIndicatorText();
  const { definition, selection, at, values } = data;
  const caption = {
    title: local(definition.title, language),
    period: at ? formatPeriod(at, language) : "",
    unit: t(
      selection.unit === "body" ? "indicators.filters.bodies" : "indicators.filters.municipalities",
    ),
  };
  const computedAt = values.data?.computedAt ?? data.indicators.data?.computedAt ?? null;
  const sections = { data, caption, computedAt };
  return (
    <>
      <QualityFilters
        indicators={data.indicators.data?.indicators ?? []}
        definition={definition}
        selection={selection}
        at={at}
        periods={data.periods}
        onChange={data.choose}
      />
      <RegionNotice data={data} />
      <div className="row quality-layout">
        <div className="col-12 col-lg-8">
          <MapSection {...sections} />
          <FunnelPlotSection {...sections} />
          <TableSection {...sections} />
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

/**
 * The public Kvalitet page: one indicator for every municipality or body in one
 * period, as a map, a funnel plot and a table, beside its definition.
 */
export function QualityPage() {
  const data = useQualityData();
  const { definition, selection } = data;
  const state = combined([
    data.indicators,
    data.country,
    data.funnel,
    data.values,
    data.geo,
    data.municipalities,
  ]);
  if (state.error)
    return (
      <Frame>
        <ProblemAlert error={state.error} onRetry={state.retry} />
      </Frame>
    );
  return (
    <Frame>
      {definition && selection ? <Shown data={{ ...data, definition, selection }} /> : <Loading />}
    </Frame>
  );
}
