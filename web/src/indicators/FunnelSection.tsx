import { useMemo } from "react";
import { useNavigate } from "react-router";
import { FunnelData, FunnelLegend, OutlierList } from "./FunnelParts";
import { funnelOption } from "./funnel";
import { funnelLabels } from "./funnel-text";
import { LazyChart } from "./LazyChart";
import { formatValue } from "./numbers";
import { municipalityPath } from "./paths";
import { useIndicatorText } from "./text";
import type { FunnelAnswer, MapUnit, ValueKind } from "./types";

type Props = {
  funnel: FunnelAnswer;
  kind: ValueKind;
  unit: MapUnit;
  label: string;
  highlight: ReadonlySet<string> | null;
};

/** The funnel plot, the units outside 99.8 % named under it, and its figures as a table. */
export function FunnelSection({ funnel, kind, unit, label, highlight }: Props) {
  const { t, language } = useIndicatorText();
  const navigate = useNavigate();
  const option = useMemo(
    () => funnelOption({ funnel, kind, labels: funnelLabels(kind, language, t), highlight }),
    [funnel, kind, highlight, language, t],
  );
  return (
    <>
      <LazyChart
        option={option}
        label={label}
        className="funnel-chart"
        onSelect={unit === "municipality" ? (code) => navigate(municipalityPath(code)) : undefined}
      />
      <FunnelLegend />
      <p className="funnel-national">
        {funnel.national === null
          ? t("indicators.funnel.noNational")
          : t("indicators.funnel.nationalValue", {
              value: formatValue(funnel.national, kind, language),
            })}
      </p>
      <OutlierList funnel={funnel} kind={kind} />
      <FunnelData funnel={funnel} kind={kind} caption={label} />
    </>
  );
}
