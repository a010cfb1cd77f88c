import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/client";
import { useCluster } from "../api/queries";
import { Icon } from "../components/Icon";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { ClusterFacts } from "./ClusterFacts";
import { ClusterMapSection } from "./ClusterMapSection";
import { HospitalList } from "./HospitalList";
import { MunicipalityTable } from "./MunicipalityTable";
import { NotFoundPage } from "./NotFoundPage";
import { SourceList } from "./SourceList";
import { VerificationTable } from "./VerificationTable";

export function ClusterPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const query = useCluster(id);

  if (query.error instanceof ApiError && query.error.status === 404) {
    return <NotFoundPage clusterId={id} />;
  }
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const cluster = query.data;

  return (
    <>
      <title>{`${cluster.name} – ${t("app.name")}`}</title>
      <nav className="breadcrumbs" aria-label={t("cluster.breadcrumb")}>
        <ol className="breadcrumbs__list">
          <li className="breadcrumbs__list-item">
            <Link className="breadcrumbs__link" to="/">
              {t("nav.clusters")}
            </Link>
          </li>
          <li className="breadcrumbs__list-item" aria-current="page">
            <Icon name="chevron-right" />
            {cluster.name}
          </li>
        </ol>
      </nav>
      <h1 className="cluster-title">{cluster.name}</h1>
      {cluster.aliases.length > 0 && (
        <p className="font-lead">{t("cluster.aliases", { names: cluster.aliases.join(", ") })}</p>
      )}
      {!cluster.verified && (
        <div className="alert alert-warning unverified-alert">
          <Icon name="warning" className="alert-icon" />
          <h2 className="alert-heading">{t("verification.unverified")}</h2>
          <p className="alert-text">{t("verification.clusterExplanation")}</p>
        </div>
      )}
      <div className="row">
        <div className="col-12 col-lg-7">
          <ClusterFacts cluster={cluster} />
          <VerificationTable verification={cluster.verification} />
          <HospitalList hospitals={cluster.hospitals} />
          <MunicipalityTable cluster={cluster} />
        </div>
        <div className="col-12 col-lg-5">
          <ClusterMapSection cluster={cluster} />
        </div>
      </div>
      {cluster.notes && (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t("cluster.notesHeading")}</h2>
          {/* The reference data's notes are written in English. */}
          <p lang="en">{cluster.notes}</p>
        </section>
      )}
      <SourceList sources={cluster.sources} />
    </>
  );
}
