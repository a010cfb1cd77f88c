import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorOrForbidden } from "../access/RequireLogin";
import { getJson } from "../api/client";
import { useCareText } from "../app/care-text";
import { ScrollableTable } from "../app/ScrollableTable";
import { Loading } from "../components/Loading";
import { formatDateTime } from "../format";
import { Pager } from "../handovers/Pager";
import { PAGE_SIZE } from "../handovers/pages";

type Inpatient = {
  stayId: string;
  citizenId: string;
  citizenName: string | null;
  status: "admitted" | "on-leave";
  admittedAt: string;
  departmentName: string | null;
  medicallyReadyAt: string | null;
  canDischarge: boolean;
};
type Page = { items: Inpatient[]; total: number; offset: number };

/**
 * The department's current inpatients and expected discharges (issue 21,
 * part 3): staff find the person they discharge without a CPR number. Each
 * name is read through the relation rules and audited by the server.
 */
export function InpatientsPage() {
  const tc = useCareText();
  const { t } = useTranslation();
  const id = useId();
  const [readyOnly, setReadyOnly] = useState(false);
  const [offset, setOffset] = useState(0);
  const list = useQuery({
    queryKey: ["inpatients", readyOnly, offset],
    queryFn: ({ signal }) =>
      getJson<Page>(
        `/api/inpatients?ready=${readyOnly}&limit=${PAGE_SIZE}&offset=${offset}`,
        signal,
      ),
  });
  return (
    <>
      <title>{`${tc("inpatients.title")} – ${t("app.name")}`}</title>
      <h1>{tc("inpatients.title")}</h1>
      <p>{tc("inpatients.intro")}</p>
      <div className="form-group form-group-checkbox">
        <input
          id={`${id}-ready`}
          type="checkbox"
          className="form-checkbox"
          checked={readyOnly}
          onChange={(e) => {
            setReadyOnly(e.target.checked);
            setOffset(0);
          }}
        />
        <label htmlFor={`${id}-ready`}>{tc("inpatients.readyOnly")}</label>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorOrForbidden error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{tc("inpatients.empty")}</p>
      ) : (
        <>
          <InpatientTable rows={list.data.items} />
          <Pager
            total={list.data.total}
            offset={list.data.offset}
            label={tc("inpatients.pager")}
            onOffset={setOffset}
          />
        </>
      )}
    </>
  );
}

function InpatientTable({ rows }: { rows: Inpatient[] }) {
  const tc = useCareText();
  return (
    <ScrollableTable label={tc("inpatients.title")}>
      <table className="table table--zebra inpatients-table">
        <caption className="sr-only">{tc("inpatients.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{tc("inpatients.citizen")}</th>
            <th scope="col">{tc("inpatients.department")}</th>
            <th scope="col">{tc("inpatients.admitted")}</th>
            <th scope="col">{tc("inpatients.ready")}</th>
            <th scope="col">{tc("inpatients.status")}</th>
            <th scope="col">{tc("inpatients.action")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.stayId}>
              <td>
                {r.citizenName ? (
                  <Link
                    to={`/borgere/${r.citizenId}/forloeb`}
                    aria-label={tc("inpatients.open", { name: r.citizenName })}
                  >
                    {r.citizenName}
                  </Link>
                ) : (
                  tc("inpatients.noRelation")
                )}
              </td>
              <td>{r.departmentName ?? "–"}</td>
              <td>{formatDateTime(r.admittedAt)}</td>
              <td>
                {r.medicallyReadyAt
                  ? formatDateTime(r.medicallyReadyAt)
                  : tc("inpatients.notReady")}
              </td>
              <td>{tc(`inpatients.statuses.${r.status}`)}</td>
              <td>
                {r.canDischarge && r.citizenName && (
                  <Link
                    className="button button-secondary button-small"
                    to={`/borgere/${r.citizenId}/forloeb#udskriv`}
                    aria-label={tc("inpatients.discharge", { name: r.citizenName })}
                  >
                    {tc("inpatients.discharge", { name: "" }).trim()}
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
