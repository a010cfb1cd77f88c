import { lazy, Suspense } from "react";
import { Loading } from "../components/Loading";
import type { ClusterMapProps } from "./ClusterMap";

// ECharts is the largest dependency; it loads with the first map, in its own chunk.
const ClusterMap = lazy(() => import("./ClusterMap"));

export function LazyClusterMap(props: ClusterMapProps) {
  return (
    <Suspense fallback={<Loading />}>
      <ClusterMap {...props} />
    </Suspense>
  );
}
