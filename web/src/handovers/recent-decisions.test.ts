import { describe, expect, it } from "vitest";
import { recentOf, timeLeft, withRecent } from "./recent-decisions";
import type { WorklistItem } from "./types";

const item = (id: string, version = 1): WorklistItem => ({
  id,
  citizenId: "c",
  citizenName: "Freja",
  stayId: "s",
  sector: "municipality",
  status: "open",
  statusReason: null,
  group: "today",
  unresolvedAt: null,
  version,
  dischargedAt: "2026-11-18T09:00:00Z",
  deadlineAt: "2026-11-18T13:00:00Z",
  overdue: true,
  escalationStep: 0,
  note: null,
  receiverName: "Næstved Kommune",
  dischargingName: null,
  hospitalId: "h",
  receiverOrganisationId: "r",
  dischargingOrganisationId: null,
  relationScope: "full",
  declineNote: null,
});
const answer = {
  id: "a",
  status: "confirmed",
  version: 2,
  decidedAt: "2026-11-19T09:00:00Z",
  undoableUntil: "2026-11-19T09:10:00Z",
};

describe("recent decisions", () => {
  it("runs the server's window from the answer's arrival, whatever this clock says", () => {
    const r = recentOf(item("a"), answer, 1_000);
    expect(r.endsAt).toBe(1_000 + 600_000);
    expect(r.item).toMatchObject({ status: "confirmed", version: 2, overdue: false });
  });

  it("keeps a confirmed row the list dropped, and offers the undo only at the version decided", () => {
    const r = recentOf(item("a"), answer, 0);
    const recent = new Map([["a", r]]);
    expect(withRecent([item("b")], recent, 1).map((x) => [x.item.id, x.undo !== null])).toEqual([
      ["a", true],
      ["b", false],
    ]);
    // Someone changed it since (sent on): the list's row, without an undo.
    expect(withRecent([item("a", 3)], recent, 1)).toEqual([
      { item: item("a", 3), undo: null, kept: false },
    ]);
    // The window has passed: the row goes with its undo.
    expect(withRecent([], recent, 600_000)).toEqual([]);
  });

  it("keeps no dropped row where the list still holds it elsewhere, yet undoes in place", () => {
    const recent = new Map([["a", recentOf(item("a"), answer, 0)]]);
    expect(withRecent([item("b")], recent, 1, false).map((x) => x.item.id)).toEqual(["b"]);
    const inPlace = withRecent([{ ...item("a", 2), status: "confirmed" }], recent, 1, false);
    expect(inPlace.map((x) => [x.item.id, x.undo !== null, x.kept])).toEqual([["a", true, false]]);
  });

  it("says the time left as minutes and seconds", () => {
    expect(timeLeft(600_000)).toBe("10:00");
    expect(timeLeft(59_001)).toBe("1:00");
    expect(timeLeft(9_000)).toBe("0:09");
    expect(timeLeft(-5)).toBe("0:00");
  });
});
