import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALL_PEOPLE,
  type CitizenFixture,
  citizenFixture,
  expectNoPersonalData,
  PEOPLE,
  type Person,
} from "../support/citizen-fixture.ts";

let f: CitizenFixture;
beforeAll(async () => {
  f = await citizenFixture();
});
afterAll(async () => f?.demo.close());

const search = (as: string, cpr: string) =>
  f.call({
    as,
    method: "POST",
    url: "/api/citizens/search",
    payload: { cpr, purpose: "visitation" },
  });

describe("finding a citizen by CPR number", () => {
  it("is done in the body, never the URL", () => {
    // Every search (by CPR number, by name in the worklists) carries what it looks for in the body.
    const routes = f.demo.app.registeredRoutes.filter((r) => r.url.includes("search"));
    expect(routes.map((r) => r.url).sort()).toEqual([
      "/api/citizens/search",
      "/api/handovers/search",
    ]);
    expect(new Set(routes.map((r) => r.method))).toEqual(new Set(["POST"]));
  });

  it("returns only citizens the caller may see, and audits every search", async () => {
    const cases: [string, Person, boolean][] = [
      ["demo.visitator", "karen", true],
      ["demo.visitator", "bent", false],
      ["demo.sygeplejerske", "dora", true],
      ["demo.sygeplejerske", "erik", false],
      ["demo.laege", "karen", true],
      ["demo.laege", "gustav", false],
    ];
    for (const [as, person, visible] of cases) {
      for (const cpr of [PEOPLE[person].cpr, PEOPLE[person].cpr.replace("-", "")]) {
        const { response, rid } = await search(as, cpr);
        expect(response.statusCode, `${as} ${person}`).toBe(200);
        expect(response.json()).toEqual({ results: visible ? [{ id: f.ids[person] }] : [] });
        expectNoPersonalData(response.body, ALL_PEOPLE);
        expect(await f.auditOf(rid), `${as} ${person}`).toEqual([
          expect.objectContaining({
            action: "search",
            citizenId: f.ids[person],
            outcome: visible ? "allowed" : "denied",
            role: expect.any(String),
            organisationId: expect.any(String),
            purpose: "visitation",
          }),
        ]);
      }
    }
  });

  it("answers a citizen it may not see exactly like one that does not exist", async () => {
    const hidden = await search("demo.visitator", PEOPLE.bent.cpr);
    const absent = await search("demo.visitator", "010190-1111");
    expect(hidden.response.body).toBe(absent.response.body);
    expect(await f.auditOf(absent.rid)).toEqual([
      expect.objectContaining({ action: "search", citizenId: null, outcome: "allowed" }),
    ]);
  });

  it("refuses malformed numbers naming the field, and non-care roles and citizens", async () => {
    for (const cpr of ["300201-1234", "12345", "abcdefghij", ""]) {
      const { response } = await search("demo.visitator", cpr);
      expect(response.statusCode, cpr).toBe(400);
      expect(response.json().errors).toEqual([expect.objectContaining({ field: "cpr" })]);
    }
    for (const as of ["demo.klyngeleder", "demo.admin", "demo.borger", "demo.paaroerende"]) {
      const { response, rid } = await search(as, PEOPLE.karen.cpr);
      expect(response.statusCode, as).toBe(403);
      expectNoPersonalData(response.body, ALL_PEOPLE);
      expect(await f.auditOf(rid), as).toEqual([expect.objectContaining({ outcome: "denied" })]);
    }
  });
});

describe("malformed ids", () => {
  it("are refused with 400 naming the field, never 500", async () => {
    const cases: [string, "GET" | "POST" | "PUT", string, object | undefined, string][] = [
      ["demo.sygeplejerske", "GET", "/api/citizens/not-a-uuid", undefined, "id"],
      ["demo.sygeplejerske", "GET", "/api/citizens/1234", undefined, "id"],
      ["demo.borger", "GET", "/api/citizens/00000000-0000-0000-0000-00000000000g", undefined, "id"],
      [
        "demo.sygeplejerske",
        "POST",
        "/api/citizens/x/break-the-glass",
        { reason: "x".repeat(12) },
        "id",
      ],
      ["demo.borger", "POST", "/api/me/consents/%27;drop/revoke", undefined, "id"],
      [
        "demo.klyngekoordinator",
        "PUT",
        "/api/me/active-membership",
        { membershipId: 7 },
        "membershipId",
      ],
      [
        "demo.borger",
        "POST",
        "/api/me/consents",
        { relativeUsername: "demo.paaroerende", expiresAt: "tomorrow" },
        "expiresAt",
      ],
    ];
    for (const [as, method, url, payload, field] of cases) {
      const { response } = await f.call({ as, method, url, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(400);
      expect(response.json().errors, `${method} ${url}`).toEqual([
        expect.objectContaining({ field }),
      ]);
      expect(response.json().detail).toContain(field);
    }
  });

  it("of citizens that do not exist give 404, audited as a denial", async () => {
    const { response, rid } = await f.call({
      as: "demo.sygeplejerske",
      url: "/api/citizens/00000000-0000-4000-8000-000000000000",
    });
    expect(response.statusCode).toBe(404);
    expect(await f.auditOf(rid)).toEqual([
      expect.objectContaining({ outcome: "denied", citizenId: null, role: "clinician" }),
    ]);
  });
});

describe("logs", () => {
  it("never hold a CPR number or a name", () => {
    const logs = f.logLines.join("");
    expect(logs).toContain("request completed");
    expectNoPersonalData(logs, ALL_PEOPLE);
  });
});
