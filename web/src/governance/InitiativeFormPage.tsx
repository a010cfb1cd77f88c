import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { BodyKind } from "../api/types";
import {
  describedBy,
  ErrorSummary,
  FieldError,
  fieldProblems,
  reasonFor,
} from "../components/FormErrors";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { Breadcrumbs } from "./Breadcrumbs";
import { BudgetFields, MilestoneFields, RowInput } from "./InitiativeFormParts";
import { ParticipantFields, TargetFields } from "./InitiativeTargetFields";
import {
  createInitiative,
  editInitiative,
  type InitiativeInput,
  type InitiativeView,
  useInitiative,
  useInitiativeChange,
  useInitiatives,
} from "./initiative-api";
import {
  emptyInitiative,
  type InitiativeDraft,
  initiativeDraftOf,
  initiativeInputOf,
  inputIdOf,
  labelKeyOf,
} from "./initiative-form-state";
import { useInitiativeText } from "./initiative-text";
import { initiativePath, initiativesPath } from "./paths";

/** A new initiative (`/initiativer/ny`) or a new version of one (`/initiativer/:id/rediger`). */
export function InitiativeFormPage({ routeKind }: { routeKind: BodyKind }) {
  const { id = "", initiativeId } = useParams();
  const list = useInitiatives(id);
  const existing = useInitiative(initiativeId ?? "");
  const error = list.error ?? (initiativeId ? existing.error : null);
  if (error) return <ProblemAlert error={error} />;
  if (!list.data || (initiativeId && !existing.data)) return <Loading />;
  return (
    <InitiativeForm
      body={list.data.body}
      kind={routeKind}
      existing={initiativeId ? (existing.data ?? null) : null}
    />
  );
}

function InitiativeForm({
  body,
  kind,
  existing,
}: {
  body: InitiativeView["body"];
  kind: BodyKind;
  existing: InitiativeView | null;
}) {
  const t = useInitiativeText();
  const { t: tAny } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<InitiativeDraft>(() =>
    existing ? initiativeDraftOf(existing) : emptyInitiative(),
  );
  const save = useInitiativeChange((input: InitiativeInput) =>
    existing
      ? editInitiative(existing.id, { ...input, version: existing.version })
      : createInitiative(body.id, input),
  );
  const problems = fieldProblems(save.error, tAny);
  const errorOf = (field: string) =>
    reasonFor(problems, (f) => f === field || f.startsWith(`${field}.`));
  const heading = existing ? t("initiatives.form.editTitle") : t("initiatives.form.newTitle");
  const set = (patch: Partial<InitiativeDraft>) => setDraft({ ...draft, ...patch });
  const text = (field: "title" | "start" | "end", type: "text" | "date" = "text") => (
    <RowInput
      id={`initiative-${field}`}
      type={type}
      label={t(labelKeyOf(field))}
      value={draft[field]}
      error={errorOf(field)}
      onChange={(value) => set({ [field]: value })}
    />
  );

  return (
    <>
      <title>{`${heading} – ${body.name}`}</title>
      <Breadcrumbs
        body={body}
        current={heading}
        section={{ label: t("initiatives.title"), to: initiativesPath(body.id, kind) }}
      />
      <h1>{heading}</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(initiativeInputOf(draft), {
            onSuccess: (view) => navigate(initiativePath(body.id, kind, view.id)),
            onError: () => window.scrollTo({ top: 0 }),
          });
        }}
      >
        {save.error && (
          <ErrorSummary
            heading={t("initiatives.form.refused")}
            error={save.error}
            targetOf={(field) => {
              const inputId = inputIdOf(field);
              return inputId ? { inputId, label: t(labelKeyOf(field)) } : null;
            }}
          />
        )}
        {text("title")}
        <div className={`form-group${errorOf("goal") ? " form-error" : ""}`}>
          <label className="form-label" htmlFor="initiative-goal">
            {t("initiatives.form.goal")}
          </label>
          <span className="form-hint" id="initiative-goal-hint">
            {t("initiatives.form.goalHint")}
          </span>
          <FieldError id="initiative-goal-error" message={errorOf("goal")} />
          <textarea
            id="initiative-goal"
            className="form-input"
            rows={4}
            value={draft.goal}
            onChange={(e) => set({ goal: e.target.value })}
            {...describedBy("initiative-goal", { hint: true, error: errorOf("goal") })}
          />
        </div>
        <div className="form-group-checkbox">
          <input
            id="initiative-public"
            type="checkbox"
            className="form-checkbox"
            checked={draft.public}
            aria-describedby="initiative-public-hint"
            onChange={(e) => set({ public: e.target.checked })}
          />
          <label htmlFor="initiative-public">{t("initiatives.form.public")}</label>
          <span className="form-hint" id="initiative-public-hint">
            {t("initiatives.form.publicHint")}
          </span>
        </div>
        <TargetFields draft={draft} set={set} errorOf={errorOf} />
        <ParticipantFields bodyId={body.id} draft={draft} set={set} errorOf={errorOf} />
        <BudgetFields
          value={draft.budget}
          errorOf={errorOf}
          onChange={(budget) => set({ budget })}
        />
        {text("start", "date")}
        {text("end", "date")}
        <MilestoneFields
          value={draft.milestones}
          errorOf={errorOf}
          onChange={(milestones) => set({ milestones })}
        />
        <p>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {existing ? t("initiatives.form.save") : t("initiatives.form.create")}
          </button>{" "}
          <button type="button" className="button button-tertiary" onClick={() => navigate(-1)}>
            {t("initiatives.form.cancel")}
          </button>
        </p>
      </form>
    </>
  );
}
