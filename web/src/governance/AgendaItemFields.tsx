import { FieldError } from "../components/FormErrors";
import { TextField } from "../components/TextField";
import type { AgendaDraft } from "./meeting-form-state";
import type { MeetingText } from "./meeting-text";

export type SubjectOption = { value: string; label: string };

/** The ids of item n's inputs, which the server's `agenda.n.*` problems point to. */
export const agendaInputId = (n: number, part: "title" | "text" | "subject" | "public") =>
  `agenda-${n}-${part}`;

/**
 * One agenda item of the meeting being edited: its title, text, what it is
 * about (one of the body's agreements or initiatives, or nothing), whether it
 * is public, and buttons to move it or take it off the agenda.
 */
export function AgendaItemFields({
  n,
  count,
  item,
  subjects,
  t,
  errorOf,
  onChange,
  onMove,
  onRemove,
}: {
  n: number;
  count: number;
  item: AgendaDraft;
  subjects: readonly SubjectOption[];
  t: MeetingText;
  errorOf: (name: string) => string | undefined;
  onChange: (next: AgendaDraft) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const number = n + 1;
  const subjectError = errorOf(`agenda.${n}.subject`);
  const textId = agendaInputId(n, "text");
  const subjectId = agendaInputId(n, "subject");
  // A subject no longer among the lists (ended, or not readable) is kept as it is.
  const known = item.subject === "" || subjects.some((s) => s.value === item.subject);
  return (
    <fieldset className="agenda-item-fields">
      <legend className="h4">{t("meetings.editForm.item", { n: number })}</legend>
      <TextField
        id={agendaInputId(n, "title")}
        label={t("meetings.editForm.itemTitle")}
        value={item.title}
        onChange={(title) => onChange({ ...item, title })}
        error={errorOf(`agenda.${n}.title`)}
      />
      <div className="form-group">
        <label className="form-label" htmlFor={textId}>
          {t("meetings.editForm.itemText")}
        </label>
        <textarea
          id={textId}
          className="form-input"
          rows={2}
          value={item.text}
          onChange={(e) => onChange({ ...item, text: e.target.value })}
        />
      </div>
      <div className={`form-group${subjectError ? " form-error" : ""}`}>
        <label className="form-label" htmlFor={subjectId}>
          {t("meetings.editForm.itemSubject")}
        </label>
        <span className="form-hint" id={`${subjectId}-hint`}>
          {t("meetings.editForm.itemSubjectHint")}
        </span>
        <FieldError id={`${subjectId}-error`} message={subjectError} />
        <select
          id={subjectId}
          className="form-select"
          value={item.subject}
          aria-invalid={subjectError ? true : undefined}
          aria-describedby={`${subjectId}-hint${subjectError ? ` ${subjectId}-error` : ""}`}
          onChange={(e) => onChange({ ...item, subject: e.target.value })}
        >
          <option value="">{t("meetings.editForm.noSubject")}</option>
          {!known && <option value={item.subject}>{t("meetings.editForm.unknownSubject")}</option>}
          {subjects.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group-checkbox">
        <input
          id={agendaInputId(n, "public")}
          type="checkbox"
          className="form-checkbox"
          checked={item.public}
          onChange={(e) => onChange({ ...item, public: e.target.checked })}
        />
        <label htmlFor={agendaInputId(n, "public")}>{t("meetings.editForm.itemPublic")}</label>
      </div>
      <p className="agenda-item-actions">
        <button
          type="button"
          className="button button-tertiary"
          disabled={n === 0}
          onClick={() => onMove(n - 1)}
        >
          {t("meetings.editForm.moveUp", { n: number })}
        </button>{" "}
        <button
          type="button"
          className="button button-tertiary"
          disabled={n === count - 1}
          onClick={() => onMove(n + 1)}
        >
          {t("meetings.editForm.moveDown", { n: number })}
        </button>{" "}
        <button type="button" className="button button-tertiary" onClick={onRemove}>
          {t("meetings.editForm.remove", { n: number })}
        </button>
      </p>
    </fieldset>
  );
}
