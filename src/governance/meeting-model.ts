/**
 * A body's meetings and decisions as pure rules (issue 22, section 3): what
 * makes a meeting sound (a real calendar date, titles), who runs and edits it,
 * what a public reader sees of it. No I/O.
 */
import type { MemberRole, Problem } from "./model.ts";

export const MEETING_STATUSES = ["planned", "held"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const SUBJECT_KINDS = ["agreement", "initiative"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export type AgendaItem = {
  title: string;
  text: string | null;
  /** An agreement or initiative of the body the item is about. */
  subject: { kind: SubjectKind; id: string } | null;
  public: boolean;
};
export type Attendee = { name: string; organisation: string };

export type MeetingContent = {
  title: string;
  /** The meeting's Danish calendar date, YYYY-MM-DD. */
  date: string;
  public: boolean;
  status: MeetingStatus;
  agenda: AgendaItem[];
  attendees: Attendee[];
};

export type MeetingInput = Omit<MeetingContent, "date"> & { date: string };

/** The roles that run a body's meetings: its secretariat (coordinators) and its lead. */
export const MEETING_ROLES: readonly MemberRole[] = ["coordinator", "body_lead"];
/** Decisions are recorded by the secretariat that runs the meeting. */
export const DECISION_ROLES: readonly MemberRole[] = ["coordinator"];

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DANISH = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/;

/**
 * A date as written in Denmark (`5.12.2026`, `05-12-2026`) or ISO
 * (`2026-12-05`), as ISO; null when it is not a day of the calendar.
 */
export function danishDateOf(text: string): string | null {
  const t = text.trim();
  const iso = ISO.exec(t);
  const dk = DANISH.exec(t);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dk
      ? [Number(dk[3]), Number(dk[2]), Number(dk[1])]
      : [0, 0, 0];
  if (y < 1900 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const required = (field: string): Problem => ({
  field,
  reason: "is required",
  problem: "required",
});

/** The meeting's content, trimmed and with its date as ISO, or every problem with its field. */
export function checkMeeting(
  input: MeetingInput,
): { content: MeetingContent } | { problems: Problem[] } {
  const problems: Problem[] = [];
  if (input.title.trim() === "") problems.push(required("title"));
  const date = danishDateOf(input.date);
  if (date === null)
    problems.push({ field: "date", reason: "must be a day of the calendar", problem: "notDate" });
  input.agenda.forEach((a, i) => {
    if (a.title.trim() === "") problems.push(required(`agenda.${i}.title`));
  });
  input.attendees.forEach((a, i) => {
    if (a.name.trim() === "") problems.push(required(`attendees.${i}.name`));
  });
  if (problems.length > 0 || date === null) return { problems };
  return {
    content: {
      title: input.title.trim(),
      date,
      public: input.public,
      status: input.status,
      agenda: input.agenda.map((a) => ({
        title: a.title.trim(),
        text: a.text?.trim() ? a.text.trim() : null,
        subject: a.subject,
        public: a.public,
      })),
      attendees: input.attendees.map((a) => ({
        name: a.name.trim(),
        organisation: a.organisation.trim(),
      })),
    },
  };
}

/** Why this member may not run (create or edit) a meeting, or null. */
export function meetingRefusal(role: MemberRole | null): Problem | null {
  if (role !== null && MEETING_ROLES.includes(role)) return null;
  return {
    field: "bodyId",
    reason: "only the body's secretariat and lead run its meetings",
    problem: "roleMayNotRun",
  };
}

/** Why this member may not record a decision at this meeting, or null. */
export function decisionRefusal(role: MemberRole | null, text: string): Problem | null {
  if (role === null || !DECISION_ROLES.includes(role))
    return {
      field: "meetingId",
      reason: "only the body's secretariat records decisions",
      problem: "roleMayNotDecide",
    };
  if (text.trim() === "") return required("text");
  return null;
}

/** Signed in, every meeting; without login, those marked public. */
export function mayReadMeeting(meeting: { public: boolean }, signedIn: boolean): boolean {
  return signedIn || meeting.public;
}

/** The agenda as a public reader sees it: the items marked public only. */
export function publicAgenda(agenda: readonly AgendaItem[]): AgendaItem[] {
  return agenda.filter((a) => a.public);
}

/** The meeting before this one (by date) among the body's meetings, if any. */
export function previousMeeting<M extends { id: string; date: string }>(
  meetings: readonly M[],
  current: { id: string; date: string },
): M | null {
  const earlier = meetings
    .filter((m) => m.id !== current.id && m.date < current.date)
    .sort((a, b) => (a.date < b.date ? 1 : -1));
  return earlier[0] ?? null;
}

/**
 * The months the pack covers: from the month of the previous meeting (or
 * `fallbackMonths` before the meeting) up to the month of the meeting, at most 12.
 */
export function packMonths(date: string, previous: string | null, fallbackMonths = 3): string[] {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const end = y * 12 + (m - 1);
  const start = previous
    ? Number(previous.slice(0, 4)) * 12 + (Number(previous.slice(5, 7)) - 1)
    : end - fallbackMonths + 1;
  const from = Math.max(start, end - 11);
  const months: string[] = [];
  for (let k = from; k <= end; k++)
    months.push(`${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`);
  return months;
}
