import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { sendJson } from "../access/session-api";
import { useCareText } from "../app/care-text";
import { describedBy, FieldError, FormProblem, useFormProblems } from "../components/FormErrors";
import type { DischargeRefusal, Stay } from "./types";

/** "2026-11-22T14:05" in the browser's local time, as a datetime-local input wants it. */
function localNow(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * Discharge from the hospital view, for a ward whose own system has not sent
 * the HospitalNotification: the home municipality and the GP get their
 * handovers at once, with the ward's note of what the citizen needs.
 */
export function DischargeForm({ citizenId, stay }: { citizenId: string; stay: Stay }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  // From the inpatients list's "Udskriv" (…/forloeb#udskriv) the form opens at once.
  const [open, setOpen] = useState(() => window.location.hash === "#udskriv");
  const [at, setAt] = useState(localNow);
  const [note, setNote] = useState("");
  const discharge = useMutation({
    mutationFn: () =>
      sendJson("POST", `/api/stays/${encodeURIComponent(stay.id)}/discharge`, {
        dischargedAt: new Date(at).toISOString(),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ["pathway", citizenId] });
    },
  });
  const inputs = {
    dischargedAt: { inputId: `${id}-at`, label: t("pathway.discharge.at") },
    note: { inputId: `${id}-note`, label: t("pathway.discharge.note") },
  };
  const { errorOf } = useFormProblems(discharge.error, inputs);
  const atError = errorOf("dischargedAt");
  const noteError = errorOf("note");
  if (!open)
    return (
      <p id="udskriv">
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t("pathway.discharge.open")}
        </button>
      </p>
    );
  return (
    <form
      id="udskriv"
      className="discharge-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        discharge.mutate();
      }}
    >
      <h3 id={`${id}-heading`}>{t("pathway.discharge.heading")}</h3>
      <p className="form-hint">{t("pathway.discharge.intro")}</p>
      <FormProblem error={discharge.error} inputs={inputs} />
      <div className={`form-group${atError ? " form-error" : ""}`}>
        <label className="form-label" htmlFor={`${id}-at`}>
          {t("pathway.discharge.at")}
        </label>
        <FieldError id={`${id}-at-error`} message={atError} />
        <input
          {...describedBy(`${id}-at`, { error: atError })}
          className="form-input"
          id={`${id}-at`}
          type="datetime-local"
          value={at}
          onChange={(e) => setAt(e.target.value)}
          required
        />
      </div>
      <div className={`form-group${noteError ? " form-error" : ""}`}>
        <label className="form-label" htmlFor={`${id}-note`}>
          {t("pathway.discharge.note")}
        </label>
        <span className="form-hint" id={`${id}-note-hint`}>
          {t("pathway.discharge.noteHint")}
        </span>
        <FieldError id={`${id}-note-error`} message={noteError} />
        <textarea
          className="form-input"
          id={`${id}-note`}
          {...describedBy(`${id}-note`, { hint: true, error: noteError })}
          rows={4}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="worklist-actions">
        <button type="submit" className="button button-primary" disabled={discharge.isPending}>
          {t("pathway.discharge.submit")}
        </button>
        <button type="button" className="button button-tertiary" onClick={() => setOpen(false)}>
          {t("pathway.discharge.cancel")}
        </button>
      </div>
    </form>
  );
}

/**
 * Where the reader may not discharge a stay in hospital, the page says why
 * (issue 21: the button was missing and nothing said why).
 */
export function DischargeRefused({ refusal }: { refusal: DischargeRefusal }) {
  const tc = useCareText();
  if (refusal === "notAdmitted") return null;
  return (
    <div className="alert alert-info discharge-refused" role="note">
      <div className="alert-body">
        <p className="alert-heading">{tc("dischargeRefused.heading")}</p>
        <p className="alert-text">{tc(`dischargeRefused.${refusal}`)}</p>
      </div>
    </div>
  );
}
