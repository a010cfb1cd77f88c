import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { sendJson } from "../access/session-api";
import { ProblemAlert } from "../components/ProblemAlert";
import type { Stay } from "./types";

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
  const [open, setOpen] = useState(false);
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
  if (!open)
    return (
      <p>
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t("pathway.discharge.open")}
        </button>
      </p>
    );
  return (
    <form
      className="discharge-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        discharge.mutate();
      }}
    >
      <h3 id={`${id}-heading`}>{t("pathway.discharge.heading")}</h3>
      <p className="form-hint">{t("pathway.discharge.intro")}</p>
      {discharge.isError && <ProblemAlert error={discharge.error} />}
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-at`}>
          {t("pathway.discharge.at")}
        </label>
        <input
          className="form-input"
          id={`${id}-at`}
          type="datetime-local"
          value={at}
          onChange={(e) => setAt(e.target.value)}
          required
        />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-note`}>
          {t("pathway.discharge.note")}
        </label>
        <span className="form-hint" id={`${id}-note-hint`}>
          {t("pathway.discharge.noteHint")}
        </span>
        <textarea
          className="form-input"
          id={`${id}-note`}
          aria-describedby={`${id}-note-hint`}
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
