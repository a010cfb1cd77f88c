import { useTranslation } from "react-i18next";
import type { Verification } from "../api/types";

const aspects = [
  ["name", "body.aspectName"],
  ["membership", "body.aspectMembership"],
  ["acuteHospitals", "body.aspectAcuteHospitals"],
] as const;

/** Which of the body's facts a public source has confirmed. */
export function VerificationTable({ verification }: { verification: Verification }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="verification-heading">
      <h2 id="verification-heading">{t("body.verificationHeading")}</h2>
      <table className="table table--compact verification-table">
        <thead>
          <tr>
            <th scope="col">{t("body.aspect")}</th>
            <th scope="col">{t("body.status")}</th>
          </tr>
        </thead>
        <tbody>
          {aspects.map(([aspect, label]) => {
            const confirmed = verification[aspect] === true;
            return (
              <tr key={aspect}>
                <th scope="row">{t(label)}</th>
                <td>
                  <span className={`badge ${confirmed ? "badge-success" : "badge-warning"}`}>
                    {confirmed ? t("verification.confirmed") : t("verification.notConfirmed")}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
