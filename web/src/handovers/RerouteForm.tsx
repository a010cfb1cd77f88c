import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { sendJson } from "../access/session-api";
import { getJson } from "../api/client";
import { describedBy, FieldError, FormProblem, useFormProblems } from "../components/FormErrors";
import { ProblemAlert } from "../components/ProblemAlert";
import type { WorklistItem } from "./types";

type Receiver = { id: string; name: string; kind: string };

/**
 * The discharging hospital (or the body's coordinator) sends a declined
 * handover on: finds the right municipality or practice by name, picks it,
 * and may say what the new receiver should know. It opens again for them.
 */
export function RerouteForm({
  item,
  onSent,
}: {
  item: WorklistItem;
  /** Told the new receiver's name: the row may leave the list, the sender must see where it went. */
  onSent: (receiverName: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<Receiver | null>(null);
  const [note, setNote] = useState(item.note ?? "");
  const term = useDeferredValue(name.trim());
  const candidates = useQuery({
    queryKey: ["handover-receivers", item.id, term],
    queryFn: ({ signal }) =>
      getJson<Receiver[]>(
        `/api/handovers/${item.id}/receivers?name=${encodeURIComponent(term)}`,
        signal,
      ),
    enabled: open && term.length >= 2,
  });
  const send = useMutation({
    mutationFn: () =>
      sendJson("POST", `/api/handovers/${item.id}/reroute`, {
        version: item.version,
        receiverOrganisationId: chosen?.id,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    // The form stays pending until the list has the new state: closing it first
    // showed the old row, with its "send on" button, for a moment.
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["worklist"] });
      setOpen(false);
      if (chosen) onSent(chosen.name);
    },
    onError: () => void client.invalidateQueries({ queryKey: ["worklist"] }),
  });
  const id = (part: string) => `send-on-${part}-${item.id}`;
  const inputs = {
    receiverOrganisationId: { inputId: id("name"), label: t("worklist.sendOn.find") },
    note: { inputId: id("note"), label: t("worklist.sendOn.note") },
  };
  const { errorOf } = useFormProblems(send.error, inputs);
  const receiverError = errorOf("receiverOrganisationId");
  const noteError = errorOf("note");

  if (!open)
    return (
      <button
        type="button"
        className="button button-secondary button-small mt-2"
        onClick={() => setOpen(true)}
      >
        {t("worklist.sendOn.open")}
      </button>
    );
  return (
    <form
      className="reroute-form"
      aria-labelledby={id("heading")}
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) send.mutate();
      }}
    >
      <p className="h6" id={id("heading")}>
        {t("worklist.sendOn.heading")}
      </p>
      <FormProblem error={send.error} inputs={inputs} />
      <label className="form-label" htmlFor={id("name")}>
        {t("worklist.sendOn.find")}
      </label>
      <span className="form-hint" id={id("name-hint")}>
        {t("worklist.sendOn.findHint")}
      </span>
      <FieldError id={`${id("name")}-error`} message={receiverError} />
      <input
        id={id("name")}
        type="search"
        className="form-input"
        {...describedBy(id("name"), { hint: true, error: receiverError })}
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      {candidates.isError && <ProblemAlert error={candidates.error} />}
      {candidates.data && (
        <fieldset className="reroute-candidates" aria-live="polite">
          <legend className="form-label">{t("worklist.sendOn.choose")}</legend>
          {candidates.data.length === 0 && <p>{t("worklist.sendOn.none")}</p>}
          {candidates.data.map((r) => (
            <div className="form-group-radio" key={r.id}>
              <input
                type="radio"
                className="form-radio"
                id={id(r.id)}
                name={id("receiver")}
                value={r.id}
                checked={chosen?.id === r.id}
                onChange={() => setChosen(r)}
              />
              <label htmlFor={id(r.id)}>{r.name}</label>
            </div>
          ))}
        </fieldset>
      )}
      <label className="form-label" htmlFor={id("note")}>
        {t("worklist.sendOn.note")}
      </label>
      <FieldError id={`${id("note")}-error`} message={noteError} />
      <textarea
        id={id("note")}
        {...describedBy(id("note"), { error: noteError })}
        className="form-input"
        rows={3}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {!chosen && <p className="form-hint">{t("worklist.sendOn.chooseFirst")}</p>}
      <button
        type="submit"
        className="button button-primary button-small mt-2"
        disabled={!chosen || send.isPending}
      >
        {t("worklist.sendOn.submit")}
      </button>{" "}
      <button
        type="button"
        className="button button-tertiary button-small mt-2"
        onClick={() => setOpen(false)}
      >
        {t("worklist.cancel")}
      </button>
    </form>
  );
}
