/**
 * A body's initiatives as experiments (issue 22, section 2), as pure rules:
 * what makes an initiative's content sound (goal, target indicator, money,
 * dates, milestones), its status steps and who may read and edit. No I/O.
 * The effect computation is in initiative-effect.ts.
 */
import { EDITOR_ROLES, hundredthsOf, type MemberRole, type Problem } from "./model.ts";

export const INITIATIVE_STATUSES = ["planned", "running", "finished"] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const OUTCOMES = ["kept", "spread", "stopped"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type Evaluation = { outcome: Outcome; text: string };

export type Milestone = { title: string; due: string; done: boolean };
/** One party's share of the budget, in whole øre. */
export type BudgetShare = { party: string; amountOre: number; currency: "DKK" };

export type InitiativeContent = {
  title: string;
  goal: string;
  public: boolean;
  /** The target indicator: one of the indicator definitions, optionally one age band. */
  indicatorId: string;
  ageBand: string | null;
  /**
   * The value before and the value aimed at, in the unit the effect is shown in:
   * percent for a share, per 1000 for a rate. Kept as hundredths (integers).
   */
  baselineHundredths: number;
  targetHundredths: number;
  municipalityCodes: string[];
  practices: string[];
  budget: BudgetShare[];
  start: string;
  end: string;
  milestones: Milestone[];
};

export type BudgetShareInput = { party: string; amount: string | number; currency: string };
export type InitiativeInput = Omit<
  InitiativeContent,
  "indicatorId" | "budget" | "baselineHundredths" | "targetHundredths"
> & {
  indicatorId: string | null;
  baseline: string | number;
  target: string | number;
  budget: BudgetShareInput[];
};

/** What the content is checked against: the indicators and the body's municipalities. */
export type KnownIndicator = {
  id: string;
  valueKind: string;
  higherIsBetter: boolean | null;
  ageBands: string[];
  attributions: string[];
};
export type ContentContext = {
  indicators: ReadonlyMap<string, KnownIndicator>;
  municipalityCodes: ReadonlySet<string>;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function required(field: string): Problem {
  return { field, reason: "must not be empty", problem: "required" };
}

/** An indicator an initiative can aim at: by residence, pooled as a share or a rate, with a direction. */
export function indicatorRefusal(
  id: string | null,
  ageBand: string | null,
  known: ContentContext["indicators"],
): Problem | null {
  if (id === null || id.trim() === "")
    return {
      field: "indicatorId",
      reason: "an initiative needs a target indicator",
      problem: "noIndicator",
    };
  const d = known.get(id);
  if (!d)
    return {
      field: "indicatorId",
      reason: `is not an indicator: ${id}`,
      problem: "unknownIndicator",
    };
  if (d.valueKind === "hours" || d.higherIsBetter === null || !d.attributions.includes("residence"))
    return {
      field: "indicatorId",
      reason: "must be a share or a rate by residence with a better direction",
      problem: "indicatorNotPoolable",
    };
  if (ageBand !== null && !d.ageBands.includes(ageBand))
    return {
      field: "ageBand",
      reason: `must be one of ${d.ageBands.join(", ") || "none"}`,
      problem: "unknownAgeBand",
    };
  return null;
}

function checkDates(input: InitiativeInput, problems: Problem[]) {
  if (!DATE.test(input.start))
    problems.push({ field: "start", reason: "must be a date", problem: "notDate" });
  if (!DATE.test(input.end))
    problems.push({ field: "end", reason: "must be a date", problem: "notDate" });
  else if (DATE.test(input.start) && input.end < input.start)
    problems.push({
      field: "end",
      reason: "must not end before it starts",
      problem: "endsBeforeStart",
    });
  input.milestones.forEach((m, i) => {
    if (m.title.trim() === "") problems.push(required(`milestones.${i}.title`));
    if (!DATE.test(m.due))
      problems.push({ field: `milestones.${i}.due`, reason: "must be a date", problem: "notDate" });
  });
}

function checkBudget(input: InitiativeInput, problems: Problem[]): BudgetShare[] {
  return input.budget.flatMap((b, i) => {
    const at = `budget.${i}`;
    const before = problems.length;
    if (b.party.trim() === "") problems.push(required(`${at}.party`));
    const c = b.currency.trim();
    if (c !== "DKK" && c !== "kr." && c !== "kr")
      problems.push({ field: `${at}.currency`, reason: "must be kr. (DKK)", problem: "notKroner" });
    const amount = hundredthsOf(b.amount, `${at}.amount`);
    if ("problem" in amount) problems.push(amount.problem);
    if (problems.length > before || "problem" in amount) return [];
    return [{ party: b.party.trim(), amountOre: amount.value, currency: "DKK" as const }];
  });
}

function checkParticipants(input: InitiativeInput, ctx: ContentContext, problems: Problem[]) {
  if (input.municipalityCodes.length === 0)
    problems.push({
      field: "municipalityCodes",
      reason: "at least one municipality takes part",
      problem: "required",
    });
  input.municipalityCodes.forEach((code, i) => {
    if (!ctx.municipalityCodes.has(code))
      problems.push({
        field: `municipalityCodes.${i}`,
        reason: `is not a municipality of the body: ${code}`,
        problem: "notOfBody",
      });
  });
  input.practices.forEach((p, i) => {
    if (p.trim() === "") problems.push(required(`practices.${i}`));
  });
}

/**
 * The content, checked and normalised, or every problem naming its field:
 * no target indicator, negative money, a currency other than kr., a third
 * decimal, an end before the start.
 */
export function checkInitiative(
  input: InitiativeInput,
  ctx: ContentContext,
): { content: InitiativeContent } | { problems: Problem[] } {
  const problems: Problem[] = [];
  if (input.title.trim() === "") problems.push(required("title"));
  if (input.goal.trim() === "") problems.push(required("goal"));
  const indicator = indicatorRefusal(input.indicatorId, input.ageBand, ctx.indicators);
  if (indicator) problems.push(indicator);
  const baseline = hundredthsOf(input.baseline, "baseline");
  if ("problem" in baseline) problems.push(baseline.problem);
  const target = hundredthsOf(input.target, "target");
  if ("problem" in target) problems.push(target.problem);
  checkParticipants(input, ctx, problems);
  const budget = checkBudget(input, problems);
  checkDates(input, problems);
  if (problems.length > 0 || "problem" in baseline || "problem" in target) return { problems };
  return {
    content: {
      title: input.title.trim(),
      goal: input.goal.trim(),
      public: input.public,
      indicatorId: input.indicatorId ?? "",
      ageBand: input.ageBand,
      baselineHundredths: baseline.value,
      targetHundredths: target.value,
      municipalityCodes: [...new Set(input.municipalityCodes)],
      practices: [...new Set(input.practices.map((p) => p.trim()))],
      budget,
      start: input.start,
      end: input.end,
      milestones: input.milestones.map((m) => ({ ...m, title: m.title.trim() })),
    },
  };
}

/** The next status, or null after the last. */
export function nextInitiativeStatus(status: InitiativeStatus): InitiativeStatus | null {
  return INITIATIVE_STATUSES[INITIATIVE_STATUSES.indexOf(status) + 1] ?? null;
}

/** Why the actor may not edit the initiative now, or null. Finished is final. */
export function initiativeEditRefusal(
  status: InitiativeStatus,
  role: MemberRole | null,
): Problem | null {
  if (role === null || !EDITOR_ROLES.includes(role))
    return {
      field: "version",
      reason: "only the body's coordinators and lead edit its initiatives",
      problem: "roleMayNotEdit",
    };
  if (status === "finished")
    return {
      field: "version",
      reason: "a finished initiative cannot be changed",
      problem: "frozen",
    };
  return null;
}

/** Why the initiative may not go from `from` to `to` with this evaluation, or null. */
export function statusRefusal(
  from: InitiativeStatus,
  to: InitiativeStatus,
  role: MemberRole | null,
  evaluation: Evaluation | null,
): Problem | null {
  if (role === null || !EDITOR_ROLES.includes(role))
    return {
      field: "to",
      reason: "only the body's coordinators and lead change an initiative's status",
      problem: "roleMayNotStep",
    };
  if (nextInitiativeStatus(from) !== to)
    return {
      field: "to",
      reason: `an initiative that is ${from} can only go on to ${nextInitiativeStatus(from)}`,
      problem: "notNext",
    };
  if (to === "finished" && (evaluation === null || evaluation.text.trim() === ""))
    return {
      field: "evaluation",
      reason: "a finished initiative needs an evaluation: kept, spread or stopped, and a text",
      problem: "evaluationRequired",
    };
  return null;
}

/** Anyone signed in reads every initiative; without login, only those marked public. */
export function mayReadInitiative(initiative: { public: boolean }, signedIn: boolean): boolean {
  return signedIn || initiative.public;
}
