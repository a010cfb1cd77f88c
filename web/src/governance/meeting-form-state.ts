import type { MeetingInput, MeetingView } from "./meeting-api";

/** The new-meeting form as typed: the agenda one item a line, attendees "Name, Organisation" a line. */
export type MeetingDraft = {
  title: string;
  date: string;
  public: boolean;
  agenda: string;
  attendees: string;
};

export const emptyMeeting: MeetingDraft = {
  title: "",
  date: "",
  public: true,
  agenda: "",
  attendees: "",
};

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");

/** What the form sends: each agenda line an item as public as the meeting; the server checks the rest. */
export function meetingInputOf(d: MeetingDraft): MeetingInput {
  return {
    title: d.title,
    date: d.date,
    public: d.public,
    status: "planned",
    agenda: lines(d.agenda).map((title) => ({
      title,
      text: null,
      subject: null,
      public: d.public,
    })),
    attendees: attendeesOf(d.attendees),
  };
}

/** Attendees typed "Name, Organisation" one a line. */
function attendeesOf(text: string): MeetingInput["attendees"] {
  return lines(text).map((l) => {
    const comma = l.indexOf(",");
    return comma < 0
      ? { name: l, organisation: "" }
      : { name: l.slice(0, comma).trim(), organisation: l.slice(comma + 1).trim() };
  });
}

/** One agenda item as edited; `subject` is "" or "agreement:<id>" / "initiative:<id>". */
export type AgendaDraft = {
  /** The item's identity while it is edited and moved (never sent). */
  key: string;
  title: string;
  text: string;
  subject: string;
  public: boolean;
};

/** A meeting as edited: the agenda item by item, attendees one a line. */
export type MeetingEditDraft = {
  title: string;
  date: string;
  public: boolean;
  status: MeetingInput["status"];
  agenda: AgendaDraft[];
  attendees: string;
};

let nextKey = 0;
/** A key no other agenda item of this page has. */
export const agendaKey = () => `item-${++nextKey}`;

export function emptyAgendaItem(isPublic: boolean): AgendaDraft {
  return { key: agendaKey(), title: "", text: "", subject: "", public: isPublic };
}

/** A date YYYY-MM-DD as Danes write it, 3.12.2026. */
const danish = (iso: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}`
    : iso;

/** The form's starting point: the meeting as read. */
export function editDraftOf(view: MeetingView): MeetingEditDraft {
  return {
    title: view.title,
    date: danish(view.date),
    public: view.public,
    status: view.status,
    agenda: view.agenda.map((a) => ({
      key: agendaKey(),
      title: a.title,
      text: a.text ?? "",
      subject: a.subject ? `${a.subject.kind}:${a.subject.id}` : "",
      public: a.public,
    })),
    attendees: view.attendees
      .map((a) => (a.organisation ? `${a.name}, ${a.organisation}` : a.name))
      .join("\n"),
  };
}

function subjectOf(value: string): MeetingInput["agenda"][number]["subject"] {
  const at = value.indexOf(":");
  if (at < 0) return null;
  const kind = value.slice(0, at);
  const id = value.slice(at + 1);
  if (kind === "agreement" || kind === "initiative") return { kind, id };
  return null;
}

/** What the edit sends, with the version it was read at; the server checks the rest. */
export function editInputOf(
  d: MeetingEditDraft,
  version: number,
): MeetingInput & { version: number } {
  return {
    title: d.title,
    date: d.date,
    public: d.public,
    status: d.status,
    agenda: d.agenda.map((a) => ({
      title: a.title,
      text: a.text.trim() === "" ? null : a.text,
      subject: subjectOf(a.subject),
      public: a.public,
    })),
    attendees: attendeesOf(d.attendees),
    version,
  };
}

/** The list with the item at `from` moved to `to` (a no-op outside the list). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}
