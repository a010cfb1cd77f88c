import { describe, expect, it } from "vitest";
import { landingPath } from "./landing";
import type { Me } from "./session-api";

const me = (
  kind: Me["user"]["kind"],
  role: string | null,
  organisation: Partial<Me["memberships"][number]["organisation"]> = {},
): Me => ({
  user: { id: "u", username: "demo", displayName: "Demo", kind },
  memberships: role
    ? [
        {
          membershipId: "m1",
          role,
          organisation: {
            id: "o",
            name: "Org",
            kind: "hospital_department",
            hospitalId: null,
            bodyId: null,
            regionCode: null,
            ...organisation,
          },
        },
      ]
    : [],
  activeMembershipId: role ? "m1" : null,
  csrfToken: "x",
});

describe("where each role lands after login (issue 21)", () => {
  it("hospital, municipality and GP staff land on the worklist, in either care role", () => {
    for (const kind of ["hospital_department", "municipal_unit", "general_practice"])
      for (const role of ["clinician", "coordinator"])
        expect(landingPath(me("staff", role, { kind }))).toBe("/arbejdsliste");
  });

  it("a body's coordinator lands on the worklist of what was escalated or declined", () => {
    expect(landingPath(me("staff", "coordinator", { kind: "body_secretariat", bodyId: "b" }))).toBe(
      "/arbejdsliste",
    );
  });

  it("leadership lands on the body's dashboard; a regional committee member on Kvalitet", () => {
    expect(
      landingPath(
        me("staff", "body_lead", { kind: "body_secretariat", bodyId: "sjaelland-naestved" }),
      ),
    ).toBe("/klynger/sjaelland-naestved/overblik");
    expect(
      landingPath(me("staff", "committee_member", { kind: "body_secretariat", bodyId: "x" })),
    ).toBe("/klynger/x/overblik");
    expect(
      landingPath(me("staff", "committee_member", { kind: "region", regionCode: "1085" })),
    ).toBe("/kvalitet?enhed=body&region=1085");
  });

  it("the citizen and the relative land on their own course of care", () => {
    expect(landingPath(me("citizen", null))).toBe("/mit-forloeb");
    expect(landingPath(me("relative", null))).toBe("/mit-forloeb");
  });

  it("an administrator lands on the users; staff with no chosen membership on the front page", () => {
    expect(landingPath(me("staff", "administrator", { kind: "hospital" }))).toBe("/admin/brugere");
    expect(landingPath({ ...me("staff", "clinician"), activeMembershipId: null })).toBe("/");
  });
});
