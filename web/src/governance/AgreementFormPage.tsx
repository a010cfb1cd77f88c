import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { getJson } from "../api/client";
import type { BodyKind } from "../api/types";
import { ErrorSummary, fieldProblems, reasonFor } from "../components/FormErrors";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { TextField } from "../components/TextField";
import type { RuleView } from "../handovers/rule-text";
import {
  type AgreementView,
  type ContentInput,
  createAgreement,
  editAgreement,
  useAgreement,
  useAgreementChange,
  useAgreements,
} from "./api";
import { Breadcrumbs } from "./Breadcrumbs";
import { CommitmentFields } from "./CommitmentFields";
import { fieldId, fieldLabelKey, inputOfField } from "./field-labels";
import { type AgreementDraft, draftOf, emptyCommitment, emptyDraft, inputOf } from "./form-state";
import { decimalText } from "./money";
import { agreementPath } from "./paths";
import { useAgreementText } from "./text";

/** A new draft (`/aftaler/ny`) or a new version of one (`/aftaler/:agreementId/rediger`). */
export function AgreementFormPage({ routeKind }: { routeKind: BodyKind }) {
  const { id = "", agreementId } = useParams();
  const list = useAgreements(id);
  const existing = useAgreement(agreementId ?? "");
  const error = list.error ?? (agreementId ? existing.error : null);
  if (error) return <ProblemAlert error={error} />;
  if (!list.data || (agreementId && !existing.data)) return <Loading />;
  return (
    <AgreementForm
      body={list.data.body}
      kind={routeKind}
      existing={agreementId ? (existing.data ?? null) : null}
    />
  );
}

function AgreementForm({
  body,
  kind,
  existing,
}: {
  body: AgreementView["body"];
  kind: BodyKind;
  existing: AgreementView | null;
}) {
  const t = useAgreementText();
  const { t: tAny } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<AgreementDraft>(() =>
    existing ? draftOf(existing) : emptyDraft(),
  );
  const rules = useQuery({
    queryKey: ["handover-rules", body.id],
    queryFn: ({ signal }) =>
      getJson<RuleView[]>(`/api/bodies/${encodeURIComponent(body.id)}/handover-rules`, signal),
  });
  const save = useAgreementChange((input: ContentInput) =>
    existing
      ? editAgreement(existing.id, { ...input, version: existing.version })
      : createAgreement(body.id, input),
  );
  const problems = fieldProblems(save.error, tAny);
  const errorOf = (field: string) =>
    reasonFor(problems, (f) => f === field || f.startsWith(`${field}.`));
  const heading = existing ? t("agreements.form.editTitle") : t("agreements.form.newTitle");
  const setCommitments = (commitments: AgreementDraft["commitments"]) =>
    setDraft({ ...draft, commitments });

  return (
    <>
      <title>{`${heading} – ${body.name}`}</title>
      <Breadcrumbs body={body} current={heading} />
      <h1>{heading}</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(inputOf(draft, rules.data ?? [], decimalText), {
            onSuccess: (view) => navigate(agreementPath(body.id, kind, view.id)),
            onError: () => window.scrollTo({ top: 0 }),
          });
        }}
      >
        {save.error && (
          <ErrorSummary
            heading={t("agreements.form.refused")}
            error={save.error}
            // A stale version has no field of its own to go to: the summary says it.
            targetOf={(field) =>
              field === "version"
                ? null
                : { inputId: inputOfField(field), label: t(fieldLabelKey(field)) }
            }
          />
        )}
        <TextField
          id={fieldId("title")}
          label={t("agreements.form.title")}
          value={draft.title}
          onChange={(title) => setDraft({ ...draft, title })}
          error={errorOf("title")}
        />
        <div className={`form-group${errorOf("summary") ? " form-error" : ""}`}>
          <label className="form-label" htmlFor={fieldId("summary")}>
            {t("agreements.form.summary")}
          </label>
          <span className="form-hint" id="summary-hint">
            {t("agreements.form.summaryHint")}
          </span>
          {errorOf("summary") && (
            <span className="form-error-message" id="summary-error">
              {errorOf("summary")}
            </span>
          )}
          <textarea
            id={fieldId("summary")}
            className="form-input"
            rows={4}
            value={draft.summary}
            aria-describedby={`summary-hint${errorOf("summary") ? " summary-error" : ""}`}
            onChange={(e) => setDraft({ ...draft, summary: e.target.value })}
          />
        </div>
        <div className="form-group-checkbox">
          <input
            id={fieldId("public")}
            type="checkbox"
            className="form-checkbox"
            checked={draft.public}
            aria-describedby="public-hint"
            onChange={(e) => setDraft({ ...draft, public: e.target.checked })}
          />
          <label htmlFor={fieldId("public")}>{t("agreements.form.public")}</label>
          <span className="form-hint" id="public-hint">
            {t("agreements.form.publicHint")}
          </span>
        </div>
        {draft.commitments.map((c, n) => (
          <CommitmentFields
            // biome-ignore lint/suspicious/noArrayIndexKey: a commitment is its place in the list
            key={n}
            n={n}
            value={c}
            errorOf={errorOf}
            onChange={(next) =>
              setCommitments(draft.commitments.map((x, i) => (i === n ? next : x)))
            }
            onRemove={
              draft.commitments.length > 1
                ? () => setCommitments(draft.commitments.filter((_, i) => i !== n))
                : null
            }
          />
        ))}
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setCommitments([...draft.commitments, emptyCommitment()])}
          >
            {t("agreements.form.addCommitment")}
          </button>
        </p>
        <p>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {existing ? t("agreements.form.save") : t("agreements.form.create")}
          </button>{" "}
          <button type="button" className="button button-tertiary" onClick={() => navigate(-1)}>
            {t("agreements.form.cancel")}
          </button>
        </p>
      </form>
    </>
  );
}
