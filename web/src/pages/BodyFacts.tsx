import type { BodyDetail } from "../api/types";
import { UnverifiedTag } from "../components/UnverifiedTag";
import { formatDate } from "../format";
import { lastDay } from "../structure/dates";
import { RegionCodeTag } from "../structure/RegionCodeTag";
import { useStructureText } from "../structure/text";

/** Kind, region, committee (until 2026), validity and the date shown, as a description list. */
export function BodyFacts({ body }: { body: BodyDetail }) {
  const { t } = useStructureText();
  const { committee } = body.region;
  return (
    <dl className="facts">
      <dt>{t("body.kind")}</dt>
      <dd>{t(body.kind === "sundhedsraad" ? "body.kindCouncil" : "body.kindCluster")}</dd>
      <dt>{t("body.region")}</dt>
      <dd>
        {body.region.name}{" "}
        {!body.region.codeVerified && <RegionCodeTag describedBy="region-code-note" />}
        {!body.region.codeVerified && (
          <span id="region-code-note" className="form-hint">
            {t("verification.regionCodeExplanation", { id: body.region.code })}
          </span>
        )}
      </dd>
      {committee && (
        <>
          <dt>{t("body.committee")}</dt>
          <dd>
            {committee.name} {!committee.verified && <UnverifiedTag describedBy="committee-note" />}
            {!committee.verified && (
              <span id="committee-note" className="form-hint">
                {t("verification.committeeExplanation")}
              </span>
            )}
          </dd>
        </>
      )}
      <dt>{t("body.validFrom")}</dt>
      <dd>
        {formatDate(body.validFrom)}
        {body.validTo ? "" : ` ${t("body.noEnd")}`}
      </dd>
      {body.validTo && (
        <>
          <dt>{t("body.validThrough")}</dt>
          <dd>{formatDate(lastDay(body.validTo))}</dd>
        </>
      )}
      <dt>{t("body.shownOn")}</dt>
      <dd>{formatDate(body.date)}</dd>
    </dl>
  );
}
