import { useTranslation } from "react-i18next";
import type { ClusterDetail } from "../api/types";

/** The cluster's hospitals, acute hospitals first. */
export function HospitalList({ hospitals }: { hospitals: ClusterDetail["hospitals"] }) {
  const { t } = useTranslation();
  const sorted = [...hospitals].sort((a, b) => Number(b.acute) - Number(a.acute));
  return (
    <section aria-labelledby="hospitals-heading">
      <h2 id="hospitals-heading">{t("cluster.hospitalsHeading")}</h2>
      {sorted.length === 0 ? (
        <p>{t("cluster.noHospitals")}</p>
      ) : (
        <ul className="hospital-list">
          {sorted.map((hospital) => (
            <li key={hospital.id}>
              {hospital.name}{" "}
              <span className={`badge ${hospital.acute ? "badge-info" : ""}`}>
                {hospital.acute ? t("cluster.acute") : t("cluster.notAcute")}
              </span>
              {hospital.sorCode && (
                <span className="form-hint">
                  {" "}
                  {t("cluster.sorCode", { code: hospital.sorCode })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
