import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FieldError } from "../components/FormErrors";
import { DECLINE_REASONS, type DeclineReason } from "./types";

/**
 * The receiver declines with a reason they chose: none is chosen for them,
 * so a decline never goes out for a reason nobody picked. "Andet" needs
 * words; any other reason may have them. Each problem is said at its field.
 */
export function DeclineForm({
  itemId,
  onDecline,
  onCancel,
}: {
  itemId: string;
  onDecline: (reason: DeclineReason, note: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<DeclineReason | "">("");
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);
  const id = (part: string) => `decline-${part}-${itemId}`;
  const needsNote = reason === "other";
  const reasonError = tried && reason === "" ? t("worklist.declineErrors.reason") : undefined;
  const noteError =
    tried && needsNote && !note.trim() ? t("worklist.declineErrors.note") : undefined;
  return (
    <form
      className="decline-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (reason === "") return document.getElementById(id("reason"))?.focus();
        if (needsNote && !note.trim()) return document.getElementById(id("note"))?.focus();
        onDecline(reason, note);
      }}
    >
      <div className={`form-group${reasonError ? " form-error" : ""}`}>
        <label className="form-label" htmlFor={id("reason")}>
          {t("worklist.declineReason")}
        </label>
        <FieldError id={id("reason-error")} message={reasonError} />
        <select
          id={id("reason")}
          className="form-select"
          value={reason}
          required
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? id("reason-error") : undefined}
          onChange={(e) => setReason(e.target.value as DeclineReason | "")}
        >
          <option value="">{t("worklist.declineChoose")}</option>
          {DECLINE_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`worklist.reasons.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={`form-group${noteError ? " form-error" : ""}`}>
        <label className="form-label" htmlFor={id("note")}>
          {needsNote ? t("worklist.declineNoteRequired") : t("worklist.declineNote")}
        </label>
        <span className="form-hint" id={id("note-hint")}>
          {t("worklist.declineNoteHint")}
        </span>
        <FieldError id={id("note-error")} message={noteError} />
        <textarea
          id={id("note")}
          className="form-input"
          rows={2}
          maxLength={2000}
          required={needsNote}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={[id("note-hint"), noteError ? id("note-error") : null]
            .filter(Boolean)
            .join(" ")}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary button-small mt-2">
        {t("worklist.sendDecline")}
      </button>{" "}
      <button type="button" className="button button-tertiary button-small mt-2" onClick={onCancel}>
        {t("worklist.cancel")}
      </button>
    </form>
  );
}
