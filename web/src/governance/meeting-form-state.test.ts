import { describe, expect, it } from "vitest";
import type { MeetingView } from "./meeting-api";
import {
  editDraftOf,
  editInputOf,
  emptyMeeting,
  meetingInputOf,
  moved,
} from "./meeting-form-state";

describe("meetingInputOf", () => {
  it("makes each agenda line an item and each attendee line a name and organisation", () => {
    const input = meetingInputOf({
      ...emptyMeeting,
      title: "Styregruppemøde",
      date: "3.12.2026",
      public: false,
      agenda: "Dagsorden\n\n  Status på aftalen  \n",
      attendees: "Anne Hansen, Region Sjælland\nBo",
    });
    expect(input.agenda).toEqual([
      { title: "Dagsorden", text: null, subject: null, public: false },
      { title: "Status på aftalen", text: null, subject: null, public: false },
    ]);
    expect(input.attendees).toEqual([
      { name: "Anne Hansen", organisation: "Region Sjælland" },
      { name: "Bo", organisation: "" },
    ]);
    expect(input).toMatchObject({ date: "3.12.2026", status: "planned", public: false });
  });
});

describe("the meeting as edited", () => {
  const view = {
    title: "Styregruppemøde",
    date: "2026-12-03",
    public: true,
    status: "planned" as const,
    agenda: [
      {
        title: "Status",
        text: null,
        subject: { kind: "agreement" as const, id: "a1" },
        subjectTitle: "IV i hjemmet",
        public: true,
      },
      {
        title: "Lukket",
        text: "Kun for medlemmer",
        subject: null,
        subjectTitle: null,
        public: false,
      },
    ],
    attendees: [
      { name: "Anne Hansen", organisation: "Region Sjælland" },
      { name: "Bo", organisation: "" },
    ],
  };

  it("starts from the meeting read, with the date as Danes write it", () => {
    const draft = editDraftOf(view as unknown as MeetingView);
    expect(draft).toMatchObject({
      date: "3.12.2026",
      attendees: "Anne Hansen, Region Sjælland\nBo",
    });
    expect(draft.agenda.map((a) => [a.title, a.text, a.subject, a.public])).toEqual([
      ["Status", "", "agreement:a1", true],
      ["Lukket", "Kun for medlemmer", "", false],
    ]);
    expect(new Set(draft.agenda.map((a) => a.key)).size).toBe(2);
  });

  it("sends each item with its subject and the version read, nothing of the form's own", () => {
    const draft = editDraftOf(view as unknown as MeetingView);
    const input = editInputOf(
      {
        ...draft,
        agenda: [
          ...draft.agenda,
          { key: "k", title: "Nyt", text: "  ", subject: "initiative:i1", public: true },
        ],
      },
      7,
    );
    expect(input.version).toBe(7);
    expect(input.agenda).toEqual([
      { title: "Status", text: null, subject: { kind: "agreement", id: "a1" }, public: true },
      { title: "Lukket", text: "Kun for medlemmer", subject: null, public: false },
      { title: "Nyt", text: null, subject: { kind: "initiative", id: "i1" }, public: true },
    ]);
    expect(input.attendees).toEqual(view.attendees);
  });

  it("moves an item up or down, and not past either end", () => {
    expect(moved(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moved(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(moved(["a", "b"], 1, 2)).toEqual(["a", "b"]);
  });
});
