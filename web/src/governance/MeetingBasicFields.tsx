import { TextField } from "../components/TextField";
import { useMeetingText } from "./meeting-text";

type Basics = { title: string; date: string; public: boolean };

/** A meeting's title, date and whether it is public: the same fields when creating and editing. */
export function MeetingBasicFields({
  value,
  onChange,
  errorOf,
}: {
  value: Basics;
  onChange: (patch: Partial<Basics>) => void;
  errorOf: (name: string) => string | undefined;
}) {
  const t = useMeetingText();
  return (
    <>
      <TextField
        id="meeting-title"
        label={t("meetings.form.title")}
        value={value.title}
        onChange={(title) => onChange({ title })}
        error={errorOf("title")}
      />
      <TextField
        id="meeting-date"
        label={t("meetings.form.date")}
        hint={t("meetings.form.dateHint")}
        value={value.date}
        onChange={(date) => onChange({ date })}
        error={errorOf("date")}
      />
      <div className="form-group-checkbox">
        <input
          id="meeting-public"
          type="checkbox"
          className="form-checkbox"
          checked={value.public}
          onChange={(e) => onChange({ public: e.target.checked })}
        />
        <label htmlFor="meeting-public">{t("meetings.form.public")}</label>
      </div>
    </>
  );
}
