import { describe, expect, it } from "vitest";
import type { Actor, OrganisationRef, Role } from "../access/model.ts";
import type { StayChange } from "../pathways/model.ts";
import {
  type FollowUpItem,
  followUpRecipients,
  NOT_NEEDED_MIN_REASON,
  opensFollowUp,
  resolutionProblem,
  resolveRefusal,
} from "./model.ts";

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
const staff = (organisation: OrganisationRef, role: Role = "coordinator"): Actor => ({
  kind: "staff",
  userId: "u",
  membershipId: "m",
  role,
  organisation,
});
const ward = org("hospital_department", { hospitalId: "slagelse" });
const secretariat = org("body_secretariat", { bodyId: "naestved" });
const item: FollowUpItem = {
  status: "open",
  dischargingHospitalId: "slagelse",
  bodyId: "naestved",
};
const change = (over: Partial<StayChange> = {}): StayChange => ({
  stayId: "s",
  citizenId: "c",
  hospitalId: "slagelse",
  departmentOrganisationId: "d",
  before: "admitted",
  after: "discharged",
  dischargedAt: new Date("2026-12-03T10:00:00Z"),
  diedAt: null,
  ...over,
});

describe("which discharge opens a medical follow-up item", () => {
  it("a new discharge of a living citizen without a listed GP", () => {
    expect(opensFollowUp(change(), { listedPracticeId: null, deceasedAt: null })).toBe(true);
    expect(
      opensFollowUp(change({ before: "on-leave" }), { listedPracticeId: null, deceasedAt: null }),
    ).toBe(true);
  });
  it("not with a listed GP (the GP's handover asks), not a revised discharge, not after a death", () => {
    expect(opensFollowUp(change(), { listedPracticeId: "gp", deceasedAt: null })).toBe(false);
    expect(
      opensFollowUp(change({ before: "discharged" }), { listedPracticeId: null, deceasedAt: null }),
    ).toBe(false);
    expect(
      opensFollowUp(change({ after: "deceased" }), { listedPracticeId: null, deceasedAt: null }),
    ).toBe(false);
    expect(
      opensFollowUp(change(), {
        listedPracticeId: null,
        deceasedAt: new Date("2026-11-30T08:00:00Z"),
      }),
    ).toBe(false);
    expect(opensFollowUp(change(), undefined)).toBe(false);
  });
});

describe("who may resolve an item", () => {
  it("the discharging hospital's clinicians and coordinators, and the body's coordinators", () => {
    expect(resolveRefusal(staff(ward, "clinician"), item)).toBeNull();
    expect(resolveRefusal(staff(ward, "coordinator"), item)).toBeNull();
    expect(resolveRefusal(staff(org("hospital", { hospitalId: "slagelse" })), item)).toBeNull();
    expect(resolveRefusal(staff(secretariat), item)).toBeNull();
  });
  it("nobody else, and nothing but an open item", () => {
    expect(resolveRefusal(staff(org("hospital_department", { hospitalId: "holbaek" })), item)).toBe(
      "notParty",
    );
    expect(resolveRefusal(staff(org("body_secretariat", { bodyId: "holbaek" })), item)).toBe(
      "notParty",
    );
    expect(resolveRefusal(staff(secretariat), { ...item, bodyId: null })).toBe("notParty");
    expect(resolveRefusal(staff(org("municipality", { municipalityCode: "370" })), item)).toBe(
      "notParty",
    );
    expect(resolveRefusal(staff(secretariat, "body_lead"), item)).toBe("role");
    expect(resolveRefusal({ kind: "citizen", userId: "c", citizenId: "c" }, item)).toBe("notStaff");
    expect(resolveRefusal(staff(ward), { ...item, status: "resolved" })).toBe("notOpen");
  });
});

describe("what a resolution must name", () => {
  const dept = { kind: "hospital_department", hospitalId: "slagelse" };
  it("an outpatient clinic of the discharging hospital", () => {
    expect(
      resolutionProblem({ kind: "outpatient-clinic", organisationId: "x" }, dept, item),
    ).toBeNull();
    expect(
      resolutionProblem(
        { kind: "outpatient-clinic", organisationId: "x" },
        { ...dept, hospitalId: "holbaek" },
        item,
      ),
    ).toMatchObject({ field: "organisationId", problem: "notOwnClinic" });
    expect(
      resolutionProblem({ kind: "outpatient-clinic", organisationId: "x" }, null, item),
    ).toMatchObject({
      problem: "notOwnClinic",
    });
  });
  it("a general practice of the register", () => {
    const gp = { kind: "general_practice", hospitalId: null };
    expect(resolutionProblem({ kind: "practice", organisationId: "x" }, gp, item)).toBeNull();
    expect(resolutionProblem({ kind: "practice", organisationId: "x" }, dept, item)).toMatchObject({
      field: "organisationId",
      problem: "notPractice",
    });
  });
  it("'not needed' with a reason of at least the minimum, blanks not counted", () => {
    const at = (n: number) => "x".repeat(n);
    expect(
      resolutionProblem({ kind: "not-needed", reason: at(NOT_NEEDED_MIN_REASON) }, null, item),
    ).toBeNull();
    expect(
      resolutionProblem({ kind: "not-needed", reason: at(NOT_NEEDED_MIN_REASON - 1) }, null, item),
    ).toMatchObject({
      field: "reason",
      problem: "reasonTooShort",
    });
    expect(
      resolutionProblem(
        { kind: "not-needed", reason: `  ${at(NOT_NEEDED_MIN_REASON - 1)}   ` },
        null,
        item,
      ),
    ).not.toBeNull();
  });
});

describe("whom an item's notices reach", () => {
  it("the discharging department and the answering body's secretariat, each once", () => {
    expect(followUpRecipients({ ward: "dept", secretariat: "sec" })).toEqual(["dept", "sec"]);
    expect(followUpRecipients({ ward: "same", secretariat: "same" })).toEqual(["same"]);
  });

  it("leaves out a party that is not there: no body holding the municipality, or it has ended", () => {
    expect(followUpRecipients({ ward: "dept", secretariat: null })).toEqual(["dept"]);
    expect(followUpRecipients({ ward: null, secretariat: "sec" })).toEqual(["sec"]);
    expect(followUpRecipients({ ward: null, secretariat: null })).toEqual([]);
  });
});
