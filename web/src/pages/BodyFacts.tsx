import { useTranslation } from "react-i18next";
import type { BodyDetail } from "../api/types";
import { UnverifiedTag } from "../components/UnverifiedTag";
import { formatDate } from "../format";

/** Region, committee and validity of a body, as a description list. */
export function BodyFacts({ body }: { body: BodyDetail }) {
  const { t } = useTranslation();
  const { committee } = body.region;
  return (
    <dl className="facts">
      <dt>{t("body.region")}</dt>
      <dd>{body.region.name}</dd>
      <dt>{t("body.committee")}</dt>
      <dd>
        {committee.name} {!committee.verified && <UnverifiedTag describedBy="committee-note" />}
        {!committee.verified && (
          <span id="committee-note" className="form-hint">
            {t("verification.committeeExplanation")}
          </span>
        )}
      </dd>
      <dt>{t("body.validFrom")}</dt>
      <dd>
        {formatDate(body.validFrom)}
        {body.validTo ? "" : ` ${t("body.noEnd")}`}
      </dd>
      {body.validTo && (
        <>
          <dt>{t("body.validTo")}</dt>
          <dd>{formatDate(body.validTo)}</dd>
        </>
      )}
    </dl>
  );
}
