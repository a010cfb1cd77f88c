import { Link } from "react-router";
import type { BodySummary } from "../api/types";
import { UnverifiedTag } from "../components/UnverifiedTag";
import { formatList } from "../format";
import { bodyPath } from "../structure/paths";
import { useStructureText } from "../structure/text";

type Props = {
  body: BodySummary;
  colour: string | undefined;
  municipalityName: (code: string) => string;
  explanationId: string;
  linkDate: string | null;
};

/** One body in the overview: its colour on the map, link, acute hospitals and municipalities. */
export function BodyItem({ body, colour, municipalityName, explanationId, linkDate }: Props) {
  const { t } = useStructureText();
  const sorted = (codes: readonly string[]) =>
    codes.map(municipalityName).sort((a, b) => a.localeCompare(b, "da"));
  const partial = sorted(body.partialMunicipalityCodes);
  const hospitalsConfirmed = body.verification.acuteHospitals === true;
  return (
    <li className="body-item">
      <h4 className="h5 body-name">
        <span className="swatch" style={{ backgroundColor: colour }} aria-hidden="true" />
        <Link to={bodyPath(body.id, body.kind, linkDate)}>{body.name}</Link>
        {!body.verified && <UnverifiedTag describedBy={explanationId} />}
      </h4>
      <dl className="body-facts">
        <dt>{t("home.acuteHospitals")}</dt>
        <dd>
          {formatList(body.acuteHospitals.map((h) => h.name))}
          {!hospitalsConfirmed && (
            <span className="muted">
              {" "}
              (
              {t(
                body.kind === "sundhedsraad"
                  ? "verification.hospitalsInferred"
                  : "verification.notConfirmedLower",
              )}
              )
            </span>
          )}
        </dd>
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
