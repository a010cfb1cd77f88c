import { describedBy, FieldError } from "../components/FormErrors";
import type { InitiativeDraft } from "./initiative-form-state";
import { useInitiativeText } from "./initiative-text";

type ErrorOf = (field: string) => string | undefined;

/** One input of a list row, with its label and the server's reason at it. */
function RowInput({
  id,
  label,
  value,
  type = "text",
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  type?: "text" | "date";
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <FieldError id={`${id}-error`} message={error} />
      <input
        id={id}
        type={type}
        className="form-input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...describedBy(id, { error })}
      />
    </div>
  );
}

/** Each party's share of the budget, in kr. */
export function BudgetFields({
  value,
  errorOf,
  onChange,
}: {
  value: InitiativeDraft["budget"];
  errorOf: ErrorOf;
  onChange: (next: InitiativeDraft["budget"]) => void;
}) {
  const t = useInitiativeText();
  const set = (n: number, patch: Partial<InitiativeDraft["budget"][number]>) =>
    onChange(value.map((b, i) => (i === n ? { ...b, ...patch } : b)));
  return (
    <fieldset>
      <legend className="h3">{t("initiatives.form.budget")}</legend>
      {value.map((b, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a share is its place in the list
        <div key={n} className="agreement-card">
          <RowInput
            id={`initiative-budget-${n}-party`}
            label={t("initiatives.form.party")}
            value={b.party}
            error={errorOf(`budget.${n}.party`)}
            onChange={(party) => set(n, { party })}
          />
          <RowInput
            id={`initiative-budget-${n}-amount`}
            label={t("initiatives.form.amount")}
            value={b.amount}
            error={errorOf(`budget.${n}.amount`) ?? errorOf(`budget.${n}.currency`)}
            onChange={(amount) => set(n, { amount })}
          />
          <button
            type="button"
            className="button button-tertiary"
            onClick={() => onChange(value.filter((_, i) => i !== n))}
          >
            {t("initiatives.form.removeShare")}
          </button>
        </div>
      ))}
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => onChange([...value, { party: "", amount: "" }])}
        >
          {t("initiatives.form.addShare")}
        </button>
      </p>
    </fieldset>
  );
}

/** The milestones: a title, a due date and whether it is reached. */
export function MilestoneFields({
  value,
  errorOf,
  onChange,
}: {
  value: InitiativeDraft["milestones"];
  errorOf: ErrorOf;
  onChange: (next: InitiativeDraft["milestones"]) => void;
}) {
  const t = useInitiativeText();
  const set = (n: number, patch: Partial<InitiativeDraft["milestones"][number]>) =>
    onChange(value.map((m, i) => (i === n ? { ...m, ...patch } : m)));
  return (
    <fieldset>
      <legend className="h3">{t("initiatives.form.milestones")}</legend>
      {value.map((m, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a milestone is its place in the list
        <div key={n} className="agreement-card">
          <RowInput
            id={`initiative-milestones-${n}-title`}
            label={t("initiatives.form.milestoneTitle")}
            value={m.title}
            error={errorOf(`milestones.${n}.title`)}
            onChange={(title) => set(n, { title })}
          />
          <RowInput
            id={`initiative-milestones-${n}-due`}
            type="date"
            label={t("initiatives.form.due")}
            value={m.due}
            error={errorOf(`milestones.${n}.due`)}
            onChange={(due) => set(n, { due })}
          />
          <div className="form-group-checkbox">
            <input
              id={`initiative-milestones-${n}-done`}
              type="checkbox"
              className="form-checkbox"
              checked={m.done}
              onChange={(e) => set(n, { done: e.target.checked })}
            />
            <label htmlFor={`initiative-milestones-${n}-done`}>{t("initiatives.form.done")}</label>
          </div>
          <button
            type="button"
            className="button button-tertiary"
            onClick={() => onChange(value.filter((_, i) => i !== n))}
          >
            {t("initiatives.form.removeMilestone")}
          </button>
        </div>
      ))}
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => onChange([...value, { title: "", due: "", done: false }])}
        >
          {t("initiatives.form.addMilestone")}
        </button>
      </p>
    </fieldset>
  );
}

export { RowInput };
