import type { ReactNode } from "react";
import { ScrollableTable } from "../app/ScrollableTable";
import { useIndicatorText } from "./text";

/**
 * The figures a chart draws, as a table beside it: open for anyone who wants the
 * numbers, and what a screen reader reads instead of the picture.
 */
export function ChartData({
  caption,
  head,
  leading = 1,
  children,
}: {
  caption: string;
  head: readonly string[];
  /** How many columns, from the left, hold names rather than figures. */
  leading?: number;
  children: ReactNode;
}) {
  const { t } = useIndicatorText();
  return (
    <details className="chart-data">
      <summary>{t("indicators.chartData")}</summary>
      <ScrollableTable label={caption}>
        <table className="table table--compact">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {head.map((h, i) => (
                <th key={h} scope="col" className={i < leading ? undefined : "align-text-right"}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </ScrollableTable>
    </details>
  );
}
