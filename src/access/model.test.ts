import { describe, expect, it } from "vitest";
import {
  type AccessPolicy,
  type Actor,
  afterFailure,
  type BreakGlassGrant,
  breakGlassExpiry,
  breakGlassRefusal,
  type CitizenFacts,
  decideCitizenAccess,
  isLocked,
  type OrganisationRef,
  type Role,
  sessionIsLive,
  type ThrottlePolicy,
} from "./model.ts";

const HOUR = 3_600_000;
const MINUTE = 60_000;
const NOW = new Date("2026-03-10T12:00:00Z");
const at = (hoursFromNow: number) => new Date(NOW.getTime() + hoursFromNow * HOUR);
const policy: AccessPolicy = { hospitalAfterDischargeHours: 48, breakGlassMinutes: 60 };

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
const homeNursing = org("municipal_unit", { municipalityCode: "370" });
const practice = org("general_practice", { generalPracticeId: "gp-1" });

const staff = (organisation: OrganisationRef, role: Role = "clinician"): Actor => ({
  kind: "staff",
  userId: "u-staff",
  membershipId: "m-1",
  role,
  organisation,
});

/** A citizen with no relations unless the test adds them. */
function facts(over: Partial<CitizenFacts> = {}): CitizenFacts {
  return {
    citizenId: "c-1",
    homeMunicipalityCode: null,
    listedPracticeId: null,
    stays: [],
    consents: [],
    handovers: [],
    ...over,
  };
}
const stay = (admittedHours: number, dischargedHours: number | null) => ({
  hospitalId: "slagelse",
  admittedAt: at(admittedHours),
  dischargedAt: dischargedHours === null ? null : at(dischargedHours),
});

function decide(actor: Actor, f: CitizenFacts, now = NOW, breakGlass: BreakGlassGrant[] = []) {
  return decideCitizenAccess({ actor, facts: f, now, policy, breakGlass });
}

describe("the hospital relation", () => {
  const admitted = facts({ stays: [stay(-24, null)] });

  it("holds during the stay, for the hospital and its departments only", () => {
    expect(decide(staff(ward), admitted)).toEqual({ allowed: true, relation: "hospital-stay" });
    expect(decide(staff(hospital, "coordinator"), admitted).allowed).toBe(true);
    expect(decide(staff(otherHospital), admitted).allowed).toBe(false);
    // A hospital id on an organisation that is not a hospital does not count.
    const odd = org("municipal_unit", { hospitalId: "slagelse", municipalityCode: "101" });
    expect(decide(staff(odd), admitted).allowed).toBe(false);
  });

  it("holds after discharge inside the window, and not from its end on", () => {
    const discharged = (hoursAgo: number) => facts({ stays: [stay(-100, -hoursAgo)] });
    expect(decide(staff(ward), discharged(1)).allowed).toBe(true);
    expect(decide(staff(ward), discharged(47.99)).allowed).toBe(true);
    expect(decide(staff(ward), discharged(48)).allowed).toBe(false);
    expect(decide(staff(ward), discharged(49)).allowed).toBe(false);
  });

  it("does not hold for an admission that has not begun yet", () => {
    expect(decide(staff(ward), facts({ stays: [stay(2, null)] })).allowed).toBe(false);
    expect(decide(staff(ward), facts({ stays: [stay(2, null)] }), at(3)).allowed).toBe(true);
  });

  it("holds if any one stay gives it", () => {
    const f = facts({ stays: [stay(-500, -400), { ...stay(-5, null), hospitalId: "holbaek" }] });
    expect(decide(staff(ward), f).allowed).toBe(false);
    expect(decide(staff(otherHospital), f).allowed).toBe(true);
  });
});

describe("the municipality and practice relations", () => {
  const f = facts({ homeMunicipalityCode: "370", listedPracticeId: "gp-1" });

  it("gives the home municipality and its units access", () => {
    expect(decide(staff(homeNursing, "coordinator"), f)).toEqual({
      allowed: true,
      relation: "home-municipality",
    });
    expect(decide(staff(org("municipality", { municipalityCode: "370" })), f).allowed).toBe(true);
    expect(decide(staff(homeNursing), { ...f, homeMunicipalityCode: "329" }).allowed).toBe(false);
    expect(decide(staff(homeNursing), { ...f, homeMunicipalityCode: null }).allowed).toBe(false);
    const secretariat = org("body_secretariat", { municipalityCode: "370" });
    expect(decide(staff(secretariat, "coordinator"), f).allowed).toBe(false);
  });

  it("gives the listed practice access, not another practice", () => {
    expect(decide(staff(practice), f)).toEqual({ allowed: true, relation: "listed-practice" });
    expect(decide(staff(practice), { ...f, listedPracticeId: "gp-2" }).allowed).toBe(false);
    expect(decide(staff(practice), { ...f, listedPracticeId: null }).allowed).toBe(false);
  });
});

describe("citizens and relatives", () => {
  it("lets a citizen see only themself", () => {
    const me: Actor = { kind: "citizen", userId: "u-c", citizenId: "c-1" };
    expect(decide(me, facts())).toEqual({ allowed: true, relation: "self" });
    expect(decide(me, facts({ citizenId: "c-2" })).allowed).toBe(false);
  });

  it("lets a relative in only on an active consent", () => {
    const relative: Actor = { kind: "relative", userId: "u-r" };
    const consent = (c: { granted?: number; expires?: number | null; revoked?: number | null }) =>
      facts({
        consents: [
          {
            relativeUserId: "u-r",
            grantedAt: at(c.granted ?? -10),
            expiresAt: c.expires == null ? null : at(c.expires),
            revokedAt: c.revoked == null ? null : at(c.revoked),
          },
        ],
      });
    expect(decide(relative, consent({}))).toEqual({ allowed: true, relation: "relative-consent" });
    expect(decide(relative, consent({ expires: 1 })).allowed).toBe(true);
    expect(decide(relative, consent({ expires: -1 })).allowed).toBe(false);
    expect(decide(relative, consent({ expires: 0 })).allowed).toBe(false);
    expect(decide(relative, consent({ revoked: -1 })).allowed).toBe(false);
    expect(decide(relative, consent({ revoked: 0 })).allowed).toBe(false);
    expect(decide(relative, consent({ granted: 1 })).allowed).toBe(false);
    expect(decide(relative, consent({ granted: 0 })).allowed).toBe(true);
    expect(decide({ kind: "relative", userId: "u-other" }, consent({})).allowed).toBe(false);
    expect(decide(relative, facts()).allowed).toBe(false);
  });
});

describe("roles and tokens", () => {
  const related = facts({ homeMunicipalityCode: "370", stays: [stay(-1, null)] });

  it("refuses the non-care roles even with a relation", () => {
    for (const role of ["body_lead", "committee_member", "administrator"] as const) {
      const decision = decide(staff(homeNursing, role), related);
      expect(decision).toEqual({
        allowed: false,
        reason: `the role ${role} does not give access to citizens`,
        problem: "roleNoCitizens",
      });
      expect(breakGlassRefusal(staff(ward, role), "patient unconscious in ER")?.reason).toMatch(
        role,
      );
    }
  });

  it("lets an integration token in through its organisation's relation", () => {
    const token: Actor = { kind: "token", tokenId: "t", scopes: [], organisation: ward };
    expect(decide(token, related)).toEqual({ allowed: true, relation: "hospital-stay" });
    expect(decide({ ...token, organisation: otherHospital }, related).allowed).toBe(false);
  });
});

describe("break-the-glass", () => {
  const stranger = facts({ homeMunicipalityCode: "101" });
  const grant = (over: Partial<BreakGlassGrant> = {}): BreakGlassGrant => ({
    userId: "u-staff",
    citizenId: "c-1",
    reason: "unconscious, no relatives reachable",
    expiresAt: at(1),
    ...over,
  });

  it("grants a stated, expiring access that is flagged as such", () => {
    expect(decide(staff(ward), stranger).allowed).toBe(false);
    expect(decide(staff(ward), stranger, NOW, [grant()])).toEqual({
      allowed: true,
      relation: "break-the-glass",
      breakGlassReason: "unconscious, no relatives reachable",
    });
    expect(decide(staff(ward), stranger, at(1), [grant()]).allowed).toBe(false);
    expect(decide(staff(ward), stranger, NOW, [grant({ userId: "u-other" })]).allowed).toBe(false);
    expect(decide(staff(ward), stranger, NOW, [grant({ citizenId: "c-2" })]).allowed).toBe(false);
    expect(decide(staff(ward, "body_lead"), stranger, NOW, [grant()]).allowed).toBe(false);
  });

  it("a real relation wins over a grant, so the audit does not flag it", () => {
    expect(
      decide(staff(homeNursing), facts({ homeMunicipalityCode: "370" }), NOW, [grant()]),
    ).toEqual({ allowed: true, relation: "home-municipality" });
  });

  it("needs staff in a care role and a reason of at least 10 characters", () => {
    expect(breakGlassRefusal(staff(ward), "  too short  ")).toEqual({
      reason: "the reason must be at least 10 characters",
      problem: "reasonTooShort",
    });
    expect(breakGlassRefusal(staff(ward), "0123456789")).toBeNull();
    expect(breakGlassRefusal(staff(ward, "coordinator"), "unconscious in ER")).toBeNull();
    expect(breakGlassRefusal({ kind: "relative", userId: "r" }, "unconscious in ER")?.problem).toBe(
      "staffOnly",
    );
    expect(breakGlassExpiry(NOW, policy)).toEqual(at(1));
  });
});

describe("session lifetimes", () => {
  const sessionPolicy = { idleMinutes: 30, absoluteHours: 12 };
  const session = (idleMinutes: number, expiresInHours = 6, ended: Date | null = null) => ({
    lastSeenAt: new Date(NOW.getTime() - idleMinutes * MINUTE),
    expiresAt: at(expiresInHours),
    endedAt: ended,
  });

  it("ends after the idle time, at the absolute expiry and at logout", () => {
    expect(sessionIsLive(session(0), NOW, sessionPolicy)).toBe(true);
    expect(sessionIsLive(session(29.9), NOW, sessionPolicy)).toBe(true);
    expect(sessionIsLive(session(30), NOW, sessionPolicy)).toBe(false);
    expect(sessionIsLive(session(0, 0), NOW, sessionPolicy)).toBe(false);
    expect(sessionIsLive(session(0, -1), NOW, sessionPolicy)).toBe(false);
    expect(sessionIsLive(session(0, 6, at(-1)), NOW, sessionPolicy)).toBe(false);
  });
});

describe("login throttling", () => {
  const throttle: ThrottlePolicy = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };
  const later = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);

  it("locks after the fifth failure within the window, for the lock time", () => {
    let state = afterFailure(undefined, NOW, throttle);
    expect(state).toEqual({ failures: 1, windowStartedAt: NOW, lockedUntil: null });
    for (let i = 2; i <= 4; i++) state = afterFailure(state, later(i), throttle);
    expect(state.failures).toBe(4);
    expect(isLocked(state, later(4))).toBe(false);
    state = afterFailure(state, later(5), throttle);
    expect(state).toEqual({ failures: 5, windowStartedAt: NOW, lockedUntil: later(20) });
    expect(isLocked(state, later(19.9))).toBe(true);
    expect(isLocked(state, later(20))).toBe(false);
    expect(isLocked(undefined, NOW)).toBe(false);
  });

  it("starts a new window once the old one has passed", () => {
    let state = afterFailure(undefined, NOW, throttle);
    for (let i = 1; i <= 3; i++) state = afterFailure(state, later(i), throttle);
    state = afterFailure(state, later(15), throttle);
    expect(state).toEqual({ failures: 1, windowStartedAt: later(15), lockedUntil: null });
  });
});
