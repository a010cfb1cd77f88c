import { fieldKey, type HandoverRule, type Sector, type Target } from "./rule-text";

/**
 * A rule as the editor holds it: what the inputs say, as text, so a half-typed
 * number is kept as typed. The server judges the rule; the draft only turns
 * the inputs into the API's shape and back.
 */

export type WindowDraft = { open: boolean; start: string; end: string };
export type StepDraft = { key: number; afterMinutes: string; target: Target };
export type RuleDraft = {
  hours: string;
  minutes: string;
  weekday: WindowDraft;
  weekend: WindowDraft;
  ladder: StepDraft[];
};

let nextKey = 1;
export const newStep = (afterMinutes: string, target: Target): StepDraft => ({
  key: nextKey++,
  afterMinutes,
  target,
});

export function draftOf(rule: HandoverRule): RuleDraft {
  const window = (w: HandoverRule["hours"]["weekday"]): WindowDraft =>
    w ? { open: true, ...w } : { open: false, start: "08:00", end: "16:00" };
  return {
    hours: String(Math.floor(rule.deadlineMinutes / 60)),
    minutes: String(rule.deadlineMinutes % 60),
    weekday: window(rule.hours.weekday),
    weekend: window(rule.hours.weekend),
    ladder: rule.ladder.map((s) => newStep(String(s.afterMinutes), s.target)),
  };
}

/** An empty input is no number: the server names the field rather than reading it as 0. */
const numberOf = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

export function ruleOf(d: RuleDraft): HandoverRule {
  const hours = d.hours.trim() === "" ? 0 : numberOf(d.hours);
  const minutes = d.minutes.trim() === "" ? 0 : numberOf(d.minutes);
  const window = (w: WindowDraft) => (w.open ? { start: w.start, end: w.end } : null);
  return {
    deadlineMinutes: hours * 60 + minutes,
    hours: { weekday: window(d.weekday), weekend: window(d.weekend) },
    ladder: d.ladder.map((s) => ({ afterMinutes: numberOf(s.afterMinutes), target: s.target })),
  };
}

/** The input a server problem is about, so the summary can link to it; null if none. */
export function inputOf(sector: Sector, field: string, d: RuleDraft): string | null {
  const key = fieldKey(field);
  if (key === "deadlineMinutes") return `${sector}-deadline-hours`;
  if (key === "hours.weekday" || key === "hours.weekend") {
    const days = key === "hours.weekday" ? "weekday" : "weekend";
    return d[days].open ? `${sector}-${days}-start` : `${sector}-${days}-open`;
  }
  if (key === "hours") return `${sector}-weekday-open`;
  if (key === "ladder") return `${sector}-add-step`;
  const step = /^ladder\.(\d+)(\.(afterMinutes|target))?$/.exec(key);
  if (step && Number(step[1]) < d.ladder.length)
    return `${sector}-step-${step[1]}-${step[3] === "target" ? "target" : "minutes"}`;
  return null;
}
