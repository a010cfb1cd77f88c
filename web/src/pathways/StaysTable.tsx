import { useTranslation } from "react-i18next";
import { ScrollableTable } from "../app/ScrollableTable";
import { formatDateTime } from "../format";
import { BodyName } from "./BodyName";
import type { Stay } from "./types";

/** "Slagelse Sygehus, Medicinsk Afdeling" under "Slagelse Sygehus" reads as "Medicinsk Afdeling". */
function departmentOnly(hospital: string, department: string): string {
  const prefix = `${hospital}, `;
  return department.startsWith(prefix) ? department.slice(prefix.length) : department;
}

/**
 * The citizen's stays, newest first, each under the body of its own date: a stay
 * in December 2026 under the cluster, one in January 2027 under the council.
 * `today` is the server's date, which decides whether a body has ended.
 */
export function StaysTable({ stays, today }: { stays: Stay[]; today: string }) {
  const { t } = useTranslation();
  if (stays.length === 0) return <p>{t("pathway.noStays")}</p>;
  const newestFirst = [...stays].sort((a, b) => b.admittedAt.localeCompare(a.admittedAt));
  return (
    <ScrollableTable label={t("pathway.staysHeading")}>
      <table className="table table--zebra stays-table">
        <caption className="sr-only">{t("pathway.staysHeading")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("pathway.stayColumns.hospital")}</th>
            <th scope="col">{t("pathway.stayColumns.class")}</th>
            <th scope="col">{t("pathway.stayColumns.admitted")}</th>
            <th scope="col">{t("pathway.stayColumns.ended")}</th>
            <th scope="col">{t("pathway.stayColumns.status")}</th>
            <th scope="col">{t("pathway.stayColumns.body")}</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((s) => {
            const ended = s.diedAt ?? s.dischargedAt ?? s.endedAt;
            return (
              <tr key={s.id} className={s.status === "cancelled" ? "cancelled-stay" : undefined}>
                <td>
                  {s.hospitalName}
                  {s.departmentName && (
                    <span className="d-block">
                      {departmentOnly(s.hospitalName, s.departmentName)}
                    </span>
                  )}
                </td>
                <td>{s.encounterClass ? t(`pathway.classes.${s.encounterClass}`) : "–"}</td>
                <td>{formatDateTime(s.admittedAt)}</td>
                <td>{ended ? formatDateTime(ended) : "–"}</td>
                <td>
                  <span className={`badge badge-small state-badge state-${s.status}`}>
                    {t(`pathway.stayStatus.${s.status}`)}
                  </span>
                </td>
                <td className="stay-body">
                  <BodyName body={s.bodies.residence} today={today} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
