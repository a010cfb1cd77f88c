import { Link, useParams } from "react-router";
import { useMe } from "../access/session-api";
import { ApiError } from "../api/client";
import type { BodyKind } from "../api/types";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { formatDate } from "../format";
import { NotFoundPage } from "../pages/NotFoundPage";
import { Breadcrumbs } from "./Breadcrumbs";
import { MeetingForm } from "./MeetingForm";
import { useMeetings } from "./meeting-api";
import { useMeetingText } from "./meeting-text";
import { meetingPath, meetingsPath } from "./paths";

/** A body's meetings, newest first. */
export function MeetingsPage({ routeKind }: { routeKind: BodyKind }) {
  const t = useMeetingText();
  const { id = "" } = useParams();
  const signedIn = Boolean(useMe().data);
  const query = useMeetings(id);
  if (query.error instanceof ApiError && query.error.status === 404)
    return <NotFoundPage bodyId={id} bodyKind={routeKind} />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const { body, meetings, mayCreate } = query.data;
  return (
    <>
      <title>{`${t("meetings.title")} – ${body.name}`}</title>
      <Breadcrumbs
        body={body}
        section={{ label: t("meetings.title"), to: meetingsPath(body.id, body.kind) }}
      />
      <h1>{t("meetings.title")}</h1>
      <p className="font-lead">{t("meetings.intro", { name: body.name })}</p>
      {!signedIn && <p className="form-hint">{t("meetings.publicNote")}</p>}
      {mayCreate && signedIn && <MeetingForm body={body} />}
      {meetings.length === 0 ? (
        <p>{t("meetings.none")}</p>
      ) : (
        <ul className="nobullet-list agreement-list">
          {meetings.map((m) => (
            <li key={m.id} className="agreement-card">
              <h2 className="h3">
                <Link to={meetingPath(body.id, body.kind, m.id)}>
                  {formatDate(m.date)}: {m.title}
                </Link>
              </h2>
              <p>
                <span className="badge badge-small">{t(`meetings.status.${m.status}`)}</span>{" "}
                {m.public && (
                  <span className="badge badge-small badge-info">{t("meetings.publicTag")}</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
