import { useEffect, useRef } from "react";
import type { MunicipalityGeo } from "../api/types";
import { useStructureText } from "../structure/text";
import type { MapArea } from "./areas";
import { echarts } from "./echarts";
import { withBornholmInset } from "./inset";
import { mapName, mapOption } from "./map-option";
import type { MapView } from "./view";

export type BodyMapProps = {
  geo: MunicipalityGeo;
  areas: readonly MapArea[];
  /** Where to look, in the inset's coordinates; the whole country otherwise. */
  view?: MapView | null;
  /** The text alternative of the whole map. */
  label: string;
  /** "country" fits all of Denmark; "focus" is the smaller, zoomed map of one body. */
  size: "country" | "focus";
  onSelectBody?: (bodyId: string) => void;
};

const registered = new WeakSet<MunicipalityGeo>();

function register(geo: MunicipalityGeo): void {
  if (registered.has(geo)) return;
  const inset = withBornholmInset(geo);
  echarts.registerMap(mapName, inset as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered.add(geo);
}

/** A map of Denmark's municipalities drawn with ECharts (SVG). */
export default function BodyMap({ geo, areas, view, label, size, onSelectBody }: BodyMapProps) {
  const { t } = useStructureText();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelectBody);
  select.current = onSelectBody;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, null, { renderer: "svg" });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    register(geo);
    instance.setOption(mapOption({ areas, t, view }), { notMerge: true });
    const byCode = new Map(areas.map((a) => [a.code, a]));
    instance.off("click");
    instance.on("click", (params) => {
      const bodyId = byCode.get(params.name)?.bodyId;
      if (bodyId) select.current?.(bodyId);
    });
    // `t` changes with the language, so the tooltips follow a language switch.
  }, [geo, areas, view, t]);

  return (
    <div ref={container} className={`body-map body-map-${size}`} role="img" aria-label={label} />
  );
}
