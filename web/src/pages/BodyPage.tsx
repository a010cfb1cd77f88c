import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/client";
import { useBody } from "../api/queries";
import { Icon } from "../components/Icon";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { BodyFacts } from "./BodyFacts";
import { BodyMapSection } from "./BodyMapSection";
import { HospitalList } from "./HospitalList";
import { MunicipalityTable } from "./MunicipalityTable";
import { NotFoundPage } from "./NotFoundPage";
import { SourceList } from "./SourceList";
import { VerificationTable } from "./VerificationTable";

export function BodyPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const query = useBody(id);

  if (query.error instanceof ApiError && query.error.status === 404) {
    return <NotFoundPage bodyId={id} />;
  }
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const body = query.data;

  return (
    <>
      <title>{`${body.name} – ${t("app.name")}`}</title>
      <nav className="breadcrumbs" aria-label={t("body.breadcrumb")}>
        <ol className="breadcrumbs__list">
          <li className="breadcrumbs__list-item">
            <Link className="breadcrumbs__link" to="/">
              {t("nav.bodies")}
            </Link>
          </li>
          <li className="breadcrumbs__list-item" aria-current="page">
            <Icon name="chevron-right" />
            {body.name}
          </li>
        </ol>
      </nav>
      <h1 className="body-title">{body.name}</h1>
      {body.aliases.length > 0 && (
        <p className="font-lead">{t("body.aliases", { names: body.aliases.join(", ") })}</p>
      )}
      {!body.verified && (
        <div className="alert alert-warning unverified-alert">
          <Icon name="warning" className="alert-icon" />
          <h2 className="alert-heading">{t("verification.unverified")}</h2>
          <p className="alert-text">{t("verification.bodyExplanation")}</p>
        </div>
      )}
      <div className="row">
        <div className="col-12 col-lg-7">
          <BodyFacts body={body} />
          <VerificationTable verification={body.verification} />
          <HospitalList hospitals={body.hospitals} />
          <MunicipalityTable body={body} />
        </div>
        <div className="col-12 col-lg-5">
          <BodyMapSection body={body} />
        </div>
      </div>
      {body.notes && (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t("body.notesHeading")}</h2>
          {/* The reference data's notes are written in English. */}
          <p lang="en">{body.notes}</p>
        </section>
      )}
      <SourceList sources={body.sources} />
    </>
  );
}
