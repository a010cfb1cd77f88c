import { useTranslation } from "react-i18next";
import { FieldError } from "../components/FormErrors";
import type { StepDraft, WindowDraft } from "./rule-draft";
import {
  type BodyKindKey,
  ladderStepLabel,
  ladderStepNumber,
  type Sector,
  TARGETS,
  type Target,
  targetOption,
} from "./rule-text";

/** aria-describedby for an input: its hint and, when refused, its error. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === "string");
  return present.length > 0 ? present.join(" ") : undefined;
}

/** One day type's service window: open or closed, from and to. */
export function WindowFields({
  sector,
  days,
  value,
  error,
  hintId,
  onChange,
}: {
  sector: Sector;
  days: "weekday" | "weekend";
  /** The hint on how to write a time, said once for both day types. */
  hintId: string;
  value: WindowDraft;
  error: string | undefined;
  onChange: (w: WindowDraft) => void;
}) {
  const { t } = useTranslation();
  const id = `${sector}-${days}`;
  return (
    <div className={`form-group rule-window${error ? " form-error" : ""}`}>
      <div className="form-group-checkbox">
        <input
          type="checkbox"
          className="form-checkbox"
          id={`${id}-open`}
          checked={value.open}
          onChange={(e) => onChange({ ...value, open: e.target.checked })}
        />
        <label className="form-label" htmlFor={`${id}-open`}>
          {t(`handoverRules.form.open.${days}`)}
        </label>
      </div>
      <FieldError id={`${id}-error`} message={error} />
      {value.open ? (
        <div className="rule-inline">
          {(["start", "end"] as const).map((edge) => (
            <div className="form-group" key={edge}>
              <label className="form-label" htmlFor={`${id}-${edge}`}>
                {t(`handoverRules.form.${edge}`)}
              </label>
              <input
                type="text"
                inputMode="numeric"
                className="form-input input-width-xs"
                id={`${id}-${edge}`}
                value={value[edge]}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(hintId, error && `${id}-error`)}
                onChange={(e) => onChange({ ...value, [edge]: e.target.value })}
              />
            </div>
          ))}
        </div>
      ) : (
        <p className="form-hint">{t("handoverRules.form.closed")}</p>
      )}
    </div>
  );
}

/** One rung of the escalation ladder: minutes after the previous rung, and who is reminded. */
export function StepFields({
  sector,
  kind,
  index,
  step,
  errors,
  onChange,
  onRemove,
}: {
  sector: Sector;
  kind: BodyKindKey;
  index: number;
  step: StepDraft;
  errors: { minutes: string | undefined; target: string | undefined };
  onChange: (s: StepDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = `${sector}-step-${index}`;
  const n = ladderStepNumber(index);
  return (
    <fieldset className="rule-step">
      <legend className="h5">{ladderStepLabel(t, index)}</legend>
      <div className="rule-inline">
        <div className={`form-group${errors.minutes ? " form-error" : ""}`}>
          <label className="form-label" htmlFor={`${id}-minutes`}>
            {index === 0 ? t("handoverRules.form.afterDeadline") : t("handoverRules.form.after")}
          </label>
          <FieldError id={`${id}-minutes-error`} message={errors.minutes} />
          <input
            type="number"
            inputMode="numeric"
            min={0}
            className="form-input input-width-xs"
            id={`${id}-minutes`}
            value={step.afterMinutes}
            aria-invalid={errors.minutes ? true : undefined}
            aria-describedby={describedBy(errors.minutes && `${id}-minutes-error`)}
            onChange={(e) => onChange({ ...step, afterMinutes: e.target.value })}
          />
        </div>
        <div className={`form-group${errors.target ? " form-error" : ""}`}>
          <label className="form-label" htmlFor={`${id}-target`}>
            {t("handoverRules.form.target")}
          </label>
          <FieldError id={`${id}-target-error`} message={errors.target} />
          <select
            className="form-select"
            id={`${id}-target`}
            value={step.target}
            aria-invalid={errors.target ? true : undefined}
            aria-describedby={describedBy(errors.target && `${id}-target-error`)}
            onChange={(e) => onChange({ ...step, target: e.target.value as Target })}
          >
            {TARGETS.map((target) => (
              <option key={target} value={target}>
                {targetOption(t, sector, target, kind)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button-tertiary rule-remove" onClick={onRemove}>
          {t("handoverRules.form.remove", { n })}
        </button>
      </div>
    </fieldset>
  );
}
