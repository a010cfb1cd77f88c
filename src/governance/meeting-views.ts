import { type AgendaItem, decisionRefusal, meetingRefusal, publicAgenda } from "./meeting-model.ts";
import type { DecisionRow, MeetingRow } from "./meeting-store.ts";
import type { MemberRole } from "./model.ts";
import type { BodyRef } from "./views.ts";

export type DecisionView = {
  id: string;
  meeting: { id: string; title: string; date: string };
  subjectKind: "agreement" | "initiative";
  subjectId: string;
  text: string;
  present: { name: string; organisation: string }[];
  decidedAt: string;
};

export const decisionViewOf = (d: DecisionRow): DecisionView => ({
  id: d.id,
  meeting: { id: d.meetingId, title: d.meetingTitle, date: d.meetingDate },
  subjectKind: d.subjectKind,
  subjectId: d.subjectId,
  text: d.text,
  present: d.present,
  decidedAt: d.decidedAt.toISOString(),
});

export function meetingSummaryOf(m: MeetingRow, body: BodyRef) {
  return {
    id: m.id,
    body,
    title: m.title,
    date: m.date,
    public: m.public,
    status: m.status,
    version: m.version,
    agendaCount: m.agenda.length,
  };
}

export type AgendaItemView = AgendaItem & { subjectTitle: string | null };

/**
 * The agenda items with their subject's title, by `kind:id` among what the
 * reader may see; null when the item has no subject or the reader may not see it.
 */
export function agendaWithTitles(
  agenda: readonly AgendaItem[],
  titles: ReadonlyMap<string, string>,
): AgendaItemView[] {
  return agenda.map((a) => ({
    ...a,
    subjectTitle: a.subject ? (titles.get(`${a.subject.kind}:${a.subject.id}`) ?? null) : null,
  }));
}

/** The meeting as the reader sees it: without login only its public agenda items. */
export function meetingViewOf(
  m: MeetingRow,
  body: BodyRef,
  role: MemberRole | null,
  decisions: DecisionRow[],
  signedIn: boolean,
  titles: ReadonlyMap<string, string>,
) {
  const agenda = agendaWithTitles(signedIn ? m.agenda : publicAgenda(m.agenda), titles);
  return {
    ...meetingSummaryOf(m, body),
    agendaCount: agenda.length,
    agenda,
    attendees: m.attendees,
    decisions: decisions.map(decisionViewOf),
    changedAt: m.changedAt.toISOString(),
    may: {
      edit: meetingRefusal(role) === null,
      decide: decisionRefusal(role, "x") === null,
    },
  };
}

export type MeetingView = ReturnType<typeof meetingViewOf>;
