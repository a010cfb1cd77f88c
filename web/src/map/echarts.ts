// ECharts with only what the maps need: the map series, tooltips and the SVG renderer.
import { MapChart, type MapSeriesOption } from "echarts/charts";
import { TooltipComponent, type TooltipComponentOption } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([MapChart, TooltipComponent, SVGRenderer]);

export type MapOption = echarts.ComposeOption<MapSeriesOption | TooltipComponentOption>;
export type MapDataItem = NonNullable<MapSeriesOption["data"]>[number];

export { echarts };
