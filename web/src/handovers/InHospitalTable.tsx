import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ScrollableTable } from "../app/ScrollableTable";
import { formatDateTime } from "../format";
import type { InHospital } from "./types";

/** A receiver's citizens in hospital now: the discharges to come. */
export function InHospitalTable({ rows }: { rows: InHospital[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="in-hospital-heading">
      <h2 id="in-hospital-heading">{t("worklist.inHospital.heading")}</h2>
      <p>{t("worklist.inHospital.intro")}</p>
      {rows.length === 0 ? (
        <p>{t("worklist.inHospital.empty")}</p>
      ) : (
        <ScrollableTable label={t("worklist.inHospital.heading")}>
          <table className="table table--zebra in-hospital-table">
            <caption className="sr-only">{t("worklist.inHospital.heading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("worklist.citizen")}</th>
                <th scope="col">{t("worklist.inHospital.where")}</th>
                <th scope="col">{t("worklist.inHospital.admitted")}</th>
                <th scope="col">{t("worklist.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.stayId}>
                  <td>
                    {r.citizenName ? (
                      <Link to={`/borgere/${r.citizenId}/forloeb`}>{r.citizenName}</Link>
                    ) : (
                      t("worklist.noRelation")
                    )}
                  </td>
                  <td>
                    {r.hospitalName}
                    {r.departmentName && (
                      <span className="d-block form-hint">{r.departmentName}</span>
                    )}
                  </td>
                  <td>{formatDateTime(r.admittedAt)}</td>
                  <td>{t(`worklist.inHospital.statuses.${r.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </section>
  );
}
