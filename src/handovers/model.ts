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
  | "undone"
  | "unresolved";

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

/**
 * How long the ladder's last rung has to act before the handover is
 * unresolved: the same span the ladder gave the rung before it (the last
 * step's own `afterMinutes`), and at least an hour, so that a one-step ladder
 * (a reminder at the deadline only) still gives the receiver time to answer
 * the reminder.
 */
export const UNRESOLVED_MIN_MINUTES = 60;

/**
 * When an open handover becomes unresolved: the whole ladder has chased it
 * (its last step fell due) and the last step's time has passed with nobody
 * confirming. With the defaults: the municipality's 5 hours after the
 * deadline (steps at +0, +1 h, +3 h, then 2 h for the department), the GP's
 * 20 hours (+0, +4 h, +12 h, then 8 h). An unresolved handover stays open:
 * the receiver can still confirm it, and it never counts as done.
 */
export function unresolvedAt(deadline: Date, rule: HandoverRule): Date {
  const steps = rule.ladder.length;
  const lastDue = steps > 0 ? escalationDueAt(deadline, rule, steps - 1) : deadline;
  const last = rule.ladder[steps - 1]?.afterMinutes ?? 0;
  const grace = Math.max(last, UNRESOLVED_MIN_MINUTES);
  return new Date((lastDue ?? deadline).getTime() + grace * 60_000);
}

/** Whose worklist is read: what the reader must act on differs (worklist-service.ts). */
export type WorklistReader = "receiver" | "hospital" | "body";

/**
 * The worklist's groups, in the order the default view shows them. "today"
 * is what needs the reader today; the overdue groups are by how long the
 * deadline (or, for those who must send a declined handover on, the decline)
 * has passed; "rest" waits behind a tab; "unresolved" is the ladder's end.
 */
export const WORKLIST_GROUPS = [
  "today",
  "overdue-day",
  "overdue-days",
  "overdue-week",
  "overdue-older",
  "rest",
  "unresolved",
] as const;
export type WorklistGroup = (typeof WORKLIST_GROUPS)[number];

/** The groups of the default view ("needs action"): all but the rest and the unresolved. */
export const NEEDS_ACTION_GROUPS = [
  "today",
  "overdue-day",
  "overdue-days",
  "overdue-week",
  "overdue-older",
] as const satisfies readonly WorklistGroup[];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * "Today" reaches back a full day, not to local midnight: a handover that came
 * in at 23:00 is still new to the morning shift, and the window does not
 * depend on the reader's time zone. "Due soon" is 4 hours: the municipality's
 * whole deadline, so a new municipal handover is due soon the moment it
 * arrives, and a GP's comes into view on the morning its deadline falls.
 */
export const NEW_WITHIN_MS = DAY;
export const DUE_SOON_MS = 4 * HOUR;

/**
 * The overdue groups' upper bounds (the last is open): under a day (the ladder
 * is still chasing), 1–3 days (a weekend or a holiday), 3–7 days (within the
 * working week after), over a week (the old cases that buried the list).
 */
export const OVERDUE_BOUNDS_MS = [DAY, 3 * DAY, 7 * DAY] as const;

export type GroupedHandover = {
  status: HandoverStatus;
  dischargedAt: Date;
  deadlineAt: Date;
  /** When it was declined (the latest decline), for a declined handover. */
  declinedAt: Date | null;
  /** When the ladder last reached the reader's step (its due time), if it has on this route. */
  escalatedToReaderAt: Date | null;
  /** When it became unresolved (the sweeper), or null. */
  unresolvedAt: Date | null;
};

/**
 * Places a handover in a group for a reader at `now`. Windows are half-open
 * and count from the event: exactly 24 hours after a discharge it is no longer
 * new; a deadline exactly 4 hours away is no longer "soon"; a deadline that is
 * exactly `now` has not passed yet (the sweeper's first reminder is due at it,
 * and the worklist's `overdue` is "before now").
 *
 * - Unresolved (open, the ladder ended): the unresolved list, for everyone.
 * - Declined: the receiver has acted, so it is the rest to it; for the
 *   hospital and the body, who must send it on, it is today within a day of
 *   the decline and overdue by the decline's age after that.
 * - Open: today when new, due soon, or escalated to the reader within a day;
 *   overdue by the deadline's age when past; the rest otherwise.
 */
export function worklistGroup(
  h: GroupedHandover,
  reader: WorklistReader,
  now: Date,
): WorklistGroup | null {
  const t = now.getTime();
  const within = (at: Date | null, ms: number) =>
    at !== null && at.getTime() <= t && t - at.getTime() < ms;
  if (h.status === "declined") {
    if (reader === "receiver" || !h.declinedAt) return "rest";
    return within(h.declinedAt, DAY) ? "today" : overdueGroup(t - h.declinedAt.getTime());
  }
  if (h.status !== "open") return null;
  if (h.unresolvedAt && h.unresolvedAt.getTime() <= t) return "unresolved";
  const untilDeadline = h.deadlineAt.getTime() - t;
  if (
    within(h.dischargedAt, NEW_WITHIN_MS) ||
    (untilDeadline >= 0 && untilDeadline < DUE_SOON_MS) ||
    within(h.escalatedToReaderAt, DAY)
  )
    return "today";
  if (untilDeadline < 0) return overdueGroup(-untilDeadline);
  return "rest";
}

function overdueGroup(ms: number): WorklistGroup {
  const [day, days, week] = OVERDUE_BOUNDS_MS;
  if (ms < day) return "overdue-day";
  if (ms < days) return "overdue-days";
  if (ms < week) return "overdue-week";
  return "overdue-older";
}
