import { describe, expect, it } from "vitest";
import type { StaySummary } from "./model.ts";
import { type FollowUpView, type HandoverView, responsibleNow } from "./responsibility-model.ts";

/** Issue 21, part 5: a discharge without a listed GP never says a GP confirmed. */

const day = (d: number, h = 10) => new Date(Date.UTC(2026, 11, d, h));
const discharged: StaySummary = {
  id: "s1",
  hospitalId: "slagelse",
  hospitalName: "Slagelse Sygehus",
  departmentOrganisationId: "d1",
  departmentName: "Medicinsk Afdeling",
  status: "discharged",
  encounterClass: "inpatient",
  admittedAt: day(1),
  dischargedAt: day(3),
  diedAt: null,
  endedAt: day(3),
};
const home = { kind: "municipality" as const, organisationId: null, name: "Næstved" };
const municipal = (
  status: HandoverView["status"],
  decidedAt: Date | null = null,
): HandoverView => ({
  stayId: "s1",
  sector: "municipality",
  status,
  receiverOrganisationId: "m1",
  receiverName: "Næstved Kommune",
  bodyId: "b",
  dischargedAt: day(3),
  deadlineAt: day(3, 14),
  decidedAt,
});
const item = (over: Partial<FollowUpView> = {}): FollowUpView => ({
  stayId: "s1",
  status: "open",
  resolution: null,
  followUpOrganisationId: null,
  followUpName: null,
  reason: null,
  createdAt: day(3),
  resolvedAt: null,
  ...over,
});
const ward = "Slagelse Sygehus, Medicinsk Afdeling";

describe("who is responsible after a discharge without a listed GP", () => {
  it("the defect: the municipality confirmed, nobody asked for the follow-up — not 'handed over'", () => {
    const r = responsibleNow(
      [discharged],
      home,
      null,
      [municipal("confirmed", day(3, 12))],
      [item()],
    );
    expect(r.reason).toBe("discharged-no-gp");
    expect(r.medicalFollowUp).toEqual({ state: "undecided", since: day(3) });
    // The ward holds the medical follow-up until someone is named.
    expect(r.responsible.map((p) => [p.name, p.for])).toEqual([
      ["Næstved Kommune", "care"],
      [ward, "medical-follow-up"],
    ]);
    expect(r.awaitingConfirmationFrom).toEqual([]);
  });

  it("is undecided too where no item exists (a discharge from before items): never 'the GP confirmed'", () => {
    const r = responsibleNow([discharged], home, null, [municipal("confirmed", day(3, 12))], []);
    expect(r.reason).toBe("discharged-no-gp");
    expect(r.medicalFollowUp?.state).toBe("undecided");
  });

  it("while the municipality has not confirmed, the hospital holds it, said once", () => {
    const r = responsibleNow([discharged], home, null, [municipal("open")], [item()]);
    expect(r.reason).toBe("discharged-no-gp");
    expect(r.responsible.map((p) => [p.name, p.for])).toEqual([[ward, "treatment"]]);
    expect(r.awaitingConfirmationFrom.map((p) => p.name)).toEqual(["Næstved Kommune"]);
  });

  it("names the outpatient clinic once resolved, and is handed over when both are done", () => {
    const clinic = item({
      status: "resolved",
      resolution: "outpatient-clinic",
      followUpOrganisationId: "d2",
      followUpName: "Børneambulatoriet",
      resolvedAt: day(4),
    });
    const r = responsibleNow(
      [discharged],
      home,
      null,
      [municipal("confirmed", day(3, 12))],
      [clinic],
    );
    expect(r.reason).toBe("handed-over-no-gp");
    expect(r.since).toEqual(day(4));
    expect(r.responsible.map((p) => [p.kind, p.name, p.for])).toEqual([
      ["municipality", "Næstved Kommune", "care"],
      ["hospital", "Børneambulatoriet", "medical-follow-up"],
    ]);
    expect(r.medicalFollowUp).toMatchObject({
      state: "named",
      kind: "hospital",
      name: "Børneambulatoriet",
    });
  });

  it("a named practice follows up as a practice; a resolution before the municipality's confirmation waits for it", () => {
    const practice = item({
      status: "resolved",
      resolution: "practice",
      followUpOrganisationId: "p1",
      followUpName: "Lægerne i Næstved",
      resolvedAt: day(3, 11),
    });
    const waiting = responsibleNow([discharged], home, null, [municipal("open")], [practice]);
    expect(waiting.reason).toBe("discharged-no-gp");
    expect(waiting.responsible.map((p) => [p.kind, p.for])).toEqual([
      ["hospital", "treatment"],
      ["general-practice", "medical-follow-up"],
    ]);
    const done = responsibleNow(
      [discharged],
      home,
      null,
      [municipal("confirmed", day(3, 12))],
      [practice],
    );
    expect(done.reason).toBe("handed-over-no-gp");
    expect(done.since).toEqual(day(3, 12));
  });

  it("'not needed' leaves nobody for the medical follow-up, with the reason", () => {
    const none = item({
      status: "resolved",
      resolution: "not-needed",
      reason: "Rask, ingen opfølgning",
      resolvedAt: day(4),
    });
    const r = responsibleNow(
      [discharged],
      home,
      null,
      [municipal("confirmed", day(3, 12))],
      [none],
    );
    expect(r.reason).toBe("handed-over-no-gp");
    expect(r.responsible.map((p) => p.for)).toEqual(["care"]);
    expect(r.medicalFollowUp).toEqual({
      state: "not-needed",
      reason: "Rask, ingen opfølgning",
      at: day(4),
    });
  });

  it("a closed item (a cancelled discharge) and another stay's item do not count", () => {
    const r = responsibleNow(
      [discharged],
      home,
      null,
      [municipal("confirmed", day(3, 12))],
      [
        item({ status: "closed", resolvedAt: day(4) }),
        item({ stayId: "other", status: "resolved", resolution: "not-needed", resolvedAt: day(4) }),
      ],
    );
    expect(r.medicalFollowUp?.state).toBe("undecided");
  });

  it("with a GP asked, nothing changes: the GP's confirmation is what is awaited", () => {
    const gpHandover: HandoverView = {
      ...municipal("open"),
      sector: "general-practice",
      receiverName: "Lægehuset",
    };
    const r = responsibleNow(
      [discharged],
      home,
      null,
      [municipal("confirmed", day(3, 12)), gpHandover],
      [],
    );
    expect(r.reason).toBe("discharged-awaiting-handover");
    expect(r.medicalFollowUp).toBeNull();
  });
});
