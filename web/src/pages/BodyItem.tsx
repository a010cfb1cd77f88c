import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { BodySummary } from "../api/types";
import { UnverifiedTag } from "../components/UnverifiedTag";
import { formatList } from "../format";

type Props = {
  body: BodySummary;
  colour: string | undefined;
  municipalityName: (code: string) => string;
  explanationId: string;
};

/** One body in the overview: its colour on the map, link, acute hospitals and municipalities. */
export function BodyItem({ body, colour, municipalityName, explanationId }: Props) {
  const { t } = useTranslation();
  const sorted = (codes: readonly string[]) =>
    codes.map(municipalityName).sort((a, b) => a.localeCompare(b, "da"));
  const partial = sorted(body.partialMunicipalityCodes);
  return (
    <li className="body-item">
      <h4 className="h5 body-name">
        <span className="swatch" style={{ backgroundColor: colour }} aria-hidden="true" />
        <Link to={`/klynger/${body.id}`}>{body.name}</Link>
        {!body.verified && <UnverifiedTag describedBy={explanationId} />}
      </h4>
      <dl className="body-facts">
        <dt>{t("home.acuteHospitals")}</dt>
        <dd>{formatList(body.acuteHospitals.map((h) => h.name))}</dd>
        <dt>{t("home.municipalities")}</dt>
        <dd>
          {formatList(sorted(body.municipalityCodes))}
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
