import { ScrollableTable } from "../app/ScrollableTable";
import { formatInterval, formatValue } from "./numbers";
import { ProvisionalMark, ProvisionalNote } from "./Provisional";
import { local, useIndicatorText } from "./text";
import type { IndicatorDefinition, LoopTable as LoopRows, Row } from "./types";

/** Units as rows, loop indicators as columns: one period (the dashboard's 12 months). */
function pivot(tables: readonly LoopRows[]) {
  const units = new Map<string, string>();
  const cells = new Map<string, Row>();
  for (const table of tables) {
    for (const row of table.rows) {
      units.set(row.code, row.name);
      cells.set(`${table.indicator}|${row.code}`, row);
    }
  }
  const sorted = [...units.entries()].sort((a, b) => a[1].localeCompare(b[1], "da"));
  return {
    units: sorted,
    cell: (indicator: string, code: string) => cells.get(`${indicator}|${code}`),
  };
}

function Cell({ row, definition }: { row: Row | undefined; definition: IndicatorDefinition }) {
  const { t, language } = useIndicatorText();
  if (!row || (row.value === null && !row.suppressed))
    return <td className="align-text-right">–</td>;
  if (row.suppressed || row.value === null)
    return (
      <td className="align-text-right suppressed-cell">
        {t("indicators.figure.suppressed")}
        <sup aria-hidden="true">*</sup>
      </td>
    );
  const kind = definition.valueKind;
  return (
    <td className="align-text-right">
      {formatValue(row.value, kind, language)}
      <ProvisionalMark rows={[row]} />
      {row.ciLow !== null && row.ciHigh !== null && (
        <span className="cell-interval">
          {formatInterval(row.ciLow, row.ciHigh, kind, language)}
        </span>
      )}
    </td>
  );
}

type Props = {
  tables: readonly LoopRows[];
  definitions: ReadonlyMap<string, IndicatorDefinition>;
  unitHeading: string;
  caption: string;
};

/** The loop indicators per member municipality or per practice, each a column. */
export function LoopTable({ tables, definitions, unitHeading, caption }: Props) {
  const { t, language } = useIndicatorText();
  const shown = tables.filter((table) => definitions.has(table.indicator));
  const { units, cell } = pivot(shown);
  if (units.length === 0) return <p>{t("indicators.dashboard.noUnits")}</p>;
  return (
    <>
      <ScrollableTable label={caption}>
        <table className="table table--zebra table--compact loop-table">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{unitHeading}</th>
              {shown.map((table) => {
                const definition = definitions.get(table.indicator);
                return (
                  <th key={table.indicator} scope="col" className="align-text-right">
                    {definition ? local(definition.title, language) : table.indicator}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {units.map(([code, name]) => (
              <tr key={code}>
                <th scope="row">{name}</th>
                {shown.map((table) => {
                  const definition = definitions.get(table.indicator);
                  return definition ? (
                    <Cell
                      key={table.indicator}
                      row={cell(table.indicator, code)}
                      definition={definition}
                    />
                  ) : null;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      {shown.some((table) => table.rows.some((r) => r.suppressed)) && (
        <p className="form-hint suppression-note">{t("indicators.table.suppressionNote")}</p>
      )}
      <ProvisionalNote rows={shown.flatMap((table) => table.rows)} />
    </>
  );
}
