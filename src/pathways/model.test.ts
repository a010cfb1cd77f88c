import { describe, expect, it } from "vitest";
import { bodiesDiffer } from "./bodies-model.ts";
import { currentState, type StaySummary, stayOrganisationName } from "./model.ts";
import { responsibleNow } from "./responsibility-model.ts";

const day = (d: number) => new Date(Date.UTC(2026, 2, d));
function stay(over: Partial<StaySummary>): StaySummary {
  return {
    id: "s1",
    hospitalId: "slagelse-sygehus",
    hospitalName: "Slagelse Sygehus",
    departmentOrganisationId: "d1",
    departmentName: "Medicinsk Afdeling",
    status: "admitted",
    encounterClass: "inpatient",
    admittedAt: day(1),
    dischargedAt: null,
    diedAt: null,
    endedAt: null,
    ...over,
  };
}
const home = { kind: "municipality" as const, organisationId: null, name: "Næstved" };
const gp = { kind: "general-practice" as const, organisationId: null, name: "Lægehuset" };

describe("who is responsible now", () => {
  it("is the GP and the home municipality when the citizen has no hospital stay", () => {
    const r = responsibleNow([], home, gp);
    expect(r.reason).toBe("no-hospital-stay");
    expect(r.responsible.map((p) => [p.name, p.for])).toEqual([
      ["Næstved", "care"],
      ["Lægehuset", "medical-follow-up"],
    ]);
  });

  it("is the hospital department during a stay and on leave", () => {
    for (const status of ["admitted", "on-leave"] as const) {
      const r = responsibleNow([stay({ status })], home, gp);
      expect(r.responsible).toEqual([
        {
          kind: "hospital",
          organisationId: "d1",
          name: "Slagelse Sygehus, Medicinsk Afdeling",
          for: "treatment",
        },
      ]);
      expect(r.awaitingConfirmationFrom).toEqual([]);
    }
  });

  it("stays with the hospital after discharge, awaiting the municipality and the GP", () => {
    const r = responsibleNow([stay({ status: "discharged", dischargedAt: day(5) })], home, gp);
    expect(r.reason).toBe("discharged-awaiting-handover");
    expect(r.responsible.map((p) => p.kind)).toEqual(["hospital"]);
    expect(r.awaitingConfirmationFrom).toEqual([home, gp]);
  });

  it("ends with death, whatever stay came later", () => {
    const stays = [
      stay({ status: "deceased", diedAt: day(3) }),
      stay({ id: "s2", admittedAt: day(4) }),
    ];
    expect(responsibleNow(stays, home, gp)).toMatchObject({ responsible: [], reason: "deceased" });
    expect(currentState(stays)).toBe("deceased");
  });

  it("follows the latest stay that was not cancelled", () => {
    const stays = [
      stay({ status: "discharged", dischargedAt: day(2) }),
      stay({ id: "s2", admittedAt: day(6), status: "cancelled" }),
    ];
    expect(currentState(stays)).toBe("discharged");
    expect(currentState([stay({ status: "cancelled" })])).toBe("no-stay");
  });
});

describe("bodies", () => {
  it("flags a GP in another body (Næstved citizen, Nykøbing F GP)", () => {
    expect(
      bodiesDiffer({
        residence: "naestved-slagelse",
        generalPractice: "nykoebing-f",
        hospital: [],
      }),
    ).toBe(true);
  });
  it("flags treatment at another body's hospital, but not at a hospital shared with the home body", () => {
    expect(
      bodiesDiffer({
        residence: "naestved-slagelse",
        generalPractice: null,
        hospital: ["roskilde-koege"],
      }),
    ).toBe(true);
    expect(
      bodiesDiffer({
        residence: "aalborg",
        generalPractice: "aalborg",
        hospital: ["aalborg", "himmerland"],
      }),
    ).toBe(false);
  });
  it("does not flag what it does not know", () => {
    expect(bodiesDiffer({ residence: null, generalPractice: null, hospital: ["x"] })).toBe(false);
  });
});

it("names a department without repeating its hospital", () => {
  expect(
    stayOrganisationName({
      hospitalName: "Slagelse Sygehus",
      departmentName: "Slagelse Sygehus, M1",
    }),
  ).toBe("Slagelse Sygehus, M1");
  expect(stayOrganisationName({ hospitalName: "Slagelse Sygehus", departmentName: null })).toBe(
    "Slagelse Sygehus",
  );
});
