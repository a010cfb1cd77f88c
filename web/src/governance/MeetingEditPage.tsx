import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { ApiError } from "../api/client";
import { ErrorSummary, FieldError, useFormProblems } from "../components/FormErrors";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { NotFoundPage } from "../pages/NotFoundPage";
import { AgendaItemFields, agendaInputId, type SubjectOption } from "./AgendaItemFields";
import { useAgreements } from "./api";
import { Breadcrumbs } from "./Breadcrumbs";
import { useInitiatives } from "./initiative-api";
import { MeetingBasicFields } from "./MeetingBasicFields";
import { type MeetingView, useEditMeeting, useMeeting } from "./meeting-api";
import {
  editDraftOf,
  editInputOf,
  emptyAgendaItem,
  type MeetingEditDraft,
  moved,
} from "./meeting-form-state";
import { type MeetingText, useMeetingText } from "./meeting-text";
import { meetingPath, meetingsPath } from "./paths";

/** `/…/moeder/:meetingId/rediger`: the secretariat edits the meeting (a new version). */
export function MeetingEditPage() {
  const { meetingId = "" } = useParams();
  const query = useMeeting(meetingId);
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  // Keyed by version: loading the newer meeting after a conflict starts the form afresh.
  return (
    <MeetingEditForm
      key={query.data.version}
      meeting={query.data}
      reload={() => void query.refetch()}
    />
  );
}

/** The body's agreements and initiatives (and its predecessors'), to say what an item is about. */
function useSubjects(bodyId: string, t: MeetingText): SubjectOption[] {
  const agreements = useAgreements(bodyId).data?.agreements ?? [];
  const initiatives = useInitiatives(bodyId).data?.initiatives ?? [];
  return [
    ...agreements.map((a) => ({
      value: `agreement:${a.id}`,
      label: t("meetings.decisionForm.agreement", { title: a.title }),
    })),
    ...initiatives.map((i) => ({
      value: `initiative:${i.id}`,
      label: t("meetings.decisionForm.initiative", { title: i.title }),
    })),
  ];
}

/** A stale version: someone saved the meeting first. Said plainly, with the way on. */
function Conflict({ error, t, reload }: { error: ApiError; t: MeetingText; reload: () => void }) {
  const now = error.problem.errors?.find((e) => e.field === "version")?.i18n?.values?.version;
  return (
    <div className="alert alert-warning" role="alert">
      <div className="alert-body">
        <h2 className="alert-heading h4">{t("meetings.editForm.conflictHeading")}</h2>
        <p className="alert-text">
          {t("meetings.editForm.conflictText", { version: String(now ?? "") })}
        </p>
        <p className="alert-text">
          <button type="button" className="button button-secondary" onClick={reload}>
            {t("meetings.editForm.reload")}
          </button>
        </p>
      </div>
    </div>
  );
}

function MeetingEditForm({ meeting, reload }: { meeting: MeetingView; reload: () => void }) {
  const t = useMeetingText();
  const navigate = useNavigate();
  const { body } = meeting;
  const [draft, setDraft] = useState<MeetingEditDraft>(() => editDraftOf(meeting));
  const set = (patch: Partial<MeetingEditDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setAgenda = (agenda: MeetingEditDraft["agenda"]) => set({ agenda });
  const subjects = useSubjects(body.id, t);
  const save = useEditMeeting(meeting.id);
  const inputs: Record<string, { inputId: string; label: string }> = {
    title: { inputId: "meeting-title", label: t("meetings.form.title") },
    date: { inputId: "meeting-date", label: t("meetings.form.date") },
    attendees: { inputId: "meeting-attendees", label: t("meetings.form.attendees") },
  };
  draft.agenda.forEach((_, n) => {
    const item = t("meetings.editForm.item", { n: n + 1 });
    inputs[`agenda.${n}.title`] = {
      inputId: agendaInputId(n, "title"),
      label: `${item}: ${t("meetings.editForm.itemTitle")}`,
    };
    inputs[`agenda.${n}.subject`] = {
      inputId: agendaInputId(n, "subject"),
      label: `${item}: ${t("meetings.editForm.itemSubject")}`,
    };
  });
  const { errorOf, targetOf } = useFormProblems(save.error, inputs);
  const conflict = save.error instanceof ApiError && save.error.status === 409 ? save.error : null;
  const heading = t("meetings.editForm.heading");
  return (
    <>
      <title>{`${heading}: ${meeting.title} – ${body.name}`}</title>
      <Breadcrumbs
        body={body}
        current={heading}
        section={{ label: t("meetings.title"), to: meetingsPath(body.id, body.kind) }}
      />
      <h1>
        {heading}: {meeting.title}
      </h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(editInputOf(draft, meeting.version), {
            onSuccess: (view) => void navigate(meetingPath(body.id, body.kind, view.id)),
            onError: () => window.scrollTo({ top: 0 }),
          });
        }}
      >
        {conflict && <Conflict error={conflict} t={t} reload={reload} />}
        {save.error && !conflict && (
          <ErrorSummary
            heading={t("meetings.editForm.errorHeading")}
            error={save.error}
            targetOf={targetOf}
          />
        )}
        <MeetingBasicFields value={draft} onChange={set} errorOf={errorOf} />
        <div className="form-group">
          <label className="form-label" htmlFor="meeting-status">
            {t("meetings.editForm.status")}
          </label>
          <select
            id="meeting-status"
            className="form-select"
            value={draft.status}
            onChange={(e) => set({ status: e.target.value === "held" ? "held" : "planned" })}
          >
            <option value="planned">{t("meetings.status.planned")}</option>
            <option value="held">{t("meetings.status.held")}</option>
          </select>
        </div>
        <h2>{t("meetings.agenda")}</h2>
        {draft.agenda.length === 0 && <p>{t("meetings.noAgenda")}</p>}
        {draft.agenda.map((item, n) => (
          <AgendaItemFields
            key={item.key}
            n={n}
            count={draft.agenda.length}
            item={item}
            subjects={subjects}
            t={t}
            errorOf={errorOf}
            onChange={(next) => setAgenda(draft.agenda.map((x, i) => (i === n ? next : x)))}
            onMove={(to) => setAgenda(moved(draft.agenda, n, to))}
            onRemove={() => setAgenda(draft.agenda.filter((_, i) => i !== n))}
          />
        ))}
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setAgenda([...draft.agenda, emptyAgendaItem(draft.public)])}
          >
            {t("meetings.editForm.addItem")}
          </button>
        </p>
        <div className={`form-group${errorOf("attendees") ? " form-error" : ""}`}>
          <label className="form-label" htmlFor="meeting-attendees">
            {t("meetings.form.attendees")}
          </label>
          <span className="form-hint" id="meeting-attendees-hint">
            {t("meetings.form.attendeesHint")}
          </span>
          <FieldError id="meeting-attendees-error" message={errorOf("attendees")} />
          <textarea
            id="meeting-attendees"
            className="form-input"
            rows={4}
            value={draft.attendees}
            aria-invalid={errorOf("attendees") ? true : undefined}
            aria-describedby={`meeting-attendees-hint${errorOf("attendees") ? " meeting-attendees-error" : ""}`}
            onChange={(e) => set({ attendees: e.target.value })}
          />
        </div>
        <p>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t("meetings.editForm.save")}
          </button>{" "}
          <button
            type="button"
            className="button button-tertiary"
            onClick={() => void navigate(meetingPath(body.id, body.kind, meeting.id))}
          >
            {t("meetings.editForm.cancel")}
          </button>
        </p>
      </form>
    </>
  );
}
