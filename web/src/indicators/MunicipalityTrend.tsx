import { type QueryObserverResult, useQueries } from "@tanstack/react-query";
import { useCallback } from "react";
import { getJson } from "../api/client";
import { ProblemAlert } from "../components/ProblemAlert";
import type { MunicipalityHistory } from "./api";
import { byPeriod } from "./figures";
import { followHistory, historySpans, trendPath } from "./municipality-trend";
import { TrendCard } from "./TrendCard";
import { useIndicatorText } from "./text";
import type { TrendLine } from "./trend";
import type { IndicatorDefinition, PeriodKind, ValuesAnswer } from "./types";

type Props = {
  definition: IndicatorDefinition;
  history: MunicipalityHistory;
  period: PeriodKind;
  /** The complete periods shown: their labels, and the first days of the first and last. */
  span: { labels: readonly string[]; from: string; to: string };
  computedAt: string | null;
};

function names(items: readonly { name: string }[]): string {
  return [...new Set(items.map((i) => i.name))].join(" → ");
}

/** The four lines from the answers: the municipality, its bodies', its regions' and the country's. */
function linesOf(
  answers: readonly ValuesAnswer[],
  history: MunicipalityHistory,
  bodyCount: number,
  countryName: string,
): TrendLine[] {
  const [own, country, ...rest] = answers;
  const spans = historySpans(history);
  const bodyRows = rest.slice(0, bodyCount).flatMap((a) => a.rows);
  const regionRows = rest.slice(bodyCount).flatMap((a) => a.rows);
  const regions = history.bodyHistory.map((b) => ({ name: b.regionName }));
  return [
    { name: history.name, rows: byPeriod(own?.rows ?? []), role: "main" },
    { name: names(history.bodyHistory), rows: followHistory(bodyRows, spans.bodies), role: "body" },
    { name: names(regions), rows: followHistory(regionRows, spans.regions), role: "region" },
    { name: countryName, rows: byPeriod(country?.rows ?? []), role: "country" },
  ];
}

/** One indicator's trend for a municipality, against its body, its region and the country. */
export function MunicipalityTrend({ definition, history, period, span, computedAt }: Props) {
  const { t } = useIndicatorText();
  const bodyIds = [...new Set(history.bodyHistory.map((b) => b.id))];
  const regionCodes = [...new Set(history.bodyHistory.map((b) => b.regionCode))];
  const range = { from: span.from, to: span.to };
  const paths = [
    trendPath(definition, "municipality", history.code, period, range),
    trendPath(definition, "country", null, period, range),
    ...bodyIds.map((id) => trendPath(definition, "body", id, period, range)),
    ...regionCodes.map((code) => trendPath(definition, "region", code, period, range)),
  ];
  const countryName = t("indicators.country");
  // The lines are built again only when an answer changes (useQueries' combine).
  const combine = useCallback(
    (results: QueryObserverResult<ValuesAnswer>[]) => {
      const answers = results.flatMap((r) => (r.data ? [r.data] : []));
      const complete = answers.length === results.length;
      const failed = results.filter((r) => r.isError);
      return {
        error: failed[0]?.error ?? null,
        retry: () => {
          for (const r of failed) void r.refetch();
        },
        lines: complete ? linesOf(answers, history, bodyIds.length, countryName) : [],
        periods: complete ? span.labels : [],
        computedAt: answers[0]?.computedAt ?? null,
      };
    },
    [history, bodyIds.length, countryName, span.labels],
  );
  const trend = useQueries({
    queries: paths.map((path) => ({
      queryKey: ["indicator-figures", path],
      queryFn: ({ signal }: { signal: AbortSignal }) => getJson<ValuesAnswer>(path, signal),
      staleTime: 60 * 1000,
    })),
    combine,
  });

  if (trend.error) return <ProblemAlert error={trend.error} onRetry={trend.retry} />;
  return (
    <TrendCard
      definition={definition}
      periods={trend.periods}
      lines={trend.lines}
      computedAt={trend.computedAt ?? computedAt}
      subject={t("indicators.municipality.subject", { name: history.name })}
    />
  );
}
