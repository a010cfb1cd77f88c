import { describe, expect, it } from "vitest";
import { BODY_COORDINATOR_RELATION_DAYS, type HandoverFact } from "./handover-relations.ts";
import {
  type AccessPolicy,
  type Actor,
  type CitizenFacts,
  decideCitizenAccess,
  type OrganisationRef,
  type RelationScope,
  type Role,
  scopeOf,
} from "./model.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date("2026-11-20T12:00:00Z");
const at = (hoursFromNow: number) => new Date(NOW.getTime() + hoursFromNow * HOUR);
const policy: AccessPolicy = { hospitalAfterDischargeHours: 48, breakGlassMinutes: 60 };
const WINDOW = BODY_COORDINATOR_RELATION_DAYS * DAY;

function org(kind: OrganisationRef["kind"], over: Partial<OrganisationRef> = {}): OrganisationRef {
  return {
    id: `org-${kind}`,
    name: kind,
    kind,
    hospitalId: null,
    municipalityCode: null,
    generalPracticeId: null,
    bodyId: null,
    regionCode: null,
    ...over,
  };
}
const ward = org("hospital_department", { hospitalId: "slagelse" });
const hospital = org("hospital", { hospitalId: "slagelse" });
const otherHospital = org("hospital", { hospitalId: "holbaek" });
const naestved = org("municipal_unit", { municipalityCode: "370" });
const slagelse = org("municipality", { municipalityCode: "330" });
const practice = org("general_practice", { generalPracticeId: "gp-1" });
const cluster = org("body_secretariat", { bodyId: "naestved-slagelse" });
const otherCluster = org("body_secretariat", { bodyId: "holbaek" });
const council = org("body_secretariat", { bodyId: "raad-midt-vest" });

const staff = (organisation: OrganisationRef, role: Role = "coordinator"): Actor => ({
  kind: "staff",
  userId: "u-staff",
  membershipId: "m-1",
  role,
  organisation,
});

/**
 * A citizen who lives in 372 (no relation to Næstved), has no GP listed,
 * and was discharged from Slagelse ten days ago: the hospital's 48 hours
 * after discharge have long passed, so only the handovers can relate anyone.
 */
function facts(...handovers: HandoverFact[]): CitizenFacts {
  return {
    citizenId: "c-1",
    homeMunicipalityCode: "372",
    listedPracticeId: null,
    stays: [{ hospitalId: "slagelse", admittedAt: at(-300), dischargedAt: at(-240) }],
    consents: [],
    handovers,
  };
}
function handover(over: Partial<HandoverFact> = {}): HandoverFact {
  return {
    status: "open",
    sector: "municipality",
    dischargingHospitalId: "slagelse",
    receiverMunicipalityCode: "370",
    receiverPracticeId: null,
    resolvedAt: null,
    calls: [],
    ...over,
  };
}
const overdue = (bodyId = "naestved-slagelse", hours = -200) => ({
  bodyId,
  cause: "overdue" as const,
  at: at(hours),
});
const declined = (bodyId = "naestved-slagelse", hours = -150) => ({
  bodyId,
  cause: "declined" as const,
  at: at(hours),
});

function decide(actor: Actor, f: CitizenFacts, now = NOW, needs: RelationScope = "full") {
  return decideCitizenAccess({ actor, facts: f, now, policy, needs });
}
const relationOf = (actor: Actor, f: CitizenFacts, now = NOW, needs: RelationScope = "basic") => {
  const d = decide(actor, f, now, needs);
  return d.allowed ? d.relation : null;
};

describe("an open handover, for the discharging hospital", () => {
  it("holds after the hospital's own time after discharge has passed, for the hospital and its departments", () => {
    expect(relationOf(staff(ward), facts())).toBeNull();
    const open = facts(handover());
    expect(decide(staff(ward, "clinician"), open)).toEqual({
      allowed: true,
      relation: "handover-discharging-hospital",
    });
    expect(relationOf(staff(hospital), open)).toBe("handover-discharging-hospital");
    // A full relation: the course of care, not only the name.
    expect(scopeOf("handover-discharging-hospital")).toBe("full");
  });

  it("holds while declined (it waits to be sent on), not once confirmed or closed", () => {
    expect(relationOf(staff(ward), facts(handover({ status: "declined" })))).toBe(
      "handover-discharging-hospital",
    );
    for (const status of ["confirmed", "closed"] as const)
      expect(relationOf(staff(ward), facts(handover({ status, resolvedAt: at(-1) })))).toBeNull();
  });

  it("gives another hospital nothing, nor an organisation that is no hospital", () => {
    expect(relationOf(staff(otherHospital), facts(handover()))).toBeNull();
    const odd = org("municipal_unit", { hospitalId: "slagelse", municipalityCode: "101" });
    expect(relationOf(staff(odd), facts(handover()))).toBeNull();
  });

  it("gives the ordinary stay relation first while it lasts", () => {
    const fresh = { ...facts(handover()), stays: [{ ...facts().stays[0], dischargedAt: at(-1) }] };
    expect(relationOf(staff(ward), fresh as CitizenFacts)).toBe("hospital-stay");
  });
});

describe("an open handover, for the receiver", () => {
  it("holds for the receiving municipality and its units while open or declined", () => {
    expect(relationOf(staff(naestved), facts(handover()))).toBe("handover-receiver");
    const municipality = org("municipality", { municipalityCode: "370" });
    expect(relationOf(staff(municipality), facts(handover({ status: "declined" })))).toBe(
      "handover-receiver",
    );
    expect(
      relationOf(staff(naestved), facts(handover({ status: "confirmed", resolvedAt: at(-1) }))),
    ).toBeNull();
    expect(
      relationOf(staff(naestved), facts(handover({ status: "closed", resolvedAt: at(-1) }))),
    ).toBeNull();
    expect(scopeOf("handover-receiver")).toBe("full");
  });

  it("moves with a reroute: the new receiver has it, the one before does not", () => {
    const rerouted = facts(handover({ receiverMunicipalityCode: "330", calls: [declined()] }));
    expect(relationOf(staff(slagelse), rerouted)).toBe("handover-receiver");
    expect(relationOf(staff(naestved), rerouted)).toBeNull();
  });

  it("holds for the receiving practice on a GP handover, and a municipality is no GP's receiver", () => {
    const gp = handover({
      sector: "general-practice",
      receiverMunicipalityCode: null,
      receiverPracticeId: "gp-1",
    });
    expect(relationOf(staff(practice, "clinician"), facts(gp))).toBe("handover-receiver");
    expect(
      relationOf(staff(org("general_practice", { generalPracticeId: "gp-2" })), facts(gp)),
    ).toBeNull();
    const sameCode = { ...gp, receiverMunicipalityCode: "370" };
    expect(relationOf(staff(naestved), facts(sameCode))).toBeNull();
  });
});

describe("a call to a body's coordinators", () => {
  it("gives nothing before there is one: an open handover is not the body's to see", () => {
    expect(relationOf(staff(cluster), facts(handover()))).toBeNull();
  });

  it("gives the coordinators of the body called the name while the handover is unresolved", () => {
    expect(relationOf(staff(cluster), facts(handover({ calls: [overdue()] })))).toBe(
      "body-coordinator-overdue",
    );
    expect(
      relationOf(staff(cluster), facts(handover({ status: "declined", calls: [declined()] }))),
    ).toBe("body-coordinator-declined-municipality");
    const gp = handover({
      status: "declined",
      sector: "general-practice",
      receiverMunicipalityCode: null,
      receiverPracticeId: "gp-1",
      calls: [declined()],
    });
    expect(relationOf(staff(cluster), facts(gp))).toBe("body-coordinator-declined-practice");
  });

  it("says the latest call: escalated and then declined is a decline", () => {
    const both = handover({ status: "declined", calls: [overdue(), declined()] });
    expect(relationOf(staff(cluster), facts(both))).toBe("body-coordinator-declined-municipality");
  });

  it("still holds once the handover is sent on after a decline, until it is resolved", () => {
    const rerouted = handover({ receiverMunicipalityCode: "330", calls: [declined()] });
    expect(relationOf(staff(cluster), facts(rerouted))).toBe(
      "body-coordinator-declined-municipality",
    );
  });

  it("ends the window's length after the handover is confirmed or closed: just before, at, after", () => {
    for (const status of ["confirmed", "closed"] as const) {
      const resolved = facts(handover({ status, resolvedAt: at(-1), calls: [overdue()] }));
      const since = (ms: number) => new Date(at(-1).getTime() + ms);
      expect(relationOf(staff(cluster), resolved, since(0))).toBe("body-coordinator-overdue");
      expect(relationOf(staff(cluster), resolved, since(WINDOW - 1))).toBe(
        "body-coordinator-overdue",
      );
      expect(relationOf(staff(cluster), resolved, since(WINDOW))).toBeNull();
      expect(relationOf(staff(cluster), resolved, since(WINDOW + DAY))).toBeNull();
    }
  });

  it("gives the name and basic facts only: not the course of care, unless the glass is broken", () => {
    const called = facts(handover({ calls: [overdue()] }));
    expect(scopeOf("body-coordinator-overdue")).toBe("basic");
    expect(decide(staff(cluster), called, NOW, "full")).toEqual({
      allowed: false,
      reason: "your organisation's relation gives the citizen's name and basic facts only",
      problem: "basicOnly",
    });
    const glass = decideCitizenAccess({
      actor: staff(cluster),
      facts: called,
      now: NOW,
      policy,
      needs: "full",
      breakGlass: [{ userId: "u-staff", citizenId: "c-1", reason: "the reason", expiresAt: at(1) }],
    });
    expect(glass).toMatchObject({ allowed: true, relation: "break-the-glass" });
  });

  it("gives another body, the body's lead and a body without a call nothing", () => {
    const called = facts(handover({ calls: [overdue()] }));
    expect(relationOf(staff(otherCluster), called)).toBeNull();
    expect(decide(staff(cluster, "body_lead"), called, NOW, "basic")).toMatchObject({
      allowed: false,
      problem: "roleNoCitizens",
    });
    // The council that took over the municipality later was not called (see the README).
    expect(relationOf(staff(council), called)).toBeNull();
    // A secretariat without a body, and a hospital, are not coordinators.
    expect(relationOf(staff(org("body_secretariat")), called)).toBeNull();
    expect(relationOf(staff(otherHospital), called)).toBeNull();
  });

  it("holds through any one of several handovers", () => {
    const old = handover({
      status: "confirmed",
      resolvedAt: at(-WINDOW / HOUR - 1),
      calls: [overdue()],
    });
    expect(relationOf(staff(cluster), facts(old))).toBeNull();
    expect(relationOf(staff(cluster), facts(old, handover({ calls: [declined()] })))).toBe(
      "body-coordinator-declined-municipality",
    );
  });

  it("reaches an integration token of the secretariat too, for the name only", () => {
    const token: Actor = { kind: "token", tokenId: "t", scopes: [], organisation: cluster };
    const called = facts(handover({ calls: [overdue()] }));
    expect(decide(token, called, NOW, "basic")).toEqual({
      allowed: true,
      relation: "body-coordinator-overdue",
    });
    expect(decide(token, called, NOW, "full")).toMatchObject({
      allowed: false,
      problem: "basicOnly",
    });
  });
});
