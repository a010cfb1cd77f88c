import "./indicators.css";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiError } from "../api/client";
import { useToday } from "../api/queries";
import { Icon } from "../components/Icon";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { bodyPath } from "../structure/paths";
import { type MunicipalityHistory, useIndicators, useMunicipality } from "./api";
import { MunicipalityTrend } from "./MunicipalityTrend";
import { qualityPath } from "./paths";
import { completePeriods } from "./periods";
import { useIndicatorText } from "./text";
import type { PeriodKind } from "./types";

const periodKinds: readonly PeriodKind[] = ["month", "quarter", "year"];
const periodParam = "periode";
/** At least 12 periods; years since the clusters began (2022). */
const trendLength: Record<PeriodKind, number> = { month: 24, quarter: 12, year: 5 };

function MunicipalityHead({ history, today }: { history: MunicipalityHistory; today: string }) {
  const { t } = useIndicatorText();
  const { t: tApp } = useTranslation();
  // The body that holds the municipality today (its history also names the coming council).
  const current = history.bodyHistory.find(
    (b) => b.validFrom <= today && (b.validTo === null || today < b.validTo),
  );
  return (
    <>
      <title>{`${history.name} – ${t("indicators.quality.title")} – ${tApp("app.name")}`}</title>
      <nav className="breadcrumbs" aria-label={t("indicators.breadcrumb")}>
        <ol className="breadcrumbs__list">
          <li className="breadcrumbs__list-item">
            <Link className="breadcrumbs__link" to={qualityPath}>
              {t("indicators.quality.title")}
            </Link>
          </li>
          <li className="breadcrumbs__list-item" aria-current="page">
            <Icon name="chevron-right" />
            {history.name}
          </li>
        </ol>
      </nav>
      <h1>{t("indicators.municipality.title", { name: history.name })}</h1>
      <p className="font-lead">{t("indicators.municipality.intro", { name: history.name })}</p>
      {current && (
        <p>
          <Link to={bodyPath(current.id, current.kind)}>{current.name}</Link> ·{" "}
          {history.region.name}
        </p>
      )}
    </>
  );
}

function PeriodKindSelect({
  value,
  onChange,
}: {
  value: PeriodKind;
  onChange: (kind: string) => void;
}) {
  const { t } = useIndicatorText();
  return (
    <div className="form-group quality-filters">
      <label className="form-label" htmlFor="trend-period">
        {t("indicators.filters.periodKind")}
      </label>
      <select
        id="trend-period"
        className="form-select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {periodKinds.map((k) => (
          <option key={k} value={k}>
            {t(`indicators.filters.${k}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A municipality's page under Kvalitet: every indicator over at least 12 periods,
 * against the body that held the municipality then, its region and the country.
 */
export function MunicipalityPage() {
  const { t } = useIndicatorText();
  const { code = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const asked = params.get(periodParam);
  const period = periodKinds.find((k) => k === asked) ?? "quarter";
  const municipality = useMunicipality(code);
  const today = useToday();
  const span = useMemo(
    () => (today.data ? completePeriods(period, today.data.date, trendLength[period]) : null),
    [today.data, period],
  );
  const indicators = useIndicators();

  if (municipality.error instanceof ApiError && municipality.error.status === 404) {
    return (
      <>
        <h1>{t("indicators.municipality.notFound")}</h1>
        <p>
          <Link to={qualityPath}>{t("indicators.municipality.back")}</Link>
        </p>
      </>
    );
  }
  const error = municipality.error ?? indicators.error ?? today.error;
  if (error) return <ProblemAlert error={error} onRetry={() => void municipality.refetch()} />;
  if (!municipality.data || !indicators.data || !span || !today.data) return <Loading />;
  const { computedAt } = indicators.data;
  return (
    <>
      <MunicipalityHead history={municipality.data} today={today.data.date} />
      <PeriodKindSelect
        value={period}
        onChange={(kind) => setParams({ [periodParam]: kind }, { preventScrollReset: true })}
      />
      <div className="trend-grid">
        {indicators.data.indicators
          .filter((d) => d.attributions.includes("residence"))
          .map((d) => (
            <MunicipalityTrend
              key={d.id}
              definition={d}
              history={municipality.data}
              period={period}
              span={span}
              computedAt={computedAt}
            />
          ))}
      </div>
    </>
  );
}
