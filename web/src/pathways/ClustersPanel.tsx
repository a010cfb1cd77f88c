import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useClusters } from "../api/queries";
import type { Clusters } from "./types";

/** The residence, GP and hospital clusters, with a warning when they are not the same. */
export function ClustersPanel({ clusters }: { clusters: Clusters }) {
  const { t } = useTranslation();
  const all = useClusters();
  const nameOf = (id: string) => all.data?.find((c) => c.id === id)?.name ?? id;
  const link = (id: string | null) =>
    id ? <Link to={`/klynger/${id}`}>{nameOf(id)}</Link> : t("pathway.unknownCluster");
  const rows = [
    { key: "residence", value: link(clusters.residence) },
    { key: "generalPractice", value: link(clusters.generalPractice) },
    {
      key: "hospital",
      value:
        clusters.hospital.length === 0
          ? "–"
          : clusters.hospital.map((id, i) => (
              <span key={id}>
                {i > 0 && ", "}
                {link(id)}
              </span>
            )),
    },
  ] as const;
  return (
    <section className="pathway-panel" aria-labelledby="clusters-heading">
      <h2 id="clusters-heading">{t("pathway.clustersHeading")}</h2>
      <dl className="cluster-triple">
        {rows.map((row) => (
          <div key={row.key}>
            <dt>{t(`pathway.clusters.${row.key}`)}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {clusters.differ && (
        <div className="alert alert-warning clusters-differ">
          <div className="alert-body">
            <p className="alert-text">{t("pathway.clustersDiffer")}</p>
          </div>
        </div>
      )}
    </section>
  );
}
