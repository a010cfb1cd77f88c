import { useTranslation } from "react-i18next";
import type { ClusterDetail } from "../api/types";
import { UnverifiedTag } from "../components/UnverifiedTag";
import { formatDate } from "../format";

/** Region, committee and validity of a cluster, as a description list. */
export function ClusterFacts({ cluster }: { cluster: ClusterDetail }) {
  const { t } = useTranslation();
  const { committee } = cluster.region;
  return (
    <dl className="facts">
      <dt>{t("cluster.region")}</dt>
      <dd>{cluster.region.name}</dd>
      <dt>{t("cluster.committee")}</dt>
      <dd>
        {committee.name} {!committee.verified && <UnverifiedTag describedBy="committee-note" />}
        {!committee.verified && (
          <span id="committee-note" className="form-hint">
            {t("verification.committeeExplanation")}
          </span>
        )}
      </dd>
      <dt>{t("cluster.validFrom")}</dt>
      <dd>
        {formatDate(cluster.validFrom)}
        {cluster.validTo ? "" : ` ${t("cluster.noEnd")}`}
      </dd>
      {cluster.validTo && (
        <>
          <dt>{t("cluster.validTo")}</dt>
          <dd>{formatDate(cluster.validTo)}</dd>
        </>
      )}
    </dl>
  );
}
