import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Icon } from "../components/Icon";
import { bodyPath } from "../structure/paths";
import { byPeriod } from "./figures";
import { LoopTable } from "./LoopTable";
import { qualityPath } from "./paths";
import { formatPeriod } from "./periods";
import { sectorLabel } from "./QualityFilters";
import { TrendCard } from "./TrendCard";
import { useIndicatorText } from "./text";
import type { TrendLine } from "./trend";
import type { DashboardAnswer, IndicatorDefinition, LoopTable as LoopRows } from "./types";

export function Breadcrumbs({ dashboard }: { dashboard: DashboardAnswer }) {
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

export function TrendGrid({
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

/** The title, what the months are and whom they are compared with, and whose months they hold. */
export function DashboardHead({ dashboard }: { dashboard: DashboardAnswer }) {
  const { t, language } = useIndicatorText();
  const { t: tApp } = useTranslation();
  const { body, months, region } = dashboard;
  const first = months[0];
  const last = months[months.length - 1];
  const predecessors = predecessorNames(dashboard);
  const title = t("indicators.dashboard.title", { name: body.name });
  return (
    <>
      <title>{`${title} – ${tApp("app.name")}`}</title>
      <Breadcrumbs dashboard={dashboard} />
      <h1>{title}</h1>
      <p className="font-lead">
        {t("indicators.dashboard.intro", {
          from: first ? formatPeriod(first, language) : "",
          to: last ? formatPeriod(last, language) : "",
          region: region.name,
        })}
      </p>
      {predecessors.length > 0 && (
        <p className="alert alert-info predecessor-note">
          {t("indicators.dashboard.predecessors", {
            names: predecessors.join(", "),
            name: body.name,
          })}
        </p>
      )}
    </>
  );
}

type LoopProps = {
  dashboard: DashboardAnswer;
  definitions: ReadonlyMap<string, IndicatorDefinition>;
};

/** The loop per member municipality, one table per receiving sector. */
export function LoopByMunicipality({ dashboard, definitions }: LoopProps) {
  const { t } = useIndicatorText();
  const tables = dashboard.loopByMunicipality;
  return (
    <section aria-labelledby="dashboard-municipalities">
      <h2 id="dashboard-municipalities">{t("indicators.dashboard.byMunicipality")}</h2>
      <p>{t("indicators.dashboard.bySectorIntro")}</p>
      {sectorsOf(tables).map((sector, index) => (
        <section key={sector} aria-labelledby={`loop-sector-${sector}`}>
          <h3 id={`loop-sector-${sector}`} className="h4">
            {t("indicators.dashboard.receivingSector", { sector: sectorLabel(sector, t) })}
          </h3>
          <LoopTable
            tables={tablesOf(tables, sector, index === 0)}
            definitions={definitions}
            unitHeading={t("indicators.map.municipality")}
            caption={t("indicators.dashboard.byMunicipalityCaption", {
              name: dashboard.body.name,
              sector: sectorLabel(sector, t).toLowerCase(),
            })}
          />
        </section>
      ))}
    </section>
  );
}

/** The loop per listed practice in the body (GP as the receiving sector). */
export function LoopByPractice({ dashboard, definitions }: LoopProps) {
  const { t } = useIndicatorText();
  return (
    <section aria-labelledby="dashboard-practices">
      <h2 id="dashboard-practices">{t("indicators.dashboard.byPractice")}</h2>
      <LoopTable
        tables={dashboard.loopByPractice}
        definitions={definitions}
        unitHeading={t("indicators.dashboard.practice")}
        caption={t("indicators.dashboard.byPracticeCaption", { name: dashboard.body.name })}
      />
      <p>
        <Link to={qualityPath}>{t("indicators.dashboard.compareAll")}</Link>
      </p>
    </section>
  );
}
