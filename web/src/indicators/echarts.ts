// The pieces of ECharts the indicators' charts need, on top of the map's (web/src/map/echarts.ts).
import type { LineSeriesOption, MapSeriesOption, ScatterSeriesOption } from "echarts/charts";
import { LineChart, ScatterChart } from "echarts/charts";
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from "echarts/components";
import { GridComponent, LegendComponent } from "echarts/components";
import { echarts } from "../map/echarts";

echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent]);

export type ChartOption = echarts.ComposeOption<
  | LineSeriesOption
  | ScatterSeriesOption
  | MapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

export { echarts };
