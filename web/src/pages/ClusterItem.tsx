import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ClusterSummary } from "../api/types";
import { UnverifiedTag } from "../components/UnverifiedTag";
import { formatList } from "../format";

type Props = {
  cluster: ClusterSummary;
  colour: string | undefined;
  municipalityName: (code: string) => string;
  explanationId: string;
};

/** One cluster in the overview: its colour on the map, link, acute hospitals and municipalities. */
export function ClusterItem({ cluster, colour, municipalityName, explanationId }: Props) {
  const { t } = useTranslation();
  const sorted = (codes: readonly string[]) =>
    codes.map(municipalityName).sort((a, b) => a.localeCompare(b, "da"));
  const partial = sorted(cluster.partialMunicipalityCodes);
  return (
    <li className="cluster-item">
      <h4 className="h5 cluster-name">
        <span className="swatch" style={{ backgroundColor: colour }} aria-hidden="true" />
        <Link to={`/klynger/${cluster.id}`}>{cluster.name}</Link>
        {!cluster.verified && <UnverifiedTag describedBy={explanationId} />}
      </h4>
      <dl className="cluster-facts">
        <dt>{t("home.acuteHospitals")}</dt>
        <dd>{formatList(cluster.acuteHospitals.map((h) => h.name))}</dd>
        <dt>{t("home.municipalities")}</dt>
        <dd>
          {formatList(sorted(cluster.municipalityCodes))}
          {partial.length > 0 && (
            <>
              {" "}
              ({t("home.partialMunicipalities")}: {formatList(partial)})
            </>
          )}
        </dd>
      </dl>
    </li>
  );
}
