import { addServiceMinutes, type ServiceHours } from "./service-time.ts";

/**
 * The pure rules of closed-loop handovers: who must confirm, by when, what
 * happens when they do not, and which state changes are allowed. A discharge
 * creates one handover to the home municipality and one to the listed GP;
 * responsibility moves only when the receiver confirms.
 */

export type Sector = "municipality" | "general-practice";
export type HandoverStatus = "open" | "confirmed" | "declined" | "closed";
export type CloseReason = "death" | "stay-cancelled" | "discharge-cancelled";
export type EscalationTarget = "receiver" | "body-coordinator" | "discharging-department";

/** One rung of the ladder: `afterMinutes` after the previous rung (the first: after the deadline). */
export type LadderStep = { afterMinutes: number; target: EscalationTarget };

export type HandoverRule = {
  /** Service time the receiver has to confirm, counted inside `hours`. */
  deadlineMinutes: number;
  hours: ServiceHours;
  ladder: LadderStep[];
};

/**
 * The defaults, used where a body has not set its own (README, "Handover
 * rules"). The municipality confirms within 4 daytime hours (07–22 on
 * weekdays, 08–20 at weekends and on holidays); a night discharge counts from
 * the morning. The GP confirms within 2 working days (08–16, Monday to
 * Friday, not on holidays). The ladder: remind the receiver at the deadline,
 * then the body's coordinator, then the discharging department.
 */
export const DEFAULT_RULES: Record<Sector, HandoverRule> = {
  municipality: {
    deadlineMinutes: 4 * 60,
    hours: { weekday: { start: "07:00", end: "22:00" }, weekend: { start: "08:00", end: "20:00" } },
    ladder: [
      { afterMinutes: 0, target: "receiver" },
      { afterMinutes: 60, target: "body-coordinator" },
      { afterMinutes: 120, target: "discharging-department" },
    ],
  },
  "general-practice": {
    deadlineMinutes: 2 * 8 * 60,
    hours: { weekday: { start: "08:00", end: "16:00" }, weekend: null },
    ladder: [
      { afterMinutes: 0, target: "receiver" },
      { afterMinutes: 4 * 60, target: "body-coordinator" },
      { afterMinutes: 8 * 60, target: "discharging-department" },
    ],
  },
};

/** What is wrong with a rule: the field, the English reason and a key the web translates. */
export type RuleProblem = { field: string; reason: string; problem: string };

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** Everything wrong with a rule, each naming its field; empty when the rule is sound. */
export function ruleProblems(rule: HandoverRule): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!(rule.deadlineMinutes > 0))
    problems.push({
      field: "deadlineMinutes",
      reason: "must be more than 0",
      problem: "deadlineNotPositive",
    });
  for (const key of ["weekday", "weekend"] as const) {
    const w = rule.hours[key];
    if (!w) continue;
    if (!TIME.test(w.start) || !TIME.test(w.end))
      problems.push({
        field: `hours.${key}`,
        reason: "must be times HH:MM",
        problem: "hoursNotTimes",
      });
    else if (w.start >= w.end)
      problems.push({
        field: `hours.${key}`,
        reason: "must end after it starts",
        problem: "hoursBackwards",
      });
  }
  if (!rule.hours.weekday && !rule.hours.weekend)
    problems.push({
      field: "hours",
      reason: "must be open on some days, or no deadline can be met",
      problem: "hoursNone",
    });
  if (rule.ladder.length === 0)
    problems.push({
      field: "ladder",
      reason: "must have at least one step",
      problem: "ladderEmpty",
    });
  rule.ladder.forEach((step, i) => {
    const field = `ladder.${i}.afterMinutes`;
    if (step.afterMinutes < 0)
      problems.push({ field, reason: "must not be negative", problem: "stepNegative" });
    else if (i === 0 && step.afterMinutes !== 0)
      problems.push({
        field,
        reason:
          "must be 0: the first step is at the deadline, or an overdue handover goes unnoticed (a gap)",
        problem: "firstStepGap",
      });
    else if (i > 0 && step.afterMinutes === 0)
      problems.push({
        field,
        reason: "must be more than 0: two steps at the same time",
        problem: "stepsAtOnce",
      });
  });
  return problems;
}

export function deadlineOf(dischargedAt: Date, rule: HandoverRule): Date {
  return new Date(addServiceMinutes(dischargedAt.getTime(), rule.deadlineMinutes, rule.hours));
}

/** When ladder step `step` (0-based) falls due, or null after the last one. */
export function escalationDueAt(deadline: Date, rule: HandoverRule, step: number): Date | null {
  if (step >= rule.ladder.length) return null;
  const minutes = rule.ladder.slice(0, step + 1).reduce((sum, s) => sum + s.afterMinutes, 0);
  return new Date(deadline.getTime() + minutes * 60_000);
}

const ALLOWED: Record<HandoverStatus, HandoverStatus[]> = {
  open: ["confirmed", "declined", "closed"],
  // A declined handover waits for the hospital to send it on (reroute.ts); a death closes it.
  declined: ["open", "closed"],
  confirmed: [],
  closed: [],
};

export function canMove(from: HandoverStatus, to: HandoverStatus): boolean {
  return ALLOWED[from].includes(to);
}

export const DECLINE_REASONS = [
  "not-our-citizen",
  "citizen-moved",
  "needs-different-service",
  "other",
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Whether a decline's free text is missing where its reason needs one ("other" says nothing alone). */
export function declineNoteMissing(reason: DeclineReason, note: string | undefined): boolean {
  return reason === "other" && !note?.trim();
}

/**
 * How long the organisation that confirmed or declined may take it back: a
 * mis-click is noticed within minutes, and after that others may have
 * started to act on the decision.
 */
export const UNDO_WINDOW_MINUTES = 10;

export type TransitionKind =
  | "created"
  | "confirmed"
  | "declined"
  | "closed"
  | "deadline-moved"
  | "escalated"
  | "note-changed"
  | "rerouted"
  | "undone";

/** One row of a handover's history, as far as the undo rule needs it. */
export type HistoryEntry = {
  kind: TransitionKind;
  fromStatus: string | null;
  toStatus: string;
  at: Date;
  actorOrganisationId: string | null;
};

export type UndoRefusal =
  /** No confirmation or decline to take back. */
  | "nothing-to-undo"
  /** The last decision was already taken back; an undo is not undone. */
  | "already-undone"
  /** Something happened after the decision (sent on, closed, escalated, a note). */
  | "acted-on-since"
  /** Another organisation decided; only the deciding organisation takes it back. */
  | "not-own-decision"
  /** The window has passed. */
  | "too-late";

export type UndoCheck =
  | { ok: true; decision: HistoryEntry; restore: HandoverStatus; until: Date }
  | { ok: false; refusal: UndoRefusal; until: Date | null };

/** When a decision made at `at` can no longer be undone (the window's first excluded instant). */
export function undoUntil(at: Date): Date {
  return new Date(at.getTime() + UNDO_WINDOW_MINUTES * 60_000);
}

/**
 * May `organisationId` undo the handover's last decision at `now`? A decision
 * already taken back is not taken back again, and only the newest entry of the
 * history can be a decision to undo: any later entry (a reroute, a death's
 * close, an escalation) means it has been acted on. The window is half-open:
 * at exactly ten minutes it has closed. Undoing restores the status before
 * the decision.
 */
export function undoCheck(history: HistoryEntry[], organisationId: string, now: Date): UndoCheck {
  const at = history.findLastIndex((e) => DECIDING.includes(e.kind));
  const last = history[at];
  if (!last) return { ok: false, refusal: "nothing-to-undo", until: null };
  if (last.kind === "undone") return { ok: false, refusal: "already-undone", until: null };
  if (at < history.length - 1) return { ok: false, refusal: "acted-on-since", until: null };
  const until = undoUntil(last.at);
  if (last.actorOrganisationId !== organisationId)
    return { ok: false, refusal: "not-own-decision", until: null };
  if (now.getTime() >= until.getTime()) return { ok: false, refusal: "too-late", until };
  const restore = last.fromStatus as HandoverStatus | null;
  if (!restore || !canUndoTo(last.toStatus as HandoverStatus, restore))
    return { ok: false, refusal: "nothing-to-undo", until: null };
  return { ok: true, decision: last, restore, until };
}

/** The entries an undo concerns: the decisions, and the undos that took one back. */
const DECIDING: TransitionKind[] = ["confirmed", "declined", "undone"];

/** An undo goes back along a decision: confirmed or declined back to open. */
function canUndoTo(from: HandoverStatus, to: HandoverStatus): boolean {
  return (from === "confirmed" || from === "declined") && to === "open";
}
