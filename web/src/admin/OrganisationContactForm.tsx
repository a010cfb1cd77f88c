import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { activeMembership, sendJson, useMe } from "../access/session-api";
import {
  contactQueryKey,
  type OrganisationContact,
  useOrganisationContact,
} from "../components/ContactDetails";
import { ErrorSummary, FieldError, fieldProblems, reasonFor } from "../components/FormErrors";

const FIELDS = ["phone", "email", "openingHours", "webUrl"] as const;
type Field = (typeof FIELDS)[number];
type Draft = Record<Field, string>;

/** The organisation's own details to edit; blank where it has none (or shows its parent's). */
function draftOf(c: OrganisationContact | undefined): Draft {
  const own = c && !c.inheritedFrom ? c : null;
  return {
    phone: own?.phone ?? "",
    email: own?.email ?? "",
    openingHours: own?.openingHours ?? "",
    webUrl: own?.webUrl ?? "",
  };
}

/**
 * The acting organisation's contact details, which citizens see for whoever is
 * responsible for them: its administrators edit them here.
 */
export function OrganisationContactForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const organisation = activeMembership(useMe().data)?.organisation ?? null;
  const contact = useOrganisationContact(organisation?.id ?? null);
  const [draft, setDraft] = useState<Draft>(draftOf(undefined));
  useEffect(() => setDraft(draftOf(contact.data)), [contact.data]);
  const save = useMutation({
    mutationFn: (body: Draft) =>
      sendJson<OrganisationContact>("PUT", `/api/organisations/${organisation?.id}/contact`, body),
    onSuccess: (saved) => client.setQueryData(contactQueryKey(saved.organisationId), saved),
  });
  if (!organisation) return null;
  const problems = fieldProblems(save.error, t);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft);
  };
  return (
    <section className="organisation-contact" aria-labelledby="contact-form-heading">
      <h2 id="contact-form-heading">{t("contact.form.heading", { name: organisation.name })}</h2>
      <p>{t("contact.form.intro")}</p>
      {contact.data?.inheritedFrom && (
        <p className="form-hint">
          {t("contact.form.inherited", { name: contact.data.inheritedFrom.name })}
        </p>
      )}
      <div aria-live="polite">
        {save.isError && (
          <ErrorSummary
            heading={t("contact.form.refused")}
            error={save.error}
            targetOf={(f) =>
              (FIELDS as readonly string[]).includes(f)
                ? { inputId: `contact-${f}`, label: t(`contact.${f as Field}`) }
                : null
            }
          />
        )}
        {save.isSuccess && (
          <div className="alert alert-success">
            <div className="alert-body">
              <p className="alert-text">{t("contact.form.saved")}</p>
            </div>
          </div>
        )}
      </div>
      <form onSubmit={submit} noValidate>
        {FIELDS.map((field) => (
          <ContactField
            key={field}
            field={field}
            value={draft[field]}
            error={reasonFor(problems, (f) => f === field)}
            onChange={(value) => setDraft({ ...draft, [field]: value })}
          />
        ))}
        <button type="submit" className="button button-primary mt-4" disabled={save.isPending}>
          {t("contact.form.save")}
        </button>
      </form>
    </section>
  );
}

/** One contact field with its hint and, when refused, the server's reason. */
function ContactField({
  field,
  value,
  error,
  onChange,
}: {
  field: Field;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = `contact-${field}`;
  const props = {
    id,
    name: field,
    value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": `${id}-hint${error ? ` ${id}-error` : ""}`,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {t(`contact.${field}`)}
      </label>
      <span className="form-hint" id={`${id}-hint`}>
        {t(`contact.form.hints.${field}`)}
      </span>
      <FieldError id={`${id}-error`} message={error} />
      {field === "openingHours" ? (
        <textarea className="form-input" rows={3} {...props} />
      ) : (
        <input
          className="form-input"
          type={field === "email" ? "email" : field === "phone" ? "tel" : "url"}
          {...props}
        />
      )}
    </div>
  );
}
