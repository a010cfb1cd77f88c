import "./indicators.css";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router";
import { ApiError } from "../api/client";
import { useToday } from "../api/queries";
import type { BodyKind } from "../api/types";
import { Icon } from "../components/Icon";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { NotFoundPage } from "../pages/NotFoundPage";
import { bodyPath } from "../structure/paths";
import { useDashboard, useIndicators } from "./api";
import { byPeriod } from "./figures";
import { LoopTable } from "./LoopTable";
import { dashboardPath, qualityPath } from "./paths";
import { dayBefore, formatPeriod, startOfPeriodHolding } from "./periods";
import { sectorLabel } from "./QualityFilters";
import { TrendCard } from "./TrendCard";
import { useIndicatorText } from "./text";
import type { TrendLine } from "./trend";
import type { DashboardAnswer, IndicatorDefinition, LoopTable as LoopRows } from "./types";

function Breadcrumbs({ dashboard }: { dashboard: DashboardAnswer }) {
  const { t } = useIndicatorText();
  const { body } = dashboard;
  return (
    <nav className="breadcrumbs" aria-label={t("indicators.breadcrumb")}>
      <ol className="breadcrumbs__list">
        <li className="breadcrumbs__list-item">
          <Link className="breadcrumbs__link" to={qualityPath}>
            {t("indicators.quality.title")}
          </Link>
        </li>
        <li className="breadcrumbs__list-item">
          <Icon name="chevron-right" />
          <Link className="breadcrumbs__link" to={bodyPath(body.id, body.kind)}>
            {body.name}
          </Link>
        </li>
        <li className="breadcrumbs__list-item" aria-current="page">
          <Icon name="chevron-right" />
          {t("indicators.dashboard.crumb")}
        </li>
      </ol>
    </nav>
  );
}

/** The body's line (its predecessor's rows before it existed), its region's and the country's. */
function linesOf(dashboard: DashboardAnswer, indicator: string, countryName: string): TrendLine[] {
  const series = dashboard.series.find((s) => s.indicator === indicator);
  if (!series) return [];
  return [
    { name: dashboard.body.name, rows: byPeriod(series.body), role: "main" },
    { name: dashboard.region.name, rows: byPeriod(series.region), role: "region" },
    { name: countryName, rows: byPeriod(series.country), role: "country" },
  ];
}

function TrendGrid({
  dashboard,
  definitions,
}: {
  dashboard: DashboardAnswer;
  definitions: readonly IndicatorDefinition[];
}) {
  const { t } = useIndicatorText();
  const subject = t("indicators.dashboard.subject", {
    body: dashboard.body.name,
    region: dashboard.region.name,
  });
  return (
    <div className="trend-grid">
      {definitions.map((d) => (
        <TrendCard
          key={d.id}
          definition={d}
          periods={dashboard.months}
          lines={linesOf(dashboard, d.id, t("indicators.country"))}
          computedAt={dashboard.computedAt}
          subject={subject}
        />
      ))}
    </div>
  );
}

/** The receiving sectors of the loop tables, in the order the API gives them. */
function sectorsOf(tables: readonly LoopRows[]): string[] {
  return [...new Set(tables.flatMap((table) => (table.sector ? [table.sector] : [])))];
}

/**
 * A sector's tables; those of no sector (readmission by whether the municipality
 * confirmed) go with the first sector's, the municipality's.
 */
function tablesOf(tables: readonly LoopRows[], sector: string, first: boolean): LoopRows[] {
  return tables.filter((table) => table.sector === sector || (first && table.sector === null));
}

/** The predecessors whose months the body's line holds (a council's first months are its clusters'). */
function predecessorNames(dashboard: DashboardAnswer): string[] {
  const names = new Set<string>();
  for (const s of dashboard.series)
    for (const row of s.body) if (row.code !== dashboard.body.id) names.add(row.name);
  return [...names];
}

/**
 * A cluster's or a council's own dashboard: each indicator's last 12 months against
 * the region and the country, and the loop indicators per municipality and practice.
 */
export function DashboardPage({ routeKind }: { routeKind: BodyKind }) {
  const { t, language } = useIndicatorText();
  const { t: tApp } = useTranslation();
  const { id = "" } = useParams();
  // The 12 complete months: the month under way would dip for no other reason than that.
  const today = useToday();
  const lastMonthEnd = today.data
    ? dayBefore(startOfPeriodHolding("month", today.data.date))
    : undefined;
  const dashboard = useDashboard(id, lastMonthEnd);
  const indicators = useIndicators();
  const definitions = useMemo(
    () => new Map((indicators.data?.indicators ?? []).map((d) => [d.id, d])),
    [indicators.data],
  );

  if (dashboard.error instanceof ApiError && dashboard.error.status === 404)
    return <NotFoundPage bodyId={id} bodyKind={routeKind} />;
  const error = dashboard.error ?? indicators.error ?? today.error;
  if (error) return <ProblemAlert error={error} onRetry={() => void dashboard.refetch()} />;
  if (!dashboard.data || !indicators.data) return <Loading />;
  const data = dashboard.data;
  if (data.body.kind !== routeKind)
    return <Navigate replace to={dashboardPath(data.body.id, data.body.kind)} />;

  const shown = data.series.flatMap((s) => definitions.get(s.indicator) ?? []);
  const population = shown.filter((d) => d.family === "population");
  const loop = shown.filter((d) => d.family === "loop");
  const first = data.months[0];
  const last = data.months[data.months.length - 1];
  const predecessors = predecessorNames(data);
  return (
    <>
      <title>{`${t("indicators.dashboard.title", { name: data.body.name })} – ${tApp("app.name")}`}</title>
      <Breadcrumbs dashboard={data} />
      <h1>{t("indicators.dashboard.title", { name: data.body.name })}</h1>
      <p className="font-lead">
        {t("indicators.dashboard.intro", {
          from: first ? formatPeriod(first, language) : "",
          to: last ? formatPeriod(last, language) : "",
          region: data.region.name,
        })}
      </p>
      {predecessors.length > 0 && (
        <p className="alert alert-info predecessor-note">
          {t("indicators.dashboard.predecessors", {
            names: predecessors.join(", "),
            name: data.body.name,
          })}
        </p>
      )}
      <section aria-labelledby="dashboard-population">
        <h2 id="dashboard-population">{t("indicators.dashboard.population")}</h2>
        <TrendGrid dashboard={data} definitions={population} />
      </section>
      <section aria-labelledby="dashboard-loop">
        <h2 id="dashboard-loop">{t("indicators.dashboard.loop")}</h2>
        <p>{t("indicators.dashboard.loopIntro")}</p>
        <TrendGrid dashboard={data} definitions={loop} />
      </section>
      <section aria-labelledby="dashboard-municipalities">
        <h2 id="dashboard-municipalities">{t("indicators.dashboard.byMunicipality")}</h2>
        <p>{t("indicators.dashboard.bySectorIntro")}</p>
        {sectorsOf(data.loopByMunicipality).map((sector, index) => (
          <section key={sector} aria-labelledby={`loop-sector-${sector}`}>
            <h3 id={`loop-sector-${sector}`} className="h4">
              {t("indicators.dashboard.receivingSector", { sector: sectorLabel(sector, t) })}
            </h3>
            <LoopTable
              tables={tablesOf(data.loopByMunicipality, sector, index === 0)}
              definitions={definitions}
              unitHeading={t("indicators.map.municipality")}
              caption={t("indicators.dashboard.byMunicipalityCaption", {
                name: data.body.name,
                sector: sectorLabel(sector, t).toLowerCase(),
              })}
            />
          </section>
        ))}
      </section>
      <section aria-labelledby="dashboard-practices">
        <h2 id="dashboard-practices">{t("indicators.dashboard.byPractice")}</h2>
        <LoopTable
          tables={data.loopByPractice}
          definitions={definitions}
          unitHeading={t("indicators.dashboard.practice")}
          caption={t("indicators.dashboard.byPracticeCaption", { name: data.body.name })}
        />
      </section>
      <p>
        <Link to={qualityPath}>{t("indicators.dashboard.compareAll")}</Link>
      </p>
    </>
  );
}
