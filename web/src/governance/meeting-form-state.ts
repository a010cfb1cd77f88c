import type { MeetingInput } from "./meeting-api";

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
    attendees: lines(d.attendees).map((l) => {
      const comma = l.indexOf(",");
      return comma < 0
        ? { name: l, organisation: "" }
        : { name: l.slice(0, comma).trim(), organisation: l.slice(comma + 1).trim() };
    }),
  };
}
