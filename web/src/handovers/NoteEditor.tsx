import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { sendJson } from "../access/session-api";
import { describedBy, FieldError, FormProblem, useFormProblems } from "../components/FormErrors";
import type { WorklistItem } from "./types";

/** The discharging ward writes or corrects its note to the receiver of an open handover. */
export function NoteEditor({ item }: { item: WorklistItem }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(item.note ?? "");
  const save = useMutation({
    mutationFn: () =>
      sendJson("PUT", `/api/handovers/${item.id}/note`, { version: item.version, note }),
    // Pending until the list has the new note, so the old one never shows again.
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["worklist"] });
      setEditing(false);
    },
    onError: () => void client.invalidateQueries({ queryKey: ["worklist"] }),
  });
  const noteId = `ward-note-${item.id}`;
  const inputs = { note: { inputId: noteId, label: t("worklist.note") } };
  const noteError = useFormProblems(save.error, inputs).errorOf("note");
  if (!editing)
    return (
      <button
        type="button"
        className="button button-tertiary button-small"
        onClick={() => {
          setNote(item.note ?? "");
          setEditing(true);
        }}
      >
        {item.note ? t("worklist.editNote") : t("worklist.writeNote")}
      </button>
    );
  return (
    <form
      className="note-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <FormProblem error={save.error} inputs={inputs} />
      <div className={`form-group${noteError ? " form-error" : ""}`}>
        <label className="form-label" htmlFor={noteId}>
          {t("worklist.note")}
        </label>
        <FieldError id={`${noteId}-error`} message={noteError} />
        <textarea
          id={noteId}
          {...describedBy(noteId, { error: noteError })}
          className="form-input"
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <button
        type="submit"
        className="button button-primary button-small mt-2"
        disabled={save.isPending}
      >
        {t("worklist.saveNote")}
      </button>{" "}
      <button
        type="button"
        className="button button-tertiary button-small mt-2"
        onClick={() => setEditing(false)}
      >
        {t("worklist.cancel")}
      </button>
    </form>
  );
}
