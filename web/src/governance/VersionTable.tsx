import { ScrollableTable } from "../app/ScrollableTable";
import { formatDateTime } from "../format";
import type { AgreementView } from "./api";
import { useAgreementText } from "./text";

/** Every version, newest first: what changed, when and by whom. */
export function VersionTable({ agreement: a }: { agreement: AgreementView }) {
  const t = useAgreementText();
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t("agreements.versions.heading")}</h2>
      <ScrollableTable label={t("agreements.versions.heading")}>
        <table className="table table--zebra">
          <thead>
            <tr>
              <th scope="col">{t("agreements.versions.version")}</th>
              <th scope="col">{t("agreements.versions.change")}</th>
              <th scope="col">{t("agreements.versions.when")}</th>
              <th scope="col">{t("agreements.versions.who")}</th>
            </tr>
          </thead>
          <tbody>
            {[...a.versions].reverse().map((v) => (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td>
                  {v.change === "step"
                    ? t("agreements.versions.step", {
                        status: t(`agreements.statuses.${v.status}`),
                      })
                    : t(`agreements.versions.${v.change}`)}
                </td>
                <td>{formatDateTime(v.at)}</td>
                <td>{[v.byName, v.byOrganisation].filter(Boolean).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </section>
  );
}
