import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { sendJson } from "../access/session-api";
import { ErrorSummary, fieldProblems, reasonFor } from "../components/FormErrors";
import { DeadlineFieldset, LadderFieldset, type RulePart, WindowsFieldset } from "./RuleFieldsets";
import { draftOf, inputOf, type RuleDraft, ruleOf } from "./rule-draft";
import { type BodyKindKey, fieldKey, type RuleView, type Sector } from "./rule-text";

type LabelKey = `handoverRules.form.${
  | "stepTarget"
  | "stepMinutes"
  | "deadline"
  | "weekday"
  | "weekend"
  | "ladder"
  | "windows"}`;
/**
 * `t` for the summary's labels only: with every named string, the compiler's
 * key type grows too deep at this call (TS2589), so these keys are checked here.
 */
type LabelText = (key: LabelKey, values?: Record<string, unknown>) => string;

/** What a field is called in the summary at the top. */
function labelOf(t: LabelText, field: string): string {
  const key = fieldKey(field);
  const step = /^ladder\.(\d+)(\.(afterMinutes|target))?$/.exec(key);
  if (step) {
    const n = Number(step[1]) + 1;
    return step[3] === "target"
      ? t("handoverRules.form.stepTarget", { n })
      : t("handoverRules.form.stepMinutes", { n });
  }
  if (key === "deadlineMinutes") return t("handoverRules.form.deadline");
  if (key === "hours.weekday") return t("handoverRules.form.weekday");
  if (key === "hours.weekend") return t("handoverRules.form.weekend");
  if (key === "ladder") return t("handoverRules.form.ladder");
  return t("handoverRules.form.windows");
}

/** A body coordinator's form for one sector's rule; the server judges it and names each problem. */
export function RuleEditor({
  bodyId,
  kind,
  view,
}: {
  bodyId: string;
  kind: BodyKindKey;
  view: RuleView;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const sector: Sector = view.sector;
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(view.rule));
  // A saved (or reloaded) rule replaces what the form holds.
  useEffect(() => setDraft(draftOf(view.rule)), [view.rule]);
  const save = useMutation({
    mutationFn: (d: RuleDraft) =>
      sendJson<RuleView>(
        "PUT",
        `/api/bodies/${encodeURIComponent(bodyId)}/handover-rules/${sector}`,
        ruleOf(d),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["handover-rules", bodyId] }),
  });
  const problems = fieldProblems(save.error, t);
  const part: RulePart = {
    sector,
    kind,
    draft,
    set: (patch) => setDraft({ ...draft, ...patch }),
    reason: (match) => reasonFor(problems, (field) => match(fieldKey(field))),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft);
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="rule-editor"
      aria-label={t(`handoverRules.sectors.${sector}`)}
    >
      <div aria-live="polite">
        {save.isError && (
          <ErrorSummary
            heading={t("handoverRules.form.refused")}
            error={save.error}
            targetOf={(field) => {
              const inputId = inputOf(sector, field, draft);
              return inputId ? { inputId, label: labelOf(t as unknown as LabelText, field) } : null;
            }}
          />
        )}
        {save.isSuccess && (
          <div className="alert alert-success">
            <div className="alert-body">
              <p className="alert-text">{t("handoverRules.form.saved")}</p>
            </div>
          </div>
        )}
      </div>
      <DeadlineFieldset {...part} />
      <WindowsFieldset {...part} />
      {/* Steps that come or go shift the numbers the server's reasons refer to. */}
      <LadderFieldset {...part} onReshape={() => save.reset()} />
      <button type="submit" className="button button-primary mt-5" disabled={save.isPending}>
        {t(`handoverRules.form.save.${sector}`)}
      </button>
    </form>
  );
}
