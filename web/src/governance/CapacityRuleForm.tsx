import { useState } from "react";
import { ErrorSummary, useFormProblems } from "../components/FormErrors";
import { TextField } from "../components/TextField";
import { type CapacityView, useCapacityText, useSetCapacityRule } from "./capacity-api";

const INPUT_ID = "capacity-threshold";

/** The body's thin-area rule, for its coordinators and lead; a refusal is shown at the field. */
export function CapacityRuleForm({ view }: { view: CapacityView }) {
  const t = useCapacityText();
  const [value, setValue] = useState(String(view.threshold.maxPatientsPerDoctor));
  const save = useSetCapacityRule(view.body.id);
  const inputs = { maxPatientsPerDoctor: { inputId: INPUT_ID, label: t("capacity.rule.label") } };
  const { errorOf, targetOf } = useFormProblems(save.error, inputs);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // A number the server checks; text that is no number is sent as NaN → refused at the field.
        save.mutate(value.trim() === "" ? Number.NaN : Number(value.replace(/\./g, "")));
      }}
    >
      {save.error && (
        <ErrorSummary
          heading={t("capacity.rule.errorHeading")}
          error={save.error}
          targetOf={targetOf}
        />
      )}
      <TextField
        id={INPUT_ID}
        label={t("capacity.rule.label")}
        hint={t("capacity.rule.hint")}
        value={value}
        onChange={setValue}
        error={errorOf("maxPatientsPerDoctor")}
      />
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {t("capacity.rule.save")}
      </button>
      {save.isSuccess && (
        <p role="status" className="form-hint">
          {t("capacity.rule.saved")}
        </p>
      )}
    </form>
  );
}
