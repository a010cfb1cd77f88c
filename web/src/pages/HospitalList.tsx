import type { BodyDetail } from "../api/types";
import { useStructureText } from "../structure/text";

/** The body's hospitals, acute hospitals first, marked when no source confirms them. */
export function HospitalList({ body }: { body: BodyDetail }) {
  const { t } = useStructureText();
  const sorted = [...body.hospitals].sort((a, b) => Number(b.acute) - Number(a.acute));
  const confirmed = body.verification.acuteHospitals === true;
  const council = body.kind === "sundhedsraad";
  return (
    <section aria-labelledby="hospitals-heading">
      <h2 id="hospitals-heading">{t("body.hospitalsHeading")}</h2>
      {!confirmed && sorted.length > 0 && (
        <p className="form-hint hospitals-unconfirmed">
          <span className="badge badge-warning unverified-tag">
            {t(council ? "verification.inferred" : "verification.notConfirmed")}
          </span>{" "}
          {t(
            council
              ? "verification.councilHospitalsExplanation"
              : "verification.hospitalsExplanation",
          )}
        </p>
      )}
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
