import { lazy, Suspense } from "react";
import { Loading } from "../components/Loading";
import type { ChartProps } from "./Chart";

// ECharts loads with the first chart, in its own chunk, as the structure's map does.
const Chart = lazy(() => import("./Chart"));

export function LazyChart(props: ChartProps) {
  return (
    <Suspense fallback={<Loading />}>
      <Chart {...props} />
    </Suspense>
  );
}
