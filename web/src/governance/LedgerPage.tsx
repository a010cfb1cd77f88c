import { useId } from "react";
import { useParams, useSearchParams } from "react-router";
import { ApiError } from "../api/client";
import type { BodyKind } from "../api/types";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { formatDate } from "../format";
import { NotFoundPage } from "../pages/NotFoundPage";
import { Breadcrumbs } from "./Breadcrumbs";
import { FlowTable, PartyTable, RowTable } from "./LedgerTables";
import { ledgerCsvUrl, ledgerPath, useLedger, useLedgerText } from "./ledger-api";

/** The address parameter of the year shown. */
const YEAR_PARAM = "aar";

/** The years one may pick: a few before and after the current one. */
function yearsAround(current: number): number[] {
  return Array.from({ length: 8 }, (_, i) => current - 4 + i);
}

function YearPicker({ year, onPick }: { year: number; onPick: (year: number) => void }) {
  const t = useLedgerText();
  const id = useId();
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={id}>
        {t("ledger.year")}
      </label>
      <select
        id={id}
        className="form-select"
        value={year}
        onChange={(e) => onPick(Number(e.target.value))}
      >
        {yearsAround(new Date().getFullYear()).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "Money that follows the task": a body's ledger of a year (issue 22, section 4). */
export function LedgerPage({ routeKind }: { routeKind: BodyKind }) {
  const t = useLedgerText();
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const picked = Number(params.get(YEAR_PARAM));
  const year =
    Number.isInteger(picked) && picked >= 2000 && picked <= 2100
      ? picked
      : new Date().getFullYear();
  const query = useLedger(id, year);
  if (query.error instanceof ApiError && query.error.status === 404)
    return <NotFoundPage bodyId={id} bodyKind={routeKind} />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const view = query.data;
  const { body } = view;
  const pick = (y: number) => setParams({ [YEAR_PARAM]: String(y) }, { replace: true });
  return (
    <>
      <title>{`${t("ledger.title")} ${year} – ${body.name}`}</title>
      <Breadcrumbs
        body={body}
        section={{ label: t("ledger.title"), to: ledgerPath(body.id, body.kind) }}
      />
      <h1>{t("ledger.title")}</h1>
      <p className="font-lead">{t("ledger.intro", { name: body.name, year: view.year })}</p>
      {!query.signedIn && <p className="form-hint">{t("ledger.publicNote")}</p>}
      <YearPicker year={year} onPick={pick} />
      <p className="form-hint">{t("ledger.computedOn", { date: formatDate(view.computedOn) })}</p>
      {view.rows.length === 0 ? (
        <p>{t("ledger.none", { name: body.name, year: view.year })}</p>
      ) : (
        <>
          <PartyTable view={view} />
          <FlowTable view={view} />
          <RowTable view={view} />
        </>
      )}
      <p>
        <a
          className="function-link"
          href={ledgerCsvUrl(body.id, query.signedIn, view.year)}
          download
        >
          {t("ledger.download")}
        </a>
      </p>
    </>
  );
}
