import { describe, expect, it } from "vitest";
import {
  type AdministratorScope,
  accountRefusal,
  inTreeOf,
  membershipRefusal,
  type OrganisationNode,
  organisationRefusal,
} from "./administration-model.ts";
import type { ROLES } from "./model.ts";

/** A small structure: a region, a hospital with a ward, a municipality with a unit, a practice. */
const region: OrganisationNode = { id: "region", kind: "region", parentId: null };
const secretariat: OrganisationNode = { id: "sec", kind: "body_secretariat", parentId: null };
const hospital: OrganisationNode = { id: "slagelse", kind: "hospital", parentId: null };
const ward: OrganisationNode = { id: "ward", kind: "hospital_department", parentId: "slagelse" };
const otherHospital: OrganisationNode = { id: "aarhus", kind: "hospital", parentId: null };
const otherWard: OrganisationNode = {
  id: "aarhus-ward",
  kind: "hospital_department",
  parentId: "aarhus",
};
const municipality: OrganisationNode = { id: "naestved", kind: "municipality", parentId: null };
const unit: OrganisationNode = { id: "home", kind: "municipal_unit", parentId: "naestved" };
const practice: OrganisationNode = { id: "gp", kind: "general_practice", parentId: "naestved" };
/** What the store gives: an organisation, then its ancestors. */
const chain = {
  region: [region],
  secretariat: [secretariat],
  hospital: [hospital],
  ward: [ward, hospital],
  otherHospital: [otherHospital],
  otherWard: [otherWard, otherHospital],
  municipality: [municipality],
  unit: [unit, municipality],
  practice: [practice, municipality],
};

const as = (organisation: OrganisationNode, userId = "admin"): AdministratorScope => ({
  userId,
  organisation,
});

describe("the organisation tree", () => {
  it("holds the root and its descendants, and nothing beside or above them", () => {
    expect(inTreeOf("slagelse", chain.hospital)).toBe(true);
    expect(inTreeOf("slagelse", chain.ward)).toBe(true);
    expect(inTreeOf("ward", chain.ward)).toBe(true);
    expect(inTreeOf("ward", chain.hospital)).toBe(false);
    expect(inTreeOf("slagelse", chain.otherWard)).toBe(false);
    expect(inTreeOf("slagelse", [])).toBe(false);
  });
});

describe("which organisations an administrator administers", () => {
  it("their own organisation and the units under it", () => {
    expect(organisationRefusal(as(hospital), chain.hospital)).toBeNull();
    expect(organisationRefusal(as(hospital), chain.ward)).toBeNull();
    expect(organisationRefusal(as(ward), chain.ward)).toBeNull();
    expect(organisationRefusal(as(municipality), chain.unit)).toBeNull();
    expect(organisationRefusal(as(municipality), chain.practice)).toBeNull();
    expect(organisationRefusal(as(practice), chain.practice)).toBeNull();
  });

  it("not another hospital's department, not the parent, not a sibling's tree", () => {
    expect(organisationRefusal(as(hospital), chain.otherWard)?.problem).toBe("outsideTree");
    expect(organisationRefusal(as(hospital), chain.otherHospital)?.problem).toBe("outsideTree");
    expect(organisationRefusal(as(ward), chain.hospital)?.problem).toBe("outsideTree");
    expect(organisationRefusal(as(hospital), chain.municipality)?.problem).toBe("outsideTree");
    expect(organisationRefusal(as(unit), chain.practice)?.problem).toBe("outsideTree");
  });

  it("never a region or a body secretariat, not even one's own: those are the operator's", () => {
    expect(organisationRefusal(as(region), chain.region)?.problem).toBe("operatorOnly");
    expect(organisationRefusal(as(secretariat), chain.secretariat)?.problem).toBe("operatorOnly");
    expect(organisationRefusal(as(hospital), chain.region)?.problem).toBe("operatorOnly");
  });

  it("gives a region's administrator nothing in the region's hospitals and municipalities", () => {
    // Even if a hospital hung under its region in the tree, the region's administrator is not theirs.
    const hospitalUnderRegion = [{ ...hospital, parentId: "region" }, region];
    expect(organisationRefusal(as(region), hospitalUnderRegion)?.problem).toBe("operatorOnly");
    expect(organisationRefusal(as(region), chain.ward)?.problem).toBe("operatorOnly");
    expect(organisationRefusal(as(region), chain.municipality)?.problem).toBe("operatorOnly");
  });

  it("refuses a kind it does not know (a committee or council added later) and an empty chain", () => {
    const council = { id: "council", kind: "council", parentId: null };
    expect(organisationRefusal(as(council), [council])?.problem).toBe("operatorOnly");
    expect(organisationRefusal(as(hospital), [])?.problem).toBe("operatorOnly");
  });
});

describe("granting and revoking roles", () => {
  const grant = (
    scope: AdministratorScope,
    organisation: readonly OrganisationNode[],
    role: (typeof ROLES)[number],
    subjectUserId = "someone",
    change: "grant" | "revoke" = "grant",
  ) => membershipRefusal({ scope, subjectUserId, chain: organisation, role, change })?.problem;

  it("lets an administrator give another user a care or administrator role in their tree", () => {
    for (const role of ["clinician", "coordinator", "administrator"] as const) {
      expect(grant(as(hospital), chain.ward, role)).toBeUndefined();
      expect(grant(as(hospital), chain.hospital, role)).toBeUndefined();
    }
  });

  it("keeps body lead and committee member for the operator", () => {
    expect(grant(as(hospital), chain.ward, "body_lead")).toBe("roleNotGrantable");
    expect(grant(as(hospital), chain.ward, "committee_member")).toBe("roleNotGrantable");
  });

  it("refuses every self-grant: a care role, and administrator of a unit below", () => {
    expect(grant(as(hospital), chain.ward, "clinician", "admin")).toBe("selfGrant");
    expect(grant(as(hospital), chain.ward, "coordinator", "admin")).toBe("selfGrant");
    expect(grant(as(hospital), chain.ward, "administrator", "admin")).toBe("selfGrant");
  });

  it("lets a second administrator of the organisation give the first a care role", () => {
    expect(grant(as(hospital, "second"), chain.ward, "clinician", "admin")).toBeUndefined();
  });

  it("lets an administrator give up their own role, but revoke nothing outside the tree", () => {
    expect(grant(as(hospital), chain.ward, "administrator", "admin", "revoke")).toBeUndefined();
    expect(grant(as(hospital), chain.otherWard, "clinician", "x", "revoke")).toBe("outsideTree");
    expect(grant(as(hospital), chain.region, "administrator", "x", "revoke")).toBe("operatorOnly");
  });

  it("checks the organisation before the role and the person", () => {
    expect(grant(as(region), chain.region, "clinician", "admin")).toBe("operatorOnly");
    expect(grant(as(hospital), chain.otherWard, "body_lead", "admin")).toBe("outsideTree");
  });
});

describe("managing accounts (password reset, disabling)", () => {
  const account = (
    scope: AdministratorScope,
    membershipChains: (readonly OrganisationNode[])[],
    subjectUserId = "someone",
  ) => accountRefusal({ scope, subjectUserId, membershipChains })?.problem;

  it("covers a user whose every role lies in the administrator's tree", () => {
    expect(account(as(hospital), [chain.ward])).toBeUndefined();
    expect(account(as(hospital), [chain.ward, chain.hospital])).toBeUndefined();
  });

  it("not a user with a role elsewhere too, or with no role at all", () => {
    expect(account(as(hospital), [chain.ward, chain.otherWard])).toBe("notAdministeredUser");
    expect(account(as(hospital), [chain.ward, chain.region])).toBe("notAdministeredUser");
    expect(account(as(hospital), [])).toBe("notAdministeredUser");
    expect(account(as(ward), [chain.hospital])).toBe("notAdministeredUser");
  });

  it("not the administrator's own account", () => {
    expect(account(as(hospital), [chain.ward], "admin")).toBe("ownAccount");
  });
});
