import { describe, expect, it } from "vitest";
import type { Me } from "../access/session-api";
import { landingPath } from "./landing";

const me = (
  role: string,
  organisation: Partial<Me["memberships"][number]["organisation"]>,
): Me => ({
  user: { id: "u", username: "demo", displayName: "Demo", kind: "staff" },
  memberships: [
    {
      membershipId: "m1",
      role,
      organisation: {
        id: "o",
        name: "Org",
        kind: "body_secretariat",
        hospitalId: null,
        bodyId: null,
        regionCode: null,
        ...organisation,
      },
    },
  ],
  activeMembershipId: "m1",
  csrfToken: "x",
});

describe("where a user lands after login", () => {
  it("a body's lead lands on the body's dashboard", () => {
    expect(landingPath(me("body_lead", { bodyId: "sjaelland-naestved" }))).toBe(
      "/klynger/sjaelland-naestved/overblik",
    );
  });

  it("a regional committee member lands on Kvalitet comparing the region's bodies", () => {
    expect(landingPath(me("committee_member", { kind: "region", regionCode: "1085" }))).toBe(
      "/kvalitet?enhed=body&region=1085",
    );
  });

  it("everyone else lands on the front page", () => {
    expect(landingPath(me("coordinator", { bodyId: "sjaelland-naestved" }))).toBe("/");
    expect(landingPath({ ...me("body_lead", { bodyId: "x" }), activeMembershipId: null })).toBe(
      "/",
    );
  });
});
