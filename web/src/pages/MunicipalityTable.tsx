import type { BodyDetail, BodyMunicipality } from "../api/types";
import { ScrollableTable } from "../app/ScrollableTable";
import { formatNumber } from "../format";
import { useStructureText } from "../structure/text";

function Population({ municipality }: { municipality: BodyMunicipality }) {
  const { t } = useStructureText();
  if (municipality.population === null) return <>{t("body.populationUnknown")}</>;
  return (
    <>
      {formatNumber(municipality.population)}
      {municipality.populationYear !== null && (
        <span className="muted">
          {" "}
          {t("body.populationYear", { year: municipality.populationYear })}
        </span>
      )}
    </>
  );
}

/** The member municipalities: code, name, population and whether they are primary or partial. */
export function MunicipalityTable({ body }: { body: BodyDetail }) {
  const { t } = useStructureText();
  const rows = [...body.municipalities].sort((a, b) => a.name.localeCompare(b.name, "da"));
  return (
    <section aria-labelledby="municipalities-heading">
      <h2 id="municipalities-heading">{t("body.municipalitiesHeading")}</h2>
      <ScrollableTable label={t("body.municipalitiesCaption", { name: body.name })}>
        <table className="table table--zebra municipality-table">
          <caption className="sr-only">
            {t("body.municipalitiesCaption", { name: body.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("body.code")}</th>
              <th scope="col">{t("body.name")}</th>
              <th scope="col" className="align-text-right">
                {t("body.population")}
              </th>
              <th scope="col">{t("body.membership")}</th>
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
                    t("body.primary")
                  ) : (
                    <span className="badge badge-info">{t("body.partial")}</span>
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
