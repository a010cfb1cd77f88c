import type { TFunction } from "i18next";

// Shapes of the handover rules API (GET/PUT /api/bodies/:id/handover-rules on the server),
// and the plain-language reading of a rule.

export type Sector = "municipality" | "general-practice";
export const SECTORS: readonly Sector[] = ["municipality", "general-practice"];
export type Target = "receiver" | "body-coordinator" | "discharging-department";
export const TARGETS: readonly Target[] = [
  "receiver",
  "body-coordinator",
  "discharging-department",
];
export type Window = { start: string; end: string };
export type LadderStep = { afterMinutes: number; target: Target };
export type HandoverRule = {
  deadlineMinutes: number;
  hours: { weekday: Window | null; weekend: Window | null };
  ladder: LadderStep[];
};
export type RuleView = {
  sector: Sector;
  rule: HandoverRule;
  isDefault: boolean;
  /** The ended body (a cluster) the rule was carried over from, and the day it ended. */
  carriedOverFrom: { id: string; name: string; kind: string; endedOn: string | null } | null;
  /** The bodies before it had different rules: its coordinators are to confirm this one. */
  needsConfirmation: boolean;
  confirmedAt: string | null;
  /** The agreement whose adoption set this rule (src/governance). */
  setByAgreement?: { id: string; version: number; title: string } | null;
};

/**
 * Whose rules they are, for the words that name the body ("klyngens
 * koordinator", "sundhedsrådets koordinator"); neutral where the body's kind
 * is not known.
 */
export type BodyKindKey = "sundhedsklynge" | "sundhedsraad" | "neutral";

export function bodyKindKey(kind: string | undefined): BodyKindKey {
  return kind === "sundhedsklynge" || kind === "sundhedsraad" ? kind : "neutral";
}

/** 270 → "4 timer og 30 minutter" / "4 hours and 30 minutes"; 0 → "0 minutter". */
export function formatDuration(t: TFunction, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = t("handoverRules.duration.hours", { count: h });
  const mins = t("handoverRules.duration.minutes", { count: m });
  if (h === 0) return mins;
  if (m === 0) return hours;
  return t("handoverRules.duration.both", { hours, minutes: mins });
}

/** "07:00" → "07", "07:30" → "07.30" in Danish; English keeps "07:30". */
function clock(t: TFunction, time: string): string {
  const [hh = "00", mm = "00"] = time.split(":");
  return mm === "00" ? hh : t("handoverRules.clock", { hh, mm });
}

/** "kl. 07–22" / "07:00–22:00"… as the rule counts its deadline. */
export function formatWindow(t: TFunction, w: Window): string {
  return t("handoverRules.window", { start: clock(t, w.start), end: clock(t, w.end) });
}

/** When the deadline's clock runs: weekdays and weekends, or that it stands still. */
function countedText(t: TFunction, rule: HandoverRule): string {
  const { weekday, weekend } = rule.hours;
  if (weekday && weekend)
    return t("handoverRules.explain.countedBoth", {
      weekday: formatWindow(t, weekday),
      weekend: formatWindow(t, weekend),
    });
  if (weekday)
    return t("handoverRules.explain.countedWeekdays", { weekday: formatWindow(t, weekday) });
  if (weekend)
    return t("handoverRules.explain.countedWeekends", { weekend: formatWindow(t, weekend) });
  return t("handoverRules.explain.countedNever");
}

/**
 * Who a ladder step reminds, said of the sector and the body: "kommunen
 * selv", "klyngens koordinator", "sundhedsrådets koordinator"…
 */
export function targetText(
  t: TFunction,
  sector: Sector,
  target: Target,
  kind: BodyKindKey = "neutral",
): string {
  if (target === "receiver") return t(`handoverRules.receiverSelf.${sector}`);
  if (target === "body-coordinator") return t(`handoverRules.byKind.${kind}.coordinator`);
  return t(`handoverRules.targets.${target}`);
}

/**
 * A ladder step's number as the rules page shows it: the first step (index 0,
 * at the deadline) is "Trin 1". The server counts steps from 0 (the
 * escalation's `step`, the handover's `escalationStep`); every name of a step
 * goes through here, so the rules page and the notifications cannot disagree.
 */
export function ladderStepNumber(index: number): number {
  return index + 1;
}

/** "Trin 2" / "Step 2" for the step at `index` (0-based) of a ladder. */
export function ladderStepLabel(t: TFunction, index: number): string {
  return t("handoverRules.form.step", { n: ladderStepNumber(index) });
}

/** "Trin 2: klyngens koordinator" — a step and whom it reminds, as the rules page names it. */
export function ladderStepName(
  t: TFunction,
  sector: Sector,
  index: number,
  target: Target,
  kind: BodyKindKey = "neutral",
): string {
  return t("handoverRules.stepName", {
    step: ladderStepLabel(t, index),
    target: targetText(t, sector, target, kind),
  });
}

/** A step's choice in the editor: "Kommunen selv", "Sundhedsrådets koordinator"… */
export function targetOption(
  t: TFunction,
  sector: Sector,
  target: Target,
  kind: BodyKindKey,
): string {
  if (target === "receiver") return t(`handoverRules.targetOptions.${sector}`);
  if (target === "body-coordinator") return t(`handoverRules.byKind.${kind}.coordinatorOption`);
  return t(`handoverRules.targetOptions.${target}`);
}

/** The ladder as one sentence: who is reminded at the deadline, and then how long after. */
function ladderText(t: TFunction, sector: Sector, ladder: LadderStep[], kind: BodyKindKey): string {
  if (ladder.length === 0) return t("handoverRules.explain.noLadder");
  const steps = ladder.map((step, i) => {
    const who = targetText(t, sector, step.target, kind);
    if (i === 0 && step.afterMinutes === 0) return t("handoverRules.explain.atDeadline", { who });
    return t("handoverRules.explain.later", { who, after: formatDuration(t, step.afterMinutes) });
  });
  const list =
    steps.length === 1
      ? steps[0]
      : t("handoverRules.explain.then", {
          first: steps.slice(0, -1).join(", "),
          last: steps[steps.length - 1],
        });
  return t("handoverRules.explain.ladder", { steps: list });
}

/** The rule in plain words, as sentences, naming the coordinators of a body of `kind`. */
export function explainRule(
  t: TFunction,
  sector: Sector,
  rule: HandoverRule,
  kind: BodyKindKey = "neutral",
): string[] {
  return [
    t(`handoverRules.explain.deadline.${sector}`, {
      deadline: formatDuration(t, rule.deadlineMinutes),
      counted: countedText(t, rule),
    }),
    ladderText(t, sector, rule.ladder, kind),
    t("handoverRules.explain.wallClock"),
  ];
}

/**
 * Which form field a server problem names: `ladder.1.afterMinutes` stays as it
 * is, `hours.weekday.start` is the weekday window as a whole.
 */
export function fieldKey(field: string): string {
  const window = /^hours\.(weekday|weekend)(\.|$)/.exec(field);
  if (window) return `hours.${window[1]}`;
  return field;
}
