import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router";
import { ApiError } from "../api/client";
import { useBody } from "../api/queries";
import type { BodyKind } from "../api/types";
import { Icon } from "../components/Icon";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { capacityPath, capacityText } from "../governance/capacity-api";
import { initiativeText } from "../governance/initiative-text";
import { meetingText } from "../governance/meeting-text";
import { agreementsPath, initiativesPath, meetingsPath } from "../governance/paths";
import { agreementText } from "../governance/text";
import { dashboardPath } from "../indicators/paths";
import { useIndicatorText } from "../indicators/text";
import { bodyPath } from "../structure/paths";
import { useStructureText } from "../structure/text";
import { dateParam, useStructureDate } from "../structure/useStructureDate";
import { BodyFacts } from "./BodyFacts";
import { BodyMapSection } from "./BodyMapSection";
import { BodySuccession } from "./BodySuccession";
import { HospitalList } from "./HospitalList";
import { MunicipalityTable } from "./MunicipalityTable";
import { NotFoundPage } from "./NotFoundPage";
import { SourceList } from "./SourceList";
import { VerificationTable } from "./VerificationTable";

/**
 * A cluster's or a council's page, on the date in the address, or else today
 * (the server shows an ended or coming body on its nearest day). An address of
 * the other kind moves to the body's own.
 */
export function BodyPage({ routeKind }: { routeKind: BodyKind }) {
  const { t } = useStructureText();
  const { t: tApp } = useTranslation();
  const { t: tQuality } = useIndicatorText();
  const { id = "" } = useParams();
  const { chosen } = useStructureDate();
  const query = useBody(id, chosen ?? undefined);

  if (query.error instanceof ApiError && query.error.status === 404) {
    return <NotFoundPage bodyId={id} bodyKind={routeKind} />;
  }
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const body = query.data;
  if (body.kind !== routeKind)
    return <Navigate replace to={bodyPath(body.id, body.kind, chosen)} />;
  const council = body.kind === "sundhedsraad";

  return (
    <>
      <title>{`${body.name} – ${tApp("app.name")}`}</title>
      <nav className="breadcrumbs" aria-label={t("body.breadcrumb")}>
        <ol className="breadcrumbs__list">
          <li className="breadcrumbs__list-item">
            <Link className="breadcrumbs__link" to={chosen ? `/?${dateParam}=${chosen}` : "/"}>
              {t("home.title")}
            </Link>
          </li>
          <li className="breadcrumbs__list-item" aria-current="page">
            <Icon name="chevron-right" />
            {body.name}
          </li>
        </ol>
      </nav>
      <p className="body-kind">{t(council ? "body.kindCouncil" : "body.kindCluster")}</p>
      <h1 className="body-title">{body.name}</h1>
      {body.aliases.length > 0 && (
        <p className="font-lead">{t("body.aliases", { names: body.aliases.join(", ") })}</p>
      )}
      <p>
        <Link className="function-link" to={dashboardPath(body.id, body.kind)}>
          {tQuality("indicators.bodyLink", { name: body.name })}
        </Link>
      </p>
      <p>
        <Link className="function-link" to={agreementsPath(body.id, body.kind)}>
          {agreementText(tApp)("agreements.bodyLink", { name: body.name })}
        </Link>
      </p>
      <p>
        <Link className="function-link" to={initiativesPath(body.id, body.kind)}>
          {initiativeText(tApp)("initiatives.bodyLink", { name: body.name })}
        </Link>
      </p>
      <p>
        <Link className="function-link" to={meetingsPath(body.id, body.kind)}>
          {meetingText(tApp)("meetings.bodyLink", { name: body.name })}
        </Link>
      </p>
      <p>
        <Link className="function-link" to={capacityPath(body.id, body.kind)}>
          {capacityText(tApp)("capacity.bodyLink", { name: body.name })}
        </Link>
      </p>
      {!body.verified && (
        <div className="alert alert-warning unverified-alert">
          <Icon name="warning" className="alert-icon" />
          <h2 className="alert-heading">{t("verification.unverified")}</h2>
          <p className="alert-text">
            {t(council ? "verification.councilExplanation" : "verification.bodyExplanation")}
          </p>
        </div>
      )}
      <div className="row">
        <div className="col-12 col-lg-7">
          <BodyFacts body={body} />
          <BodySuccession body={body} />
          <VerificationTable body={body} />
          <HospitalList body={body} />
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
