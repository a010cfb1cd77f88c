import { useTranslation } from "react-i18next";
import type { ClusterDetail, ClusterMunicipality } from "../api/types";
import { ScrollableTable } from "../app/ScrollableTable";
import { formatNumber } from "../format";

function Population({ municipality }: { municipality: ClusterMunicipality }) {
  const { t } = useTranslation();
  if (municipality.population === null) return <>{t("cluster.populationUnknown")}</>;
  return (
    <>
      {formatNumber(municipality.population)}
      {municipality.populationYear !== null && (
        <span className="muted">
          {" "}
          {t("cluster.populationYear", { year: municipality.populationYear })}
        </span>
      )}
    </>
  );
}

/** The member municipalities: code, name, population and whether they are primary or partial. */
export function MunicipalityTable({ cluster }: { cluster: ClusterDetail }) {
  const { t } = useTranslation();
  const rows = [...cluster.municipalities].sort((a, b) => a.name.localeCompare(b.name, "da"));
  return (
    <section aria-labelledby="municipalities-heading">
      <h2 id="municipalities-heading">{t("cluster.municipalitiesHeading")}</h2>
      <ScrollableTable label={t("cluster.municipalitiesCaption", { name: cluster.name })}>
        <table className="table table--zebra municipality-table">
          <caption className="sr-only">
            {t("cluster.municipalitiesCaption", { name: cluster.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("cluster.code")}</th>
              <th scope="col">{t("cluster.name")}</th>
              <th scope="col" className="align-text-right">
                {t("cluster.population")}
              </th>
              <th scope="col">{t("cluster.membership")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.code}>
                <td>{m.code}</td>
                <th scope="row">{m.name}</th>
                <td className="align-text-right">
                  <Population municipality={m} />
                </td>
                <td>
                  {m.membership === "primary" ? (
                    t("cluster.primary")
                  ) : (
                    <span className="badge badge-info">{t("cluster.partial")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </section>
  );
}
