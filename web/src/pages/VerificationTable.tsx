import type { BodyDetail } from "../api/types";
import { useStructureText } from "../structure/text";

type Row = { key: string; label: string; confirmed: boolean; unconfirmedText?: string };

/** Which of the body's facts a public source has confirmed, and the region's code. */
export function VerificationTable({ body }: { body: BodyDetail }) {
  const { t } = useStructureText();
  const council = body.kind === "sundhedsraad";
  const rows: Row[] = [
    { key: "name", label: t("body.aspectName"), confirmed: body.verification.name === true },
    {
      key: "membership",
      label: t("body.aspectMembership"),
      confirmed: body.verification.membership === true,
    },
    {
      key: "acuteHospitals",
      label: t("body.aspectAcuteHospitals"),
      confirmed: body.verification.acuteHospitals === true,
      // No official page maps councils to hospitals: theirs are inferred, and say so.
      ...(council ? { unconfirmedText: t("verification.inferred") } : {}),
    },
    { key: "regionCode", label: t("body.aspectRegionCode"), confirmed: body.region.codeVerified },
  ];
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
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>
                <span className={`badge ${row.confirmed ? "badge-success" : "badge-warning"}`}>
                  {row.confirmed
                    ? t("verification.confirmed")
                    : (row.unconfirmedText ?? t("verification.notConfirmed"))}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
