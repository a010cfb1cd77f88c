import { describe, expect, it } from "vitest";
import { type DischargeStay, dischargeRefusal, wardWorkRefusal } from "./discharge-rule.ts";
import type { Actor, OrganisationRef, Role } from "./model.ts";

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
const otherWard = org("hospital_department", { hospitalId: "holbaek" });
const homeNursing = org("municipal_unit", { municipalityCode: "370" });
const practice = org("general_practice", { generalPracticeId: "gp-1" });
const secretariat = org("body_secretariat", { bodyId: "sjaelland-naestved" });

const staff = (organisation: OrganisationRef, role: Role): Actor => ({
  kind: "staff",
  userId: "u",
  membershipId: "m",
  role,
  organisation,
});
const admitted: DischargeStay = { hospitalId: "slagelse", status: "admitted" };

describe("who may discharge a stay and write the ward's note", () => {
  it("the ward's clinician and its discharge coordinator may (issue 21: the coordinator could not)", () => {
    expect(dischargeRefusal(staff(ward, "clinician"), admitted)).toBeNull();
    expect(dischargeRefusal(staff(ward, "coordinator"), admitted)).toBeNull();
    // Staff of the hospital as a whole, as the stay relation scopes it.
    expect(dischargeRefusal(staff(hospital, "coordinator"), admitted)).toBeNull();
    expect(dischargeRefusal(staff(ward, "coordinator"), { ...admitted, status: "on-leave" })).toBe(
      null,
    );
  });

  it("roles that give no care of citizens may not, and are told it is the role", () => {
    for (const role of ["body_lead", "committee_member", "administrator"] as const) {
      expect(dischargeRefusal(staff(ward, role), admitted)).toBe("role");
      expect(dischargeRefusal(staff(secretariat, role), admitted)).toBe("role");
    }
  });

  it("a municipality, a practice or a body's coordinator may not: not a hospital", () => {
    expect(dischargeRefusal(staff(homeNursing, "coordinator"), admitted)).toBe("notHospital");
    expect(dischargeRefusal(staff(practice, "clinician"), admitted)).toBe("notHospital");
    expect(dischargeRefusal(staff(secretariat, "coordinator"), admitted)).toBe("notHospital");
  });

  it("another hospital's ward may not", () => {
    expect(dischargeRefusal(staff(otherWard, "clinician"), admitted)).toBe("otherHospital");
    expect(
      dischargeRefusal(
        staff(org("hospital_department", { hospitalId: null }), "clinician"),
        admitted,
      ),
    ).toBe("otherHospital");
  });

  it("only a stay admitted or on leave is discharged", () => {
    for (const status of ["discharged", "deceased", "cancelled"] as const)
      expect(dischargeRefusal(staff(ward, "clinician"), { ...admitted, status })).toBe(
        "notAdmitted",
      );
  });

  it("a citizen, a relative or a token never discharges", () => {
    expect(dischargeRefusal({ kind: "citizen", userId: "c", citizenId: "x" }, admitted)).toBe(
      "notStaff",
    );
    expect(dischargeRefusal({ kind: "relative", userId: "r" }, admitted)).toBe("notStaff");
    expect(
      dischargeRefusal({ kind: "token", tokenId: "t", scopes: [], organisation: ward }, admitted),
    ).toBe("notStaff");
  });

  it("the note follows the same people, whatever the stay's state", () => {
    expect(wardWorkRefusal(staff(ward, "coordinator"), "slagelse")).toBeNull();
    expect(wardWorkRefusal(staff(ward, "body_lead"), "slagelse")).toBe("role");
    expect(wardWorkRefusal(staff(otherWard, "coordinator"), "slagelse")).toBe("otherHospital");
  });
});
