import { Link, useParams } from "react-router";
import { useMe } from "../access/session-api";
import { ApiError } from "../api/client";
import type { BodyKind } from "../api/types";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { formatDate } from "../format";
import { NotFoundPage } from "../pages/NotFoundPage";
import { Breadcrumbs } from "./Breadcrumbs";
import { InitiativeStatusTag } from "./InitiativeStatusTag";
import { useInitiatives } from "./initiative-api";
import { useInitiativeText } from "./initiative-text";
import { initiativePath, initiativesPath } from "./paths";

/** A body's initiatives (its experiments), newest change first; members may start a new one. */
export function InitiativesPage({ routeKind }: { routeKind: BodyKind }) {
  const t = useInitiativeText();
  const { id = "" } = useParams();
  const signedIn = Boolean(useMe().data);
  const query = useInitiatives(id);
  if (query.error instanceof ApiError && query.error.status === 404)
    return <NotFoundPage bodyId={id} bodyKind={routeKind} />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const { body, initiatives, mayCreate } = query.data;
  return (
    <>
      <title>{`${t("initiatives.title")} – ${body.name}`}</title>
      <Breadcrumbs
        body={body}
        section={{ label: t("initiatives.title"), to: initiativesPath(body.id, body.kind) }}
      />
      <h1>{t("initiatives.title")}</h1>
      <p className="font-lead">{t("initiatives.intro", { name: body.name })}</p>
      {!signedIn && <p className="form-hint">{t("initiatives.publicNote")}</p>}
      {mayCreate && signedIn && (
        <p>
          <Link className="button button-primary" to={`${initiativesPath(body.id, body.kind)}/ny`}>
            {t("initiatives.new")}
          </Link>
        </p>
      )}
      {initiatives.length === 0 ? (
        <p>{t("initiatives.none")}</p>
      ) : (
        <ul className="nobullet-list agreement-list">
          {initiatives.map((i) => (
            <li key={i.id} className="agreement-card">
              <h2 className="h3">
                <Link to={initiativePath(body.id, body.kind, i.id)}>{i.title}</Link>
              </h2>
              <p>
                <InitiativeStatusTag status={i.status} />{" "}
                {i.public && (
                  <span className="badge badge-small badge-info">{t("initiatives.publicTag")}</span>
                )}
              </p>
              <p>{i.goal}</p>
              <p className="form-hint">
                {[
                  t("initiatives.period", { start: formatDate(i.start), end: formatDate(i.end) }),
                  t("initiatives.versionOf", { version: i.version }),
                  i.body.id !== body.id
                    ? t("initiatives.carriedFrom", { name: i.body.name })
                    : null,
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
