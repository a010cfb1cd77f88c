import type { AgreementKey } from "./text";

/** The form input a refused field is (its id), and what the form calls it. */
export function fieldId(field: string): string {
  return `f-${field.replace(/\./g, "-")}`;
}

/**
 * The label key of a field the server names ("commitments.1.resources.0.amount"
 * → the amount's label); rule fields are the deadline, the only one typed here.
 */
export function fieldLabelKey(field: string): AgreementKey {
  const parts = field.split(".");
  const last = parts.at(-1) ?? "";
  if (field.includes(".handoverRule.")) return "agreements.form.ruleDeadline";
  if (parts.at(-2) === "indicatorIds") return "agreements.form.indicators";
  const keys: Record<string, AgreementKey> = {
    title: "agreements.form.title",
    summary: "agreements.form.summary",
    task: "agreements.form.task",
    from: "agreements.form.from",
    until: "agreements.form.until",
    amount: "agreements.form.amount",
    currency: "agreements.form.currency",
    fte: "agreements.form.fte",
  };
  return keys[last] ?? "agreements.form.field";
}

/** The input a refused field points at: an indicator's problem goes to the list's first box. */
export function inputOfField(field: string): string {
  const parts = field.split(".");
  if (parts.at(-2) === "indicatorIds") return fieldId(parts.slice(0, -1).join("."));
  if (field.includes(".handoverRule."))
    return fieldId(`${parts.slice(0, 2).join(".")}.ruleDeadline`);
  return fieldId(field);
}
