import { useTranslation } from "react-i18next";
import { FieldError } from "../components/FormErrors";
import { describedBy, StepFields, WindowFields } from "./RuleFields";
import { newStep, type RuleDraft } from "./rule-draft";
import type { BodyKindKey, Sector } from "./rule-text";

/** At most this many rungs (the server's limit). */
const MAX_STEPS = 10;

/** What each part of the rule editor gets: the draft, a way to change it, and the server's reasons. */
export type RulePart = {
  sector: Sector;
  /** Whose coordinators the ladder names: the cluster's, the council's. */
  kind: BodyKindKey;
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>) => void;
  /** The server's reason for the fields whose key matches, if it refused them. */
  reason: (match: (key: string) => boolean) => string | undefined;
};

/** The deadline in service time, as hours and minutes. */
export function DeadlineFieldset({ sector, draft, set, reason }: RulePart) {
  const { t } = useTranslation();
  const id = (name: string) => `${sector}-${name}`;
  const error = reason((k) => k === "deadlineMinutes");
  return (
    <fieldset className={error ? "form-error" : undefined}>
      <legend className="h4">{t("handoverRules.form.deadline")}</legend>
      <p className="form-hint" id={id("deadline-hint")}>
        {t("handoverRules.form.deadlineHint")}
      </p>
      <FieldError id={id("deadline-error")} message={error} />
      <div className="rule-inline">
        {(["hours", "minutes"] as const).map((unit) => (
          <div className="form-group" key={unit}>
            <label className="form-label" htmlFor={id(`deadline-${unit}`)}>
              {t(`handoverRules.form.${unit}`)}
            </label>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              className="form-input input-width-xs"
              id={id(`deadline-${unit}`)}
              value={draft[unit]}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(id("deadline-hint"), error && id("deadline-error"))}
              onChange={(e) => set({ [unit]: e.target.value })}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** When the deadline's clock runs: weekdays, and weekends with public holidays. */
export function WindowsFieldset({ sector, draft, set, reason }: RulePart) {
  const { t } = useTranslation();
  const error = reason((k) => k === "hours");
  const hintId = `${sector}-time-hint`;
  return (
    <fieldset className={error ? "form-error" : undefined}>
      <legend className="h4">{t("handoverRules.form.windows")}</legend>
      <p className="form-hint" id={hintId}>
        {t("handoverRules.form.timeHint")}
      </p>
      <FieldError id={`${sector}-windows-error`} message={error} />
      {(["weekday", "weekend"] as const).map((days) => (
        <WindowFields
          key={days}
          sector={sector}
          days={days}
          value={draft[days]}
          error={reason((k) => k === `hours.${days}`)}
          hintId={hintId}
          onChange={(w) => set({ [days]: w })}
        />
      ))}
    </fieldset>
  );
}

/** The escalation ladder: steps to change, remove and add. `onReshape` runs when steps come or go. */
export function LadderFieldset({
  sector,
  kind,
  draft,
  set,
  reason,
  onReshape,
}: RulePart & { onReshape: () => void }) {
  const { t } = useTranslation();
  const error = reason((k) => k === "ladder");
  const add = () => {
    onReshape();
    const first = draft.ladder.length === 0;
    set({ ladder: [...draft.ladder, newStep(first ? "0" : "60", "body-coordinator")] });
  };
  return (
    <fieldset className={error ? "form-error" : undefined}>
      <legend className="h4">{t("handoverRules.form.ladder")}</legend>
      <p className="form-hint">{t("handoverRules.form.ladderHint")}</p>
      <FieldError id={`${sector}-ladder-error`} message={error} />
      {draft.ladder.map((step, i) => (
        <StepFields
          key={step.key}
          sector={sector}
          kind={kind}
          index={i}
          step={step}
          errors={{
            minutes: reason((k) => k === `ladder.${i}.afterMinutes` || k === `ladder.${i}`),
            target: reason((k) => k === `ladder.${i}.target`),
          }}
          onChange={(s) => set({ ladder: draft.ladder.map((x) => (x.key === s.key ? s : x)) })}
          onRemove={() => {
            onReshape();
            set({ ladder: draft.ladder.filter((x) => x.key !== step.key) });
          }}
        />
      ))}
      <button
        type="button"
        className="button button-secondary rule-add"
        id={`${sector}-add-step`}
        disabled={draft.ladder.length >= MAX_STEPS}
        onClick={add}
      >
        {t("handoverRules.form.add")}
      </button>
    </fieldset>
  );
}
