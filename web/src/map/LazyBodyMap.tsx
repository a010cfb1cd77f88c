import { lazy, Suspense } from "react";
import { Loading } from "../components/Loading";
import type { BodyMapProps } from "./BodyMap";

// ECharts is the largest dependency; it loads with the first map, in its own chunk.
const BodyMap = lazy(() => import("./BodyMap"));

export function LazyBodyMap(props: BodyMapProps) {
  return (
    <Suspense fallback={<Loading />}>
      <BodyMap {...props} />
    </Suspense>
  );
}
