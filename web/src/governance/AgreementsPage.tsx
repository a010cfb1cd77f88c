import { Link, useParams } from "react-router";
import { useMe } from "../access/session-api";
import { ApiError } from "../api/client";
import type { BodyKind } from "../api/types";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { formatDateTime } from "../format";
import { NotFoundPage } from "../pages/NotFoundPage";
import { useAgreements } from "./api";
import { Breadcrumbs } from "./Breadcrumbs";
import { agreementPath, newAgreementPath } from "./paths";
import { StatusTag } from "./StatusTag";
import { useAgreementText } from "./text";

/** A body's agreements on who does what, newest change first; members may start a new one. */
export function AgreementsPage({ routeKind }: { routeKind: BodyKind }) {
  const t = useAgreementText();
  const { id = "" } = useParams();
  const signedIn = Boolean(useMe().data);
  const query = useAgreements(id);
  if (query.error instanceof ApiError && query.error.status === 404)
    return <NotFoundPage bodyId={id} bodyKind={routeKind} />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const { body, agreements, mayDraft } = query.data;
  return (
    <>
      <title>{`${t("agreements.title")} – ${body.name}`}</title>
      <Breadcrumbs body={body} />
      <h1>{t("agreements.title")}</h1>
      <p className="font-lead">{t("agreements.intro", { name: body.name })}</p>
      {!mayDraft && <p className="form-hint">{t("agreements.publicNote", { name: body.name })}</p>}
      {mayDraft && signedIn && (
        <p>
          <Link className="button button-primary" to={newAgreementPath(body.id, body.kind)}>
            {t("agreements.new")}
          </Link>
        </p>
      )}
      {agreements.length === 0 ? (
        <p>{t("agreements.none")}</p>
      ) : (
        <ul className="nobullet-list agreement-list">
          {agreements.map((a) => (
            <li key={a.id} className="agreement-card">
              <h2 className="h3">
                <Link to={agreementPath(body.id, body.kind, a.id)}>{a.title}</Link>
              </h2>
              <p>
                <StatusTag status={a.status} />{" "}
                {a.public && (
                  <span className="badge badge-small badge-info">{t("agreements.publicTag")}</span>
                )}
              </p>
              <p>{a.summary}</p>
              <p className="form-hint">
                {[
                  t("agreements.commitmentCount", { count: a.commitmentCount }),
                  t("agreements.versionOf", { version: a.version }),
                  t("agreements.changedAt", { date: formatDateTime(a.changedAt) }),
                  a.body.id !== body.id ? t("agreements.carriedFrom", { name: a.body.name }) : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
