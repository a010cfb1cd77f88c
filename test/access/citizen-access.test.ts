import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCitizenAccess } from "../../src/access/citizen-access.ts";
import type { Actor } from "../../src/access/model.ts";
import { createApp } from "../../src/app/server.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createCitizenService } from "../../src/citizens/service.ts";
import type { Database } from "../../src/platform/db/database.ts";
import { authHeaders, testConfig } from "../support/access.ts";
import {
  ALL_PEOPLE,
  type CitizenFixture,
  citizenFixture,
  expectNoPersonalData,
  fixtureAccess,
  PEOPLE,
  type Person,
} from "../support/citizen-fixture.ts";

let f: CitizenFixture;
beforeAll(async () => {
  f = await citizenFixture();
});
afterAll(async () => f?.demo.close());

type Expected = { relation: string } | { denied: "TOV_ERR_NO_RELATION" | "TOV_ERR_FORBIDDEN" };

/** Reads a citizen as a demo user; checks the answer and the one audit row it wrote. */
async function read(as: string, person: Person, expected: Expected) {
  const what = `${as} reading ${person}`;
  const { response, rid } = await f.call({ as, url: `/api/citizens/${f.ids[person]}` });
  const rows = await f.auditOf(rid);
  expect(rows, what).toHaveLength(1);
  const row = rows[0]!;
  if ("relation" in expected) {
    expect(response.statusCode, what).toBe(200);
    expect(response.json()).toMatchObject({
      id: f.ids[person],
      name: PEOPLE[person].name,
      cpr: PEOPLE[person].cpr.replace("-", ""),
    });
    expect(row, what).toMatchObject({
      outcome: "allowed",
      relation: expected.relation,
      citizenId: f.ids[person],
      action: "read",
    });
    expectNoPersonalData(
      response.body,
      ALL_PEOPLE.filter((p) => p !== person),
    );
  } else {
    expect(response.statusCode, what).toBe(403);
    expect(response.json().code, what).toBe(expected.denied);
    expect(row, what).toMatchObject({ outcome: "denied", relation: null, breakGlass: false });
    expectNoPersonalData(response.body, ALL_PEOPLE);
  }
  return row;
}

describe("who sees which citizen", () => {
  it("the hospital during the stay and inside the window after discharge, not after", async () => {
    const row = await read("demo.sygeplejerske", "karen", { relation: "hospital-stay" });
    expect(row).toMatchObject({
      actorKind: "staff",
      role: "clinician",
      organisationId: expect.any(String),
      organisationName: "Slagelse Sygehus, Medicinsk Afdeling",
    });
    await read("demo.udskrivning", "karen", { relation: "hospital-stay" });
    await read("demo.sygeplejerske", "dora", { relation: "hospital-stay" }); // 47 h ago
    await read("demo.sygeplejerske", "erik", { denied: "TOV_ERR_NO_RELATION" }); // 49 h ago
    // 15 days ago, but his handovers are still open: the hospital holds on to him (issue 21).
    await read("demo.sygeplejerske", "bent", { relation: "handover-discharging-hospital" });
  });

  it("with the default window of 30 days, the hospital still sees Bent", async () => {
    const app = await createApp(f.demo.database, {
      masterKey: f.demo.masterKey,
      config: testConfig(),
    });
    try {
      const response = await app.inject({
        method: "GET",
        url: `/api/citizens/${f.ids.bent}`,
        headers: authHeaders(await f.demo.sessionOf("demo.sygeplejerske")),
      });
      expect(response.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("the home municipality, the listed practice, the citizen and consenting relatives", async () => {
    const row = await read("demo.visitator", "karen", { relation: "home-municipality" });
    expect(row).toMatchObject({
      role: "coordinator",
      organisationName: "Næstved Kommune, Hjemmesygeplejen",
    });
    await read("demo.visitator", "bent", { denied: "TOV_ERR_NO_RELATION" });
    await read("demo.visitator", "dora", { denied: "TOV_ERR_NO_RELATION" });
    await read("demo.laege", "karen", { relation: "listed-practice" });
    await read("demo.laege", "bent", { denied: "TOV_ERR_NO_RELATION" });
    const self = await read("demo.borger", "karen", { relation: "self" });
    expect(self).toMatchObject({ actorKind: "citizen", organisationId: null, role: null });
    await read("demo.borger", "bent", { denied: "TOV_ERR_NO_RELATION" });
    await read("demo.paaroerende", "karen", { relation: "relative-consent" });
    for (const p of ["freja", "gustav", "bent"] as const) {
      await read("demo.paaroerende", p, { denied: "TOV_ERR_NO_RELATION" });
    }
  });

  it("nobody in a non-care role, even where the organisation has a relation", async () => {
    const roles = [
      ["demo.klyngeleder", "body_lead"],
      ["demo.udvalg", "committee_member"],
      ["demo.admin", "administrator"],
    ] as const;
    for (const [as, role] of roles) {
      const row = await read(as, "karen", { denied: "TOV_ERR_FORBIDDEN" });
      expect(row).toMatchObject({ actorKind: "staff", role, organisationId: expect.any(String) });
    }
  });
});

describe("break-the-glass", () => {
  const glass = (as: string, person: Person, payload: object) =>
    f.call({ as, method: "POST", url: `/api/citizens/${f.ids[person]}/break-the-glass`, payload });

  it("needs a reason, is flagged in the audit, and ends when it expires", async () => {
    for (const payload of [{}, { reason: "akut" }]) {
      const { response } = await glass("demo.sygeplejerske", "erik", payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        expect.objectContaining({ in: "body", field: "reason" }),
      ]);
    }
    const reason = "Bevidstløs i akutmodtagelsen, ingen pårørende";
    const { response, rid } = await glass("demo.sygeplejerske", "erik", { reason });
    expect(response.statusCode, response.body).toBe(201);
    expect(await f.auditOf(rid)).toEqual([
      expect.objectContaining({ action: "break-the-glass", breakGlass: true, outcome: "allowed" }),
    ]);
    const expiresIn = new Date(response.json().expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(59 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(60 * 60_000);

    const row = await read("demo.sygeplejerske", "erik", { relation: "break-the-glass" });
    expect(row).toMatchObject({ breakGlass: true, breakGlassReason: reason, role: "clinician" });
    // The grant is personal: a colleague in the same ward still has no access.
    await read("demo.udskrivning", "erik", { denied: "TOV_ERR_NO_RELATION" });

    await f.demo.database.db
      .updateTable("breakGlass")
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where("citizenId", "=", f.ids.erik)
      .execute();
    await read("demo.sygeplejerske", "erik", { denied: "TOV_ERR_NO_RELATION" });
  });

  it("is refused to non-care roles and for unknown citizens", async () => {
    const payload = { reason: "Bevidstløs i akutmodtagelsen" };
    expect((await glass("demo.klyngeleder", "bent", payload)).response.statusCode).toBe(403);
    const unknown = await f.call({
      as: "demo.sygeplejerske",
      method: "POST",
      url: "/api/citizens/00000000-0000-4000-8000-000000000000/break-the-glass",
      payload,
    });
    expect(unknown.response.statusCode).toBe(404);
  });
});

describe("the citizen's access log", () => {
  it("lists who read the citizen's data: organisation, role, relation, glass flag", async () => {
    // Acting for the body secretariat, the body coordinator has no relation to Karen.
    const me = (await f.call({ as: "demo.klyngekoordinator", url: "/api/me" })).response.json();
    const secretariat = me.memberships.find(
      (m: { organisation: { kind: string } }) => m.organisation.kind === "body_secretariat",
    );
    const chosen = await f.call({
      as: "demo.klyngekoordinator",
      method: "PUT",
      url: "/api/me/active-membership",
      payload: { membershipId: secretariat.membershipId },
    });
    expect(chosen.response.statusCode).toBe(200);
    await read("demo.klyngekoordinator", "karen", { denied: "TOV_ERR_NO_RELATION" });
    const reason = "Borgeren ringede, akut behov for overblik";
    const glass = await f.call({
      as: "demo.klyngekoordinator",
      method: "POST",
      url: `/api/citizens/${f.ids.karen}/break-the-glass`,
      payload: { reason },
    });
    expect(glass.response.statusCode).toBe(201);
    await read("demo.klyngekoordinator", "karen", { relation: "break-the-glass" });

    const { response, rid } = await f.call({ as: "demo.borger", url: "/api/me/access-log" });
    expect(response.statusCode).toBe(200);
    expect(await f.auditOf(rid)).toEqual([
      expect.objectContaining({ resource: "access-log", citizenId: f.ids.karen }),
    ]);
    const karin = "Karin Koordinator (demo)";
    expect(response.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          userName: "Sofie Sygeplejerske (demo)",
          organisationName: "Slagelse Sygehus, Medicinsk Afdeling",
          role: "clinician",
          relation: "hospital-stay",
          outcome: "allowed",
          breakGlass: false,
        }),
        expect.objectContaining({
          userName: "Villads Visitator (demo)",
          relation: "home-municipality",
        }),
        expect.objectContaining({ userName: "Lars Læge (demo)", relation: "listed-practice" }),
        expect.objectContaining({
          userName: "Peter Pårørende (demo)",
          relation: "relative-consent",
        }),
        expect.objectContaining({ userName: karin, outcome: "denied", breakGlass: false }),
        expect.objectContaining({ userName: karin, breakGlass: true, breakGlassReason: reason }),
      ]),
    );
    expectNoPersonalData(response.body, ["bent", "dora", "erik", "freja", "gustav"]);
  });

  it("is for the citizen only", async () => {
    const { response } = await f.call({ as: "demo.paaroerende", url: "/api/me/access-log" });
    expect(response.statusCode).toBe(403);
  });
});

describe("reading many citizens at once (worklists)", () => {
  /** The ward nurse as an actor, and the citizen service over `db`. */
  async function asWardNurse(db: Database = f.demo.database.db) {
    const access = createCitizenAccess(db, fixtureAccess);
    const citizens = createCitizenService(db, createCipher(f.demo.masterKey), access);
    const organisation = await db
      .selectFrom("organisation")
      .selectAll()
      .where("name", "=", "Slagelse Sygehus, Medicinsk Afdeling")
      .executeTakeFirstOrThrow();
    const nurse = await db
      .selectFrom("appUser as u")
      .innerJoin("membership as m", "m.userId", "u.id")
      .select(["u.id", "m.id as membershipId"])
      .where("u.username", "=", "demo.sygeplejerske")
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      kind: "staff",
      userId: nurse.id,
      membershipId: nurse.membershipId,
      role: "clinician",
      organisation,
    };
    return { access, citizens, actor, nurse, organisation };
  }

  it("decides and audits each exactly as one read at a time would", async () => {
    const { access, citizens, actor, nurse, organisation } = await asWardNurse();
    const people = ["karen", "dora", "erik", "bent", "gustav"] as const;
    const reason = "Akut: borgeren kom ind via skadestuen i nat";
    await access.breakGlass({ actor, requestId: "batch-glass" }, f.ids.gustav, reason);
    const requestId = `batch-${Date.now()}`;
    const names = await citizens.namesFor(
      { actor, requestId },
      [...people.map((p) => f.ids[p]), f.ids.karen],
      "worklist",
    );
    expect(Object.fromEntries(people.map((p) => [p, names.get(f.ids[p])]))).toEqual({
      karen: PEOPLE.karen.name,
      dora: PEOPLE.dora.name,
      erik: null,
      // Discharged 15 days ago, his handovers still open: the ward still names him.
      bent: PEOPLE.bent.name,
      gustav: PEOPLE.gustav.name,
    });
    const rows = await f.auditOf(requestId);
    expect(rows).toHaveLength(5);
    // Who, when and why are the same on every row of the one decision.
    for (const row of rows)
      expect(row).toMatchObject({
        actorKind: "staff",
        userId: nurse.id,
        organisationId: organisation.id,
        organisationName: organisation.name,
        role: "clinician",
        resource: "worklist",
      });
    expect(new Set(rows.map((r) => r.at.getTime())).size).toBe(1);
    const outcome = (p: Person) => rows.find((r) => r.citizenId === f.ids[p]);
    expect(outcome("karen")).toMatchObject({ outcome: "allowed", relation: "hospital-stay" });
    expect(outcome("dora")).toMatchObject({ outcome: "allowed", relation: "hospital-stay" });
    expect(outcome("erik")).toMatchObject({ outcome: "denied", relation: null });
    expect(outcome("bent")).toMatchObject({
      outcome: "allowed",
      relation: "handover-discharging-hospital",
      breakGlass: false,
    });
    expect(outcome("gustav")).toMatchObject({
      outcome: "allowed",
      relation: "break-the-glass",
      breakGlass: true,
      breakGlassReason: reason,
    });
  });

  it("reads emergency-access grants only when a citizen has no relation (a grant cannot change an allowed decision)", async () => {
    const grantQueries: string[] = [];
    const counting = f.demo.database.db.withPlugin({
      transformQuery: (args) => {
        if (JSON.stringify(args.node).includes('"break_glass"'))
          grantQueries.push(args.queryId.queryId);
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const { access, citizens, actor } = await asWardNurse(counting);
    // A grant for Karen, whom the ward has a relation to anyway: the relation decides.
    await access.breakGlass(
      { actor, requestId: "glass-karen" },
      f.ids.karen,
      "Akut: tilset i nat på afdelingen",
    );
    grantQueries.length = 0;

    const related = `related-${Date.now()}`;
    const names = await citizens.namesFor(
      { actor, requestId: related },
      [f.ids.karen, f.ids.dora],
      "worklist",
    );
    expect([...names.values()]).toEqual([PEOPLE.karen.name, PEOPLE.dora.name]);
    expect(grantQueries).toEqual([]);
    const rows = await f.auditOf(related);
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          citizenId: f.ids.karen,
          relation: "hospital-stay",
          breakGlass: false,
        }),
        expect.objectContaining({
          citizenId: f.ids.dora,
          relation: "hospital-stay",
          breakGlass: false,
        }),
      ]),
    );

    // Erik has no relation and no grant: the grants are read for him alone.
    await citizens.namesFor(
      { actor, requestId: `unrelated-${Date.now()}` },
      [f.ids.karen, f.ids.erik],
      "worklist",
    );
    expect(grantQueries).toHaveLength(1);
  });
});

describe("logs", () => {
  it("never hold a CPR number or a name", () => {
    const logs = f.logLines.join("");
    expect(logs).toContain("request completed");
    expectNoPersonalData(logs, ALL_PEOPLE);
  });
});
