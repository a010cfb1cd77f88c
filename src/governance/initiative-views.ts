import type { Effect } from "./initiative-effect.ts";
import {
  type Evaluation,
  type InitiativeStatus,
  initiativeEditRefusal,
  type Milestone,
  nextInitiativeStatus,
  statusRefusal,
} from "./initiative-model.ts";
import type { InitiativeVersionRow } from "./initiative-store.ts";
import type { MemberRole } from "./model.ts";
import type { BodyRef } from "./views.ts";

/** Hundredths as the decimal they stand for (1450 → 14.5). */
const decimal = (hundredths: number) => hundredths / 100;

export type InitiativeSummary = {
  id: string;
  body: BodyRef;
  status: InitiativeStatus;
  version: number;
  title: string;
  goal: string;
  public: boolean;
  indicatorId: string;
  start: string;
  end: string;
  changedAt: string;
};

export type InitiativeView = InitiativeSummary & {
  ageBand: string | null;
  baseline: number;
  target: number;
  municipalityCodes: string[];
  practices: string[];
  budget: { party: string; amountOre: number; currency: "DKK" }[];
  /** The sum of the parties' shares, in whole øre. */
  budgetTotalOre: number;
  milestones: Milestone[];
  evaluation: Evaluation | null;
  versions: {
    version: number;
    status: InitiativeStatus;
    change: InitiativeVersionRow["change"];
    at: string;
    byName: string | null;
    byOrganisation: string | null;
    byRole: string | null;
  }[];
  /** What the reader may do now, so the page offers only that. */
  may: { edit: boolean; step: InitiativeStatus | null };
};

export function initiativeSummaryOf(v: InitiativeVersionRow, body: BodyRef): InitiativeSummary {
  return {
    id: v.initiativeId,
    body,
    status: v.status,
    version: v.version,
    title: v.title,
    goal: v.content.goal,
    public: v.public,
    indicatorId: v.content.indicatorId,
    start: v.content.start,
    end: v.content.end,
    changedAt: v.at.toISOString(),
  };
}

export function initiativeViewOf(
  all: InitiativeVersionRow[],
  body: BodyRef,
  role: MemberRole | null,
): InitiativeView {
  const current = all.at(-1);
  if (!current) throw new Error("an initiative without versions");
  const c = current.content;
  const next = nextInitiativeStatus(current.status);
  const evaluation = { outcome: "kept" as const, text: "-" };
  return {
    ...initiativeSummaryOf(current, body),
    ageBand: c.ageBand,
    baseline: decimal(c.baselineHundredths),
    target: decimal(c.targetHundredths),
    municipalityCodes: c.municipalityCodes,
    practices: c.practices,
    budget: c.budget,
    budgetTotalOre: c.budget.reduce((sum, b) => sum + b.amountOre, 0),
    milestones: c.milestones,
    evaluation: current.evaluation,
    versions: all.map((v) => ({
      version: v.version,
      status: v.status,
      change: v.change,
      at: v.at.toISOString(),
      byName: v.byName,
      byOrganisation: v.byOrganisation,
      byRole: v.byRole,
    })),
    may: {
      edit: initiativeEditRefusal(current.status, role) === null,
      // Whether the role may take the next step; the evaluation is asked for on the page.
      step: next && statusRefusal(current.status, next, role, evaluation) === null ? next : null,
    },
  };
}

export type EffectView = Effect & {
  indicator: { id: string; valueKind: "share" | "per-1000"; higherIsBetter: boolean };
  ageBand: string | null;
  baseline: number;
  target: number;
  minDenominator: number;
  computedAt: string | null;
};
