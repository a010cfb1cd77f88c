import { useState } from "react";
import { useNavigate } from "react-router";
import { ErrorSummary, FieldError, useFormProblems } from "../components/FormErrors";
import { MeetingBasicFields } from "./MeetingBasicFields";
import { useCreateMeeting } from "./meeting-api";
import { emptyMeeting, type MeetingDraft, meetingInputOf } from "./meeting-form-state";
import { useMeetingText } from "./meeting-text";
import { meetingPath } from "./paths";

function LinesField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <span className="form-hint" id={`${id}-hint`}>
        {hint}
      </span>
      <FieldError id={`${id}-error`} message={error} />
      <textarea
        id={id}
        className="form-input"
        rows={4}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** A new meeting of the body, for its secretariat and lead; refusals are shown at the fields. */
export function MeetingForm({ body }: { body: { id: string; kind: string } }) {
  const t = useMeetingText();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<MeetingDraft>(emptyMeeting);
  const set = (patch: Partial<MeetingDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const create = useCreateMeeting(body.id);
  const inputs = {
    title: { inputId: "meeting-title", label: t("meetings.form.title") },
    date: { inputId: "meeting-date", label: t("meetings.form.date") },
    agenda: { inputId: "meeting-agenda", label: t("meetings.form.agenda") },
    attendees: { inputId: "meeting-attendees", label: t("meetings.form.attendees") },
  };
  const { errorOf, targetOf } = useFormProblems(create.error, inputs);
  return (
    <section aria-labelledby="meeting-form-heading">
      <h2 id="meeting-form-heading">{t("meetings.form.heading")}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(meetingInputOf(draft), {
            onSuccess: (view) => void navigate(meetingPath(body.id, body.kind, view.id)),
          });
        }}
      >
        {create.error && (
          <ErrorSummary
            heading={t("meetings.form.errorHeading")}
            error={create.error}
            targetOf={targetOf}
          />
        )}
        <MeetingBasicFields value={draft} onChange={set} errorOf={errorOf} />
        <LinesField
          id="meeting-agenda"
          label={t("meetings.form.agenda")}
          hint={t("meetings.form.agendaHint")}
          value={draft.agenda}
          onChange={(agenda) => set({ agenda })}
          error={errorOf("agenda")}
        />
        <LinesField
          id="meeting-attendees"
          label={t("meetings.form.attendees")}
          hint={t("meetings.form.attendeesHint")}
          value={draft.attendees}
          onChange={(attendees) => set({ attendees })}
          error={errorOf("attendees")}
        />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t("meetings.form.submit")}
        </button>
      </form>
    </section>
  );
}
