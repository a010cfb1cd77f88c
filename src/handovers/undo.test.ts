import { describe, expect, it } from "vitest";
import { declineNoteMissing, type HistoryEntry, undoCheck } from "./model.ts";

const OWN = "org-own";
const OTHER = "org-other";
const decidedAt = new Date("2026-11-23T10:00:00Z");
const later = (minutes: number, seconds = 0) =>
  new Date(decidedAt.getTime() + minutes * 60_000 + seconds * 1000);

const created: HistoryEntry = {
  kind: "created",
  fromStatus: null,
  toStatus: "open",
  at: new Date("2026-11-23T08:00:00Z"),
  actorOrganisationId: null,
};
const confirmed: HistoryEntry = {
  kind: "confirmed",
  fromStatus: "open",
  toStatus: "confirmed",
  at: decidedAt,
  actorOrganisationId: OWN,
};
const declined: HistoryEntry = { ...confirmed, kind: "declined", toStatus: "declined" };

describe("undoing a decision", () => {
  it("allows the deciding organisation at 9:59, refuses at 10:00 and 10:01", () => {
    expect(undoCheck([created, confirmed], OWN, later(9, 59))).toMatchObject({
      ok: true,
      restore: "open",
      until: later(10),
    });
    expect(undoCheck([created, confirmed], OWN, later(10))).toEqual({
      ok: false,
      refusal: "too-late",
      until: later(10),
    });
    expect(undoCheck([created, declined], OWN, later(10, 1))).toMatchObject({
      ok: false,
      refusal: "too-late",
    });
  });

  it("restores the status before a decline", () => {
    expect(undoCheck([created, declined], OWN, later(0))).toMatchObject({
      ok: true,
      restore: "open",
    });
  });

  it("refuses another organisation", () => {
    expect(undoCheck([created, confirmed], OTHER, later(1))).toMatchObject({
      ok: false,
      refusal: "not-own-decision",
    });
  });

  it("refuses once anyone acted after the decision", () => {
    const rerouted: HistoryEntry = {
      kind: "rerouted",
      fromStatus: "declined",
      toStatus: "open",
      at: later(2),
      actorOrganisationId: OTHER,
    };
    const escalated: HistoryEntry = { ...rerouted, kind: "escalated", fromStatus: "open" };
    const closed: HistoryEntry = {
      kind: "closed",
      fromStatus: "confirmed",
      toStatus: "closed",
      at: later(1),
      actorOrganisationId: null,
    };
    for (const next of [rerouted, escalated, closed])
      expect(undoCheck([created, declined, next], OWN, later(3))).toMatchObject({
        ok: false,
        refusal: "acted-on-since",
      });
  });

  it("does not undo an undo, nor anything before a decision", () => {
    const undone: HistoryEntry = {
      kind: "undone",
      fromStatus: "confirmed",
      toStatus: "open",
      at: later(1),
      actorOrganisationId: OWN,
    };
    expect(undoCheck([created, confirmed, undone], OWN, later(2))).toMatchObject({
      ok: false,
      refusal: "already-undone",
    });
    const escalated: HistoryEntry = { ...undone, kind: "escalated", fromStatus: "open" };
    expect(undoCheck([created, confirmed, undone, escalated], OWN, later(2))).toMatchObject({
      ok: false,
      refusal: "already-undone",
    });
    expect(undoCheck([created], OWN, later(2))).toMatchObject({
      ok: false,
      refusal: "nothing-to-undo",
    });
    expect(undoCheck([], OWN, later(2))).toMatchObject({ ok: false, refusal: "nothing-to-undo" });
  });

  it("refuses a decision nobody's organisation made (imported without an organisation)", () => {
    const anonymous = { ...confirmed, actorOrganisationId: null };
    expect(undoCheck([created, anonymous], OWN, later(1))).toMatchObject({
      ok: false,
      refusal: "not-own-decision",
    });
  });
});

describe("a decline's free text", () => {
  it("is required for 'other' only", () => {
    expect(declineNoteMissing("other", undefined)).toBe(true);
    expect(declineNoteMissing("other", "   ")).toBe(true);
    expect(declineNoteMissing("other", "Borgeren har frabedt sig hjælp")).toBe(false);
    expect(declineNoteMissing("citizen-moved", undefined)).toBe(false);
  });
});
