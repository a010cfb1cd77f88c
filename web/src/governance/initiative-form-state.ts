import type { InitiativeInput, InitiativeView } from "./initiative-api";
import type { InitiativeKey } from "./initiative-text";
import { decimalText } from "./money";

/** The form as typed: amounts and values as text, practices one per line. */
export type InitiativeDraft = {
  title: string;
  goal: string;
  public: boolean;
  indicatorId: string;
  ageBand: string;
  baseline: string;
  target: string;
  municipalityCodes: string[];
  practices: string;
  budget: { party: string; amount: string }[];
  start: string;
  end: string;
  milestones: { title: string; due: string; done: boolean }[];
};

export function emptyInitiative(): InitiativeDraft {
  return {
    title: "",
    goal: "",
    public: false,
    indicatorId: "",
    ageBand: "",
    baseline: "",
    target: "",
    municipalityCodes: [],
    practices: "",
    budget: [{ party: "", amount: "" }],
    start: "",
    end: "",
    milestones: [],
  };
}

const typed = (n: number) => String(n);

export function initiativeDraftOf(i: InitiativeView): InitiativeDraft {
  return {
    title: i.title,
    goal: i.goal,
    public: i.public,
    indicatorId: i.indicatorId,
    ageBand: i.ageBand ?? "",
    baseline: typed(i.baseline),
    target: typed(i.target),
    municipalityCodes: i.municipalityCodes,
    practices: i.practices.join("\n"),
    budget: i.budget.map((b) => ({ party: b.party, amount: (b.amountOre / 100).toFixed(2) })),
    start: i.start,
    end: i.end,
    milestones: i.milestones,
  };
}

/** What the API is sent; the server checks the meaning and names each refused field. */
export function initiativeInputOf(d: InitiativeDraft): InitiativeInput {
  return {
    title: d.title,
    goal: d.goal,
    public: d.public,
    indicatorId: d.indicatorId === "" ? null : d.indicatorId,
    ageBand: d.ageBand === "" ? null : d.ageBand,
    baseline: decimalText(d.baseline),
    target: decimalText(d.target),
    municipalityCodes: d.municipalityCodes,
    practices: d.practices
      .split("\n")
      .map((p) => p.trim())
      .filter((p) => p !== ""),
    budget: d.budget.map((b) => ({
      party: b.party,
      amount: decimalText(b.amount),
      currency: "DKK",
    })),
    start: d.start,
    end: d.end,
    milestones: d.milestones,
  };
}

/** The input a refused field belongs to: "budget.1.amount" → "initiative-budget-1-amount". */
export function inputIdOf(field: string): string | null {
  if (field === "version") return null;
  if (field.startsWith("municipalityCodes")) return "initiative-municipalityCodes";
  if (field.startsWith("practices")) return "initiative-practices";
  // The form sends kr. only; a refused currency is shown at the amount.
  return `initiative-${field.replace(/\.currency$/, ".amount").replaceAll(".", "-")}`;
}

const LABELS: Record<string, InitiativeKey> = {
  title: "initiatives.form.title",
  goal: "initiatives.form.goal",
  indicatorId: "initiatives.form.indicator",
  ageBand: "initiatives.form.ageBand",
  baseline: "initiatives.form.baseline",
  target: "initiatives.form.target",
  municipalityCodes: "initiatives.form.municipalities",
  practices: "initiatives.form.practices",
  start: "initiatives.form.start",
  end: "initiatives.form.end",
  party: "initiatives.form.party",
  amount: "initiatives.form.amount",
  currency: "initiatives.form.currency",
  due: "initiatives.form.due",
};

/** The label of a refused field: its last named part ("budget.1.amount" → the amount). */
export function labelKeyOf(field: string): InitiativeKey {
  const parts = field.split(".");
  if (parts[0] === "milestones" && parts[2] === "title") return "initiatives.form.milestoneTitle";
  const named = [...parts].reverse().find((p) => LABELS[p]);
  return (named && LABELS[named]) || "initiatives.form.title";
}
