import { z } from "zod";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import { MEETING_STATUSES, SUBJECT_KINDS } from "./meeting-model.ts";

/** The Zod schemas of the meetings' API: the edge checks shape; meeting-model.ts checks meaning. */

const subjectKind = z.enum(SUBJECT_KINDS);
const subject = z.object({
  kind: subjectKind,
  id: z.uuid({ error: "must be an agreement or initiative id (uuid)" }),
});
const agendaItem = z.object({
  title: z.string().max(TEXT_LIMITS.name),
  text: z.string().max(TEXT_LIMITS.note).nullable(),
  subject: subject.nullable(),
  public: z.boolean(),
});
/** An agenda item as read: with its subject's title where the reader may see the subject. */
const agendaItemView = agendaItem.extend({ subjectTitle: z.string().nullable() });
const attendee = z.object({
  name: z.string().max(TEXT_LIMITS.name),
  organisation: z.string().max(TEXT_LIMITS.name),
});

export const meetingInput = z.object({
  title: z.string().max(TEXT_LIMITS.name),
  /** A Danish calendar date, `2026-12-05` or `5.12.2026`; refused naming `date` when no such day. */
  date: z.string().max(20),
  public: z.boolean(),
  status: z.enum(MEETING_STATUSES),
  agenda: z.array(agendaItem).max(50),
  attendees: z.array(attendee).max(100),
});

export const decisionInput = z.object({
  subjectKind,
  subjectId: z.uuid({ error: "must be an agreement or initiative id (uuid)" }),
  text: z.string().max(TEXT_LIMITS.note),
});

const bodyRef = z.object({ id: z.string(), name: z.string(), kind: z.string() });
export const meetingSummary = z.object({
  id: z.string(),
  body: bodyRef,
  title: z.string(),
  date: z.string(),
  public: z.boolean(),
  status: z.enum(MEETING_STATUSES),
  version: z.number(),
  agendaCount: z.number(),
});
export const meetingList = z.object({
  body: bodyRef,
  mayCreate: z.boolean(),
  meetings: z.array(meetingSummary),
});
export const decisionView = z.object({
  id: z.string(),
  meeting: z.object({ id: z.string(), title: z.string(), date: z.string() }),
  subjectKind,
  subjectId: z.string(),
  text: z.string(),
  present: z.array(attendee),
  decidedAt: z.string(),
});
export const decisionList = z.object({ decisions: z.array(decisionView) });
export const meetingView = meetingSummary.extend({
  agenda: z.array(agendaItemView),
  attendees: z.array(attendee),
  decisions: z.array(decisionView),
  changedAt: z.string(),
  may: z.object({ edit: z.boolean(), decide: z.boolean() }),
});

const statusLine = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  version: z.number(),
  public: z.boolean(),
  changedAt: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
});
export const meetingPack = z.object({
  meeting: z.object({
    id: z.string(),
    title: z.string(),
    date: z.string(),
    status: z.string(),
    public: z.boolean(),
  }),
  body: bodyRef,
  publicOnly: z.boolean(),
  since: z.object({ meetingId: z.string(), date: z.string() }).nullable(),
  months: z.array(z.string()),
  indicators: z.array(
    z.object({
      id: z.string(),
      title: z.object({ da: z.string(), en: z.string() }),
      valueKind: z.string(),
      higherIsBetter: z.boolean().nullable(),
      sector: z.string().nullable(),
      figures: z.array(
        z.object({
          period: z.string(),
          value: z.number().nullable(),
          numerator: z.number().nullable(),
          denominator: z.number().nullable(),
          suppressed: z.boolean(),
        }),
      ),
    }),
  ),
  indicatorsComputedAt: z.string().nullable(),
  agreements: z.array(statusLine),
  initiatives: z.array(statusLine),
  unresolved: z.object({
    count: z.number(),
    groups: z
      .array(
        z.object({
          sector: z.string(),
          receiver: z.string(),
          hospital: z.string(),
          count: z.number(),
        }),
      )
      .nullable(),
  }),
  agenda: z.array(agendaItemView),
  attendees: z.array(attendee).nullable(),
  generatedAt: z.string(),
});
