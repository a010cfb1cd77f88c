import { describe, expect, it } from "vitest";
import { type FollowUpFact, followUpRelation } from "./follow-up-relations.ts";
import { type CitizenFacts, decideCitizenAccess, type OrganisationRef, scopeOf } from "./model.ts";

const NOW = new Date("2026-12-04T12:00:00Z");
const DAY = "2026-12-04";
const org = (kind: string, over: Partial<OrganisationRef> = {}) => ({
  kind,
  hospitalId: null,
  municipalityCode: null,
  generalPracticeId: null,
  bodyId: null,
  ...over,
});
const ward = org("hospital_department", { hospitalId: "slagelse" });
const otherWard = org("hospital_department", { hospitalId: "holbaek" });
const secretariat = org("body_secretariat", { bodyId: "sjaelland-naestved" });
const otherSecretariat = org("body_secretariat", { bodyId: "sjaelland-holbaek" });
const open: FollowUpFact = {
  dischargingHospitalId: "slagelse",
  bodyId: "sjaelland-naestved",
  resolvedAt: null,
};

describe("the relations a medical follow-up item gives", () => {
  it("an open item relates the discharging hospital in full, and the body's secretariat by name", () => {
    expect(followUpRelation(ward, [open], DAY)).toBe("follow-up-discharging-hospital");
    expect(followUpRelation(secretariat, [open], DAY)).toBe("body-coordinator-no-gp");
    expect(scopeOf("follow-up-discharging-hospital")).toBe("full");
    expect(scopeOf("body-coordinator-no-gp")).toBe("basic");
  });

  it("relates nobody else: another hospital, another body, a municipality", () => {
    expect(followUpRelation(otherWard, [open], DAY)).toBeNull();
    expect(followUpRelation(otherSecretariat, [open], DAY)).toBeNull();
    expect(followUpRelation(org("municipality", { municipalityCode: "370" }), [open], DAY)).toBe(
      null,
    );
    expect(followUpRelation(org("body_secretariat"), [{ ...open, bodyId: null }], DAY)).toBe(null);
  });

  it("a resolved or closed item ends both relations at once", () => {
    const resolved = { ...open, resolvedAt: new Date(NOW.getTime() - 1) };
    expect(followUpRelation(ward, [resolved], DAY)).toBeNull();
    expect(followUpRelation(secretariat, [resolved], DAY)).toBeNull();
    // Another item still open keeps it.
    expect(followUpRelation(secretariat, [resolved, open], DAY)).toBe("body-coordinator-no-gp");
  });

  it("follows the municipality to the body holding it on the day: a cluster's item is the council's in 2027", () => {
    const council = org("body_secretariat", { bodyId: "sundhedsraad-midt-og-vestsjaelland" });
    const crossing: FollowUpFact = {
      ...open,
      holders: [
        { bodyId: "sjaelland-naestved", from: "2022-07-01", until: "2027-01-01" },
        { bodyId: "sundhedsraad-midt-og-vestsjaelland", from: "2027-01-01", until: null },
      ],
    };
    expect(followUpRelation(secretariat, [crossing], "2026-12-31")).toBe("body-coordinator-no-gp");
    expect(followUpRelation(council, [crossing], "2026-12-31")).toBeNull();
    expect(followUpRelation(council, [crossing], "2027-01-01")).toBe("body-coordinator-no-gp");
    expect(followUpRelation(secretariat, [crossing], "2027-01-01")).toBeNull();
    // No body holds the municipality that day: the item's own body still answers.
    expect(followUpRelation(secretariat, [{ ...open, holders: [] }], "2027-06-01")).toBe(
      "body-coordinator-no-gp",
    );
  });

  it("goes through the access decision: the body's coordinator gets the name, not the pathway", () => {
    const facts: CitizenFacts = {
      citizenId: "c",
      homeMunicipalityCode: "370",
      listedPracticeId: null,
      stays: [],
      consents: [],
      handovers: [],
      followUps: [open],
    };
    const actor = {
      kind: "staff" as const,
      userId: "u",
      membershipId: "m",
      role: "coordinator" as const,
      organisation: { id: "s", name: "Sekretariat", regionCode: null, ...secretariat } as never,
    };
    const policy = { hospitalAfterDischargeHours: 48, breakGlassMinutes: 60 };
    expect(decideCitizenAccess({ actor, facts, now: NOW, policy, needs: "basic" })).toMatchObject({
      allowed: true,
      relation: "body-coordinator-no-gp",
    });
    expect(decideCitizenAccess({ actor, facts, now: NOW, policy })).toMatchObject({
      allowed: false,
      problem: "basicOnly",
    });
  });
});
