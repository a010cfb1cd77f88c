import { useEffect, useRef } from "react";
import type { MunicipalityGeo } from "../api/types";
import { withBornholmInset } from "../map/inset";
import { mapName } from "../map/map-option";
import { type ChartOption, echarts } from "./echarts";

export type ChartProps = {
  option: ChartOption;
  /** The chart's text alternative; the data table beside it holds the figures. */
  label: string;
  className: string;
  /** For a map: the municipalities' shapes, registered before the option is set. */
  geo?: MunicipalityGeo;
  /** Called with the clicked item's name (a municipality's code on the map). */
  onSelect?: (name: string) => void;
};

const registered = new WeakSet<MunicipalityGeo>();

function register(geo: MunicipalityGeo): void {
  if (registered.has(geo)) return;
  const inset = withBornholmInset(geo);
  echarts.registerMap(mapName, inset as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered.add(geo);
}

/** One ECharts chart (SVG), resized with its box; an image to assistive technology. */
export default function Chart({ option, label, className, geo, onSelect }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, null, { renderer: "svg" });
    chart.current = instance;
    instance.on("click", (params) => {
      // Only a map's areas and a funnel's points name a unit; lines and limits do not.
      const named = params.componentSubType === "map" || params.componentSubType === "scatter";
      if (named && params.name) select.current?.(params.name);
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (geo) register(geo);
    chart.current?.setOption(option, { notMerge: true });
  }, [option, geo]);

  return (
    <div ref={container} className={`indicator-chart ${className}`} role="img" aria-label={label} />
  );
}
