import { Link, useParams } from "react-router";
import { useMe } from "../access/session-api";
import { ApiError } from "../api/client";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { formatDate } from "../format";
import { NotFoundPage } from "../pages/NotFoundPage";
import { Breadcrumbs } from "./Breadcrumbs";
import { DecisionForm } from "./DecisionForm";
import { DecisionList } from "./DecisionList";
import { useMeeting, usePackPdfUrl } from "./meeting-api";
import { useMeetingText } from "./meeting-text";
import { meetingEditPath, meetingPackPath, meetingsPath } from "./paths";
import { SubjectLink } from "./SubjectLink";

/** One meeting: agenda, attendees, decisions, the pack (page and PDF). */
export function MeetingPage() {
  const t = useMeetingText();
  const { meetingId = "" } = useParams();
  const query = useMeeting(meetingId);
  const signedIn = Boolean(useMe().data);
  const pdfUrl = usePackPdfUrl(meetingId);
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const m = query.data;
  const titles = new Map(
    m.agenda.flatMap((a) =>
      a.subject ? [[a.subject.id, a.subjectTitle ?? a.title] as const] : [],
    ),
  );
  return (
    <>
      <title>{`${m.title} – ${m.body.name}`}</title>
      <Breadcrumbs
        body={m.body}
        current={m.title}
        section={{ label: t("meetings.title"), to: meetingsPath(m.body.id, m.body.kind) }}
      />
      <h1>{m.title}</h1>
      <p>
        {formatDate(m.date)}{" "}
        <span className="badge badge-small">{t(`meetings.status.${m.status}`)}</span>{" "}
        {m.public && (
          <span className="badge badge-small badge-info">{t("meetings.publicTag")}</span>
        )}
      </p>
      <p>
        <Link className="function-link" to={meetingPackPath(m.body.id, m.body.kind, m.id)}>
          {t("meetings.showPack")}
        </Link>{" "}
        <a className="function-link" href={pdfUrl}>
          {t("meetings.downloadPdf")}
        </a>
        {m.may.edit && signedIn && (
          <>
            {" "}
            <Link className="function-link" to={meetingEditPath(m.body.id, m.body.kind, m.id)}>
              {t("meetings.edit")}
            </Link>
          </>
        )}
      </p>
      <h2>{t("meetings.agenda")}</h2>
      {m.agenda.length === 0 ? (
        <p>{t("meetings.noAgenda")}</p>
      ) : (
        <ol>
          {m.agenda.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the agenda's order is its identity
            <li key={i}>
              <strong>{a.title}</strong>
              {!a.public && <> ({t("meetings.closedItem")})</>}
              {a.text && <p>{a.text}</p>}
              <SubjectLink item={a} body={m.body} t={t} />
            </li>
          ))}
        </ol>
      )}
      <h2>{t("meetings.attendees")}</h2>
      {m.attendees.length === 0 ? (
        <p>{t("meetings.noAttendees")}</p>
      ) : (
        <ul>
          {m.attendees.map((a) => (
            <li key={`${a.name}|${a.organisation}`}>
              {a.name}, {a.organisation}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("meetings.decisions")}</h2>
      <DecisionList decisions={m.decisions} titleOf={(d) => titles.get(d.subjectId) ?? null} />
      {m.may.decide && <DecisionForm meeting={m} />}
    </>
  );
}
