import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, FieldError, fieldProblems, reasonFor } from "../components/FormErrors";
import { TextField } from "../components/TextField";
import { WEBHOOK_KINDS, type WebhookCreated, type WebhookKind } from "./types";
import { useCreateWebhook } from "./webhook-api";

/** As the server's default: what needs acting on. */
const DEFAULT_EVENTS: WebhookKind[] = [
  "handover.created",
  "handover.escalated",
  "handover.declined",
  "follow-up.opened",
];
const EMPTY = { url: "", description: "", events: DEFAULT_EVENTS };

/** Adds a webhook; its secret comes back once and goes to the page to show. */
export function AddWebhookForm({
  organisationId,
  onCreated,
}: {
  organisationId: string;
  onCreated: (created: WebhookCreated) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(EMPTY);
  const create = useCreateWebhook(organisationId);
  const problems = fieldProblems(create.error, t);
  const urlError = reasonFor(problems, (f) => f === "url");
  const descriptionError = reasonFor(problems, (f) => f === "description");
  const eventsError = reasonFor(problems, (f) => f.startsWith("events"));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const description = draft.description.trim();
    create.mutate(
      {
        url: draft.url.trim(),
        ...(description ? { description } : {}),
        events: draft.events,
      },
      {
        onSuccess: (created) => {
          setDraft(EMPTY);
          onCreated(created);
        },
      },
    );
  };
  const toggle = (kind: WebhookKind, on: boolean) =>
    setDraft({
      ...draft,
      events: on ? [...draft.events, kind] : draft.events.filter((k) => k !== kind),
    });
  const targetOf = (field: string) =>
    field === "url"
      ? { inputId: "webhook-url", label: t("webhooks.url") }
      : field === "description"
        ? { inputId: "webhook-description", label: t("webhooks.description") }
        : field.startsWith("events")
          ? { inputId: `webhook-event-${WEBHOOK_KINDS[0]}`, label: t("webhooks.events") }
          : null;
  return (
    <section className="webhook-form" aria-labelledby="webhook-form-heading">
      <h2 id="webhook-form-heading">{t("webhooks.form.heading")}</h2>
      <div aria-live="polite">
        {create.isError && (
          <ErrorSummary
            heading={t("webhooks.form.refused")}
            error={create.error}
            targetOf={targetOf}
          />
        )}
      </div>
      <form onSubmit={submit} noValidate>
        <TextField
          id="webhook-url"
          label={t("webhooks.url")}
          type="url"
          required
          hint={t("webhooks.form.urlHint")}
          error={urlError}
          value={draft.url}
          onChange={(url) => setDraft({ ...draft, url })}
        />
        <TextField
          id="webhook-description"
          label={t("webhooks.description")}
          hint={t("webhooks.form.descriptionHint")}
          error={descriptionError}
          value={draft.description}
          onChange={(description) => setDraft({ ...draft, description })}
        />
        <fieldset
          className={`form-group webhook-events${eventsError ? " form-error" : ""}`}
          aria-describedby={`webhook-events-hint${eventsError ? " webhook-events-error" : ""}`}
        >
          <legend className="form-label">{t("webhooks.events")}</legend>
          <span className="form-hint" id="webhook-events-hint">
            {t("webhooks.form.eventsHint")}
          </span>
          <FieldError id="webhook-events-error" message={eventsError} />
          {WEBHOOK_KINDS.map((kind) => (
            <div className="form-group-checkbox" key={kind}>
              <input
                id={`webhook-event-${kind}`}
                type="checkbox"
                className="form-checkbox"
                checked={draft.events.includes(kind)}
                onChange={(e) => toggle(kind, e.target.checked)}
              />
              <label htmlFor={`webhook-event-${kind}`}>
                {t(`notifications.kinds.${kind}`)} <code>{kind}</code>
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button button-primary mt-4" disabled={create.isPending}>
          {t("webhooks.form.submit")}
        </button>
      </form>
    </section>
  );
}
