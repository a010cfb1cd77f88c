import { useState } from "react";
import { Link } from "react-router";
import { ScrollableTable } from "../app/ScrollableTable";
import { downloadCsv } from "./api";
import { formatCount, formatInterval, formatKroner, formatValue } from "./numbers";
import { ProvisionalMark, ProvisionalNote } from "./Provisional";
import { municipalityPath } from "./paths";
import { useIndicatorText } from "./text";
import type { Row, ValueKind } from "./types";

type Props = {
  rows: readonly Row[];
  kind: ValueKind;
  caption: string;
  /** The same request as the rows'; asked again with Accept: text/csv for the download. */
  csvPath: string;
  csvName: string;
};

function Hidden() {
  const { t } = useIndicatorText();
  return (
    <span className="suppressed-cell">
      {t("indicators.figure.suppressed")}
      <sup aria-hidden="true">*</sup>
    </span>
  );
}

function TableRow({ row, kind, extra }: { row: Row; kind: ValueKind; extra: Extra }) {
  const { language } = useIndicatorText();
  const count = (n: number | null) => (n === null ? <Hidden /> : formatCount(n, language));
  const value = (v: number | null | undefined) =>
    row.suppressed || v === null || v === undefined ? <Hidden /> : formatValue(v, kind, language);
  return (
    <tr className={row.suppressed ? "suppressed-row" : undefined}>
      <th scope="row">
        {row.unit === "municipality" ? (
          <Link to={municipalityPath(row.code)}>{row.name}</Link>
        ) : (
          row.name
        )}
      </th>
      <td className="align-text-right">{count(row.numerator)}</td>
      <td className="align-text-right">{count(row.denominator)}</td>
      <td className="align-text-right">
        {value(row.value)}
        <ProvisionalMark rows={[row]} />
      </td>
      <td className="align-text-right">
        {row.suppressed || row.ciLow === null || row.ciHigh === null ? (
          <Hidden />
        ) : (
          formatInterval(row.ciLow, row.ciHigh, kind, language)
        )}
      </td>
      {extra.standardised && <td className="align-text-right">{value(row.standardisedValue)}</td>}
      {extra.amount && (
        <td className="align-text-right">
          {row.amount == null ? <Hidden /> : formatKroner(row.amount, language)}
        </td>
      )}
    </tr>
  );
}

type Extra = { standardised: boolean; amount: boolean };

function RowsHead({ extra }: { extra: Extra }) {
  const { t } = useIndicatorText();
  const figure = (key: Parameters<typeof t>[0]) => (
    <th scope="col" className="align-text-right">
      {t(key)}
    </th>
  );
  return (
    <thead>
      <tr>
        <th scope="col">{t("indicators.table.unit")}</th>
        {figure("indicators.table.numerator")}
        {figure("indicators.table.denominator")}
        {figure("indicators.table.value")}
        {figure("indicators.table.interval")}
        {extra.standardised && figure("indicators.table.standardised")}
        {extra.amount && figure("indicators.table.amount")}
      </tr>
    </thead>
  );
}

/** The figures behind the map and the funnel, with the CSV download of the same rows. */
export function RowsTable({ rows, kind, caption, csvPath, csvName }: Props) {
  const { t } = useIndicatorText();
  const [failed, setFailed] = useState(false);
  const extra: Extra = {
    standardised: rows.some((r) => r.standardisedValue !== undefined),
    amount: rows.some((r) => r.amount !== undefined),
  };
  const sorted = [...rows].sort((a, b) => a.name.localeCompare(b.name, "da"));
  const download = () => {
    setFailed(false);
    downloadCsv(csvPath, csvName).catch(() => setFailed(true));
  };
  return (
    <>
      <p className="rows-actions">
        <button type="button" className="button button-secondary csv-download" onClick={download}>
          {t("indicators.table.csv")}
        </button>
      </p>
      {failed && (
        <div className="alert alert-error" role="alert">
          <p className="alert-text">{t("indicators.table.csvFailed")}</p>
        </div>
      )}
      <ScrollableTable label={caption}>
        <table className="table table--zebra table--compact indicator-rows">
          <caption className="sr-only">{caption}</caption>
          <RowsHead extra={extra} />
          <tbody>
            {sorted.map((row) => (
              <TableRow key={`${row.code}-${row.period}`} row={row} kind={kind} extra={extra} />
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      {rows.some((r) => r.suppressed || r.denominator === null) && (
        <p className="form-hint suppression-note">{t("indicators.table.suppressionNote")}</p>
      )}
      <ProvisionalNote rows={rows} />
    </>
  );
}
