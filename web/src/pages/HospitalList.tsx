import { useTranslation } from "react-i18next";
import type { BodyDetail } from "../api/types";

/** The body's hospitals, acute hospitals first. */
export function HospitalList({ hospitals }: { hospitals: BodyDetail["hospitals"] }) {
  const { t } = useTranslation();
  const sorted = [...hospitals].sort((a, b) => Number(b.acute) - Number(a.acute));
  return (
    <section aria-labelledby="hospitals-heading">
      <h2 id="hospitals-heading">{t("body.hospitalsHeading")}</h2>
      {sorted.length === 0 ? (
        <p>{t("body.noHospitals")}</p>
      ) : (
        <ul className="hospital-list">
          {sorted.map((hospital) => (
            <li key={hospital.id}>
              {hospital.name}{" "}
              <span className={`badge ${hospital.acute ? "badge-info" : ""}`}>
                {hospital.acute ? t("body.acute") : t("body.notAcute")}
              </span>
              {hospital.sorCode && (
                <span className="form-hint"> {t("body.sorCode", { code: hospital.sorCode })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
