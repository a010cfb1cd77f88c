import "./indicators.css";
import { useMemo } from "react";
import { Navigate, useParams } from "react-router";
import { ApiError } from "../api/client";
import { useToday } from "../api/queries";
import type { BodyKind } from "../api/types";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { BodyWorkLinks } from "../governance/BodyWorkLinks";
import { NotFoundPage } from "../pages/NotFoundPage";
import { useDashboard, useIndicators } from "./api";
import { DashboardHead, LoopByMunicipality, LoopByPractice, TrendGrid } from "./DashboardParts";
import { dashboardPath } from "./paths";
import { dayBefore, startOfPeriodHolding } from "./periods";
import { useIndicatorText } from "./text";
import type { DashboardAnswer, IndicatorDefinition } from "./types";

function Dashboard({
  dashboard,
  definitions,
}: {
  dashboard: DashboardAnswer;
  definitions: ReadonlyMap<string, IndicatorDefinition>;
}) {
  const { t } = useIndicatorText();
  const shown = dashboard.series.flatMap((s) => definitions.get(s.indicator) ?? []);
  return (
    <>
      <DashboardHead dashboard={dashboard} />
      <BodyWorkLinks body={dashboard.body} headed />
      <section aria-labelledby="dashboard-population">
        <h2 id="dashboard-population">{t("indicators.dashboard.population")}</h2>
        <TrendGrid
          dashboard={dashboard}
          definitions={shown.filter((d) => d.family === "population")}
        />
      </section>
      <section aria-labelledby="dashboard-loop">
        <h2 id="dashboard-loop">{t("indicators.dashboard.loop")}</h2>
        <p>{t("indicators.dashboard.loopIntro")}</p>
        <TrendGrid dashboard={dashboard} definitions={shown.filter((d) => d.family === "loop")} />
      </section>
      <LoopByMunicipality dashboard={dashboard} definitions={definitions} />
      <LoopByPractice dashboard={dashboard} definitions={definitions} />
    </>
  );
}

/**
 * A cluster's or a council's own dashboard: each indicator's last 12 months against
 * the region and the country, and the loop indicators per municipality and practice.
 */
export function DashboardPage({ routeKind }: { routeKind: BodyKind }) {
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
  const { body } = dashboard.data;
  if (body.kind !== routeKind) return <Navigate replace to={dashboardPath(body.id, body.kind)} />;
  return <Dashboard dashboard={dashboard.data} definitions={definitions} />;
}
