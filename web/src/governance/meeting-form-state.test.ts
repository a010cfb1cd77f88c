import { describe, expect, it } from "vitest";
import { emptyMeeting, meetingInputOf } from "./meeting-form-state";

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
