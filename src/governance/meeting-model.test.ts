import { describe, expect, it } from "vitest";
import {
  checkMeeting,
  danishDateOf,
  decisionRefusal,
  type MeetingInput,
  mayReadMeeting,
  meetingRefusal,
  packMonths,
  previousMeeting,
  publicAgenda,
} from "./meeting-model.ts";

const input: MeetingInput = {
  title: " Styregruppemøde ",
  date: "3.12.2026",
  public: true,
  status: "planned",
  agenda: [
    { title: "Åbent punkt", text: "  ", subject: null, public: true },
    { title: "Lukket punkt", text: "Personalesag", subject: null, public: false },
  ],
  attendees: [{ name: " Anne ", organisation: " Region Sjælland " }],
};

describe("a Danish date", () => {
  it("is read as written in Denmark or as ISO", () => {
    expect(danishDateOf("3.12.2026")).toBe("2026-12-03");
    expect(danishDateOf("03-12-2026")).toBe("2026-12-03");
    expect(danishDateOf("2026-12-03")).toBe("2026-12-03");
    expect(danishDateOf("29.2.2028")).toBe("2028-02-29");
  });
  it("is refused when the day is not in the calendar or the text is no date", () => {
    expect(danishDateOf("31.11.2026")).toBeNull();
    expect(danishDateOf("29.2.2027")).toBeNull();
    expect(danishDateOf("2026-13-01")).toBeNull();
    expect(danishDateOf("0.1.2026")).toBeNull();
    expect(danishDateOf("i morgen")).toBeNull();
    expect(danishDateOf("12/3/2026")).toBeNull();
  });
});

describe("checkMeeting", () => {
  it("trims and keeps the date as ISO, an empty text as null", () => {
    const checked = checkMeeting(input);
    expect(checked).toEqual({
      content: {
        title: "Styregruppemøde",
        date: "2026-12-03",
        public: true,
        status: "planned",
        agenda: [
          { title: "Åbent punkt", text: null, subject: null, public: true },
          { title: "Lukket punkt", text: "Personalesag", subject: null, public: false },
        ],
        attendees: [{ name: "Anne", organisation: "Region Sjælland" }],
      },
    });
  });
  it("names every field that is wrong", () => {
    const checked = checkMeeting({
      ...input,
      title: " ",
      date: "30.2.2026",
      agenda: [{ title: "", text: null, subject: null, public: true }],
      attendees: [{ name: "", organisation: "x" }],
    });
    expect("problems" in checked && checked.problems.map((p) => p.field)).toEqual([
      "title",
      "date",
      "agenda.0.title",
      "attendees.0.name",
    ]);
  });
});

describe("who runs, decides and reads", () => {
  it("lets the secretariat and lead run meetings, only the secretariat decide", () => {
    expect(meetingRefusal("coordinator")).toBeNull();
    expect(meetingRefusal("body_lead")).toBeNull();
    expect(meetingRefusal("citizen_representative")?.problem).toBe("roleMayNotRun");
    expect(meetingRefusal(null)?.problem).toBe("roleMayNotRun");
    expect(decisionRefusal("coordinator", "Vedtaget")).toBeNull();
    expect(decisionRefusal("body_lead", "Vedtaget")?.problem).toBe("roleMayNotDecide");
    expect(decisionRefusal("coordinator", "  ")?.field).toBe("text");
  });
  it("shows the public only public meetings and items", () => {
    expect(mayReadMeeting({ public: false }, true)).toBe(true);
    expect(mayReadMeeting({ public: false }, false)).toBe(false);
    expect(mayReadMeeting({ public: true }, false)).toBe(true);
    expect(publicAgenda(input.agenda).map((a) => a.title)).toEqual(["Åbent punkt"]);
  });
});

describe("the pack's months", () => {
  const meetings = [
    { id: "a", date: "2026-03-10" },
    { id: "b", date: "2026-06-01" },
    { id: "c", date: "2026-09-20" },
  ];
  it("start at the previous meeting's month", () => {
    expect(previousMeeting(meetings, { id: "c", date: "2026-09-20" })?.id).toBe("b");
    expect(previousMeeting(meetings, { id: "a", date: "2026-03-10" })).toBeNull();
    expect(packMonths("2026-09-20", "2026-06-01")).toEqual([
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
    ]);
  });
  it("are three months without a previous meeting, at most twelve, across the new year", () => {
    expect(packMonths("2027-01-14", null)).toEqual(["2026-11", "2026-12", "2027-01"]);
    expect(packMonths("2027-06-01", "2024-01-01")).toHaveLength(12);
    expect(packMonths("2027-06-01", "2024-01-01")[0]).toBe("2026-07");
  });
});
