import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganisationService } from "../../src/structure/organisations.ts";
import { actingForSecretariat, addStaff, type DemoApp, demoApp } from "../support/access.ts";
import { clockFrom } from "../support/clock.ts";

/**
 * Agreements through the API (issue 22, section 1), on the engine the suite
 * runs on (PGlite, or PostgreSQL with TEST_DATABASE_URL), with a fixed clock.
 */
let demo: DemoApp;
const BODY = "naestved-slagelse";

beforeAll(async () => {
  demo = await demoApp({ clock: clockFrom("2026-11-02T09:00:00Z"), seed: { activity: false } });
  const secretariat = await createOrganisationService(demo.database.db).structural({
    kind: "body_secretariat",
    bodyId: BODY,
  });
  await addStaff(demo.database.db, {
    username: "test.patientforening",
    displayName: "Pia Patientforening (test)",
    organisationId: secretariat.id,
    role: "citizen_representative",
  });
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

const as = (username: string) => actingForSecretariat(demo, username);

const naestved = { sector: "municipality", organisation: "Næstved Kommune" };
const region = { sector: "region", organisation: "Region Sjælland" };
const threeHours = {
  deadlineMinutes: 180,
  hours: { weekday: { start: "07:00", end: "22:00" }, weekend: { start: "08:00", end: "20:00" } },
  ladder: [
    { afterMinutes: 0, target: "receiver" },
    { afterMinutes: 60, target: "body-coordinator" },
  ],
};
const draft = {
  title: "Opfølgende hjemmebesøg efter udskrivelse",
  summary: "Borgere på 75+ får et hjemmebesøg inden for 3 dage efter udskrivelse.",
  public: false,
  commitments: [
    {
      task: "Opfølgende hjemmebesøg inden for 3 dage for udskrevne borgere på 75+",
      responsible: naestved,
      from: "2027-01-01",
      until: "2027-12-31",
      indicatorIds: ["acute-readmission-30d"],
      resources: [
        { kind: "money", amount: "1250000.50", currency: "DKK", from: region, to: naestved },
        { kind: "staff", fte: 1.5, from: region, to: naestved },
      ],
      handoverRule: { sector: "municipality", rule: threeHours },
    },
  ],
};

type View = {
  id: string;
  version: number;
  status: string;
  steps: { status: string; byName: string | null; at: string }[];
  versions: { version: number; change: string }[];
  comments: { version: number; text: string; byName: string }[];
  commitments: { resources: Record<string, unknown>[] }[];
  may: { edit: boolean; step: string | null; comment: boolean };
};

describe("an agreement from draft to ended", () => {
  let id: string;
  let version: number;

  it("is drafted by the body's coordinator, with money in øre and staff in hundredths", async () => {
    const response = await demo.app.inject({
      method: "POST",
      url: `/api/bodies/${BODY}/agreements`,
      headers: await as("demo.klyngekoordinator"),
      payload: draft,
    });
    expect(response.statusCode).toBe(201);
    const view = response.json() as View;
    expect(view).toMatchObject({ status: "draft", version: 1, may: { edit: true } });
    expect(view.commitments[0]?.resources).toEqual([
      { kind: "money", amountOre: 125_000_050, currency: "DKK", from: region, to: naestved },
      { kind: "staff", fteHundredths: 150, from: region, to: naestved },
    ]);
    expect(view.steps).toEqual([
      expect.objectContaining({ status: "draft", byName: "Karin Koordinator (demo)" }),
    ]);
    id = view.id;
    version = view.version;
  });

  it("is not there for non-members while it is a draft, signed in or not", async () => {
    const outsider = await demo.app.inject({
      url: `/api/agreements/${id}`,
      headers: await as("demo.sygeplejerske"),
    });
    expect(outsider.statusCode).toBe(404);
    expect((await demo.app.inject({ url: `/api/public/agreements/${id}` })).statusCode).toBe(404);
    const list = await demo.app.inject({ url: `/api/public/bodies/${BODY}/agreements` });
    expect((list.json().agreements as { id: string }[]).map((a) => a.id)).not.toContain(id);
    expect((await demo.app.inject({ url: `/api/agreements/${id}` })).statusCode).toBe(401);
  });

  it("refuses bad money and backward dates, naming each field", async () => {
    const bad = structuredClone(draft);
    const c = bad.commitments[0] as (typeof bad.commitments)[number];
    c.until = "2026-12-31";
    c.indicatorIds = ["acute-readmission-30d", "no-such-indicator"];
    c.resources = [
      { kind: "money", amount: "-100", currency: "DKK", from: region, to: naestved },
      { kind: "money", amount: "100.005", currency: "EUR", from: region, to: naestved },
    ];
    const response = await demo.app.inject({
      method: "PUT",
      url: `/api/agreements/${id}`,
      headers: await as("demo.klyngekoordinator"),
      payload: { ...bad, version },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect((response.json().errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      "commitments.0.indicatorIds.1",
      "commitments.0.resources.0.amount",
      "commitments.0.resources.1.amount",
      "commitments.0.resources.1.currency",
      "commitments.0.until",
    ]);
  });

  it("makes a new version for each edit, and refuses a stale one with 409 naming version", async () => {
    const headers = await as("demo.klyngekoordinator");
    const edited = await demo.app.inject({
      method: "PUT",
      url: `/api/agreements/${id}`,
      headers,
      payload: { ...draft, summary: "Ændret resumé.", version },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, summary: "Ændret resumé." });
    const stale = await demo.app.inject({
      method: "PUT",
      url: `/api/agreements/${id}`,
      headers,
      payload: { ...draft, version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().errors).toEqual([expect.objectContaining({ field: "version" })]);
    version = 2;
  });

  it("cannot skip a step, and a citizens' representative cannot take one", async () => {
    const skip = await demo.app.inject({
      method: "POST",
      url: `/api/agreements/${id}/steps`,
      headers: await as("demo.klyngekoordinator"),
      payload: { version, to: "adopted" },
    });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().errors).toEqual([expect.objectContaining({ field: "to" })]);
    const representative = await demo.app.inject({
      method: "POST",
      url: `/api/agreements/${id}/steps`,
      headers: await as("test.patientforening"),
      payload: { version, to: "consultation" },
    });
    expect(representative.statusCode).toBe(403);
  });

  it("goes to consultation, where the citizens' representative comments on the version", async () => {
    const sent = await demo.app.inject({
      method: "POST",
      url: `/api/agreements/${id}/steps`,
      headers: await as("demo.klyngekoordinator"),
      payload: { version, to: "consultation" },
    });
    expect(sent.json()).toMatchObject({ status: "consultation", version: 3 });
    const comment = await demo.app.inject({
      method: "POST",
      url: `/api/agreements/${id}/comments`,
      headers: await as("test.patientforening"),
      payload: { version: 3, text: "Husk de pårørende ved første besøg." },
    });
    expect(comment.statusCode).toBe(200);
    expect(comment.json().comments).toEqual([
      expect.objectContaining({
        version: 3,
        text: "Husk de pårørende ved første besøg.",
        byName: "Pia Patientforening (test)",
      }),
    ]);
    expect(comment.json().may).toEqual({ edit: false, step: null, comment: true });
    version = 3;
  });

  it("is approved by the coordinator, adopted only by the lead, and adoption sets the handover rule", async () => {
    const approved = await demo.app.inject({
      method: "POST",
      url: `/api/agreements/${id}/steps`,
      headers: await as("demo.klyngekoordinator"),
      payload: { version, to: "approved" },
    });
    expect(approved.json()).toMatchObject({ status: "approved", version: 4 });
    const byCoordinator = await demo.app.inject({
      method: "POST",
      url: `/api/agreements/${id}/steps`,
      headers: await as("demo.klyngekoordinator"),
      payload: { version: 4, to: "adopted" },
    });
    expect(byCoordinator.statusCode).toBe(403);
    const lead = await as("demo.klyngeleder");
    const adopted = await demo.app.inject({
      method: "POST",
      url: `/api/agreements/${id}/steps`,
      headers: lead,
      payload: { version: 4, to: "adopted" },
    });
    expect(adopted.json()).toMatchObject({ status: "adopted", version: 5 });
    const rules = await demo.app.inject({
      url: `/api/bodies/${BODY}/handover-rules`,
      headers: lead,
    });
    expect(rules.json()).toEqual([
      expect.objectContaining({
        sector: "municipality",
        rule: threeHours,
        setByAgreement: { id, version: 5, title: draft.title },
      }),
      expect.objectContaining({
        sector: "general-practice",
        isDefault: true,
        setByAgreement: null,
      }),
    ]);
    version = 5;
  });

  it("is then readable by anyone, without logging in", async () => {
    const open = await demo.app.inject({ url: `/api/public/agreements/${id}` });
    expect(open.statusCode).toBe(200);
    expect(open.json().may).toEqual({ edit: false, step: null, comment: false });
    const list = await demo.app.inject({ url: `/api/public/bodies/${BODY}/agreements` });
    expect(list.json().agreements).toContainEqual(
      expect.objectContaining({ id, status: "adopted" }),
    );
  });

  it("comes into force, ends, and ended is final; every step says who and when", async () => {
    const lead = await as("demo.klyngeleder");
    for (const [to, v] of [
      ["in-force", 5],
      ["ended", 6],
    ] as const) {
      const r = await demo.app.inject({
        method: "POST",
        url: `/api/agreements/${id}/steps`,
        headers: lead,
        payload: { version: v, to },
      });
      expect(r.statusCode).toBe(200);
    }
    const after = await demo.app.inject({
      method: "POST",
      url: `/api/agreements/${id}/steps`,
      headers: lead,
      payload: { version: 7, to: "draft" },
    });
    expect(after.statusCode).toBe(409);
    const view = (
      await demo.app.inject({ url: `/api/agreements/${id}`, headers: lead })
    ).json() as View;
    expect(view.steps.map((s) => [s.status, s.byName])).toEqual([
      ["draft", "Karin Koordinator (demo)"],
      ["consultation", "Karin Koordinator (demo)"],
      ["approved", "Karin Koordinator (demo)"],
      ["adopted", "Kasper Leder (demo)"],
      ["in-force", "Kasper Leder (demo)"],
      ["ended", "Kasper Leder (demo)"],
    ]);
    expect(view.steps.every((s) => s.at.startsWith("2026-11-02"))).toBe(true);
    expect(view.versions.map((v) => v.change)).toEqual([
      "created",
      "edited",
      "step",
      "step",
      "step",
      "step",
      "step",
    ]);
  });

  it("audits every change and every refusal", async () => {
    // The demo seed's own agreements are audited too, under its request id.
    const rows = await demo.database.db
      .selectFrom("auditLog")
      .select(["action", "outcome"])
      .where("resource", "=", "agreement")
      .where("requestId", "!=", "demo-seed")
      .orderBy("at")
      .execute();
    expect(rows.map((r) => `${r.action} ${r.outcome}`)).toEqual([
      "create allowed",
      "edit allowed",
      "step:consultation denied",
      "step:consultation allowed",
      "comment allowed",
      "step:approved allowed",
      "step:adopted denied",
      "step:adopted allowed",
      "step:in-force allowed",
      "step:ended allowed",
    ]);
  });
});

describe("the demo body's work", () => {
  it("has one agreement in force and one in consultation with a representative's response", async () => {
    const response = await demo.app.inject({
      url: `/api/bodies/${BODY}/agreements`,
      headers: await as("demo.patientforening"),
    });
    const seeded = (response.json().agreements as { title: string; status: string; id: string }[])
      .filter((a) => !a.title.startsWith("Opfølgende hjemmebesøg efter"))
      .map((a) => a.status)
      .sort();
    expect(seeded).toEqual(["consultation", "in-force"]);
  });

  it("continues in the council from 2027: its list carries the cluster's agreements", async () => {
    const response = await demo.app.inject({
      url: "/api/public/bodies/sundhedsraad-midt-og-vestsjaelland/agreements",
    });
    expect(response.statusCode).toBe(200);
    const list = response.json() as { agreements: { status: string; body: { id: string } }[] };
    expect(list.agreements).toContainEqual(
      expect.objectContaining({ status: "in-force", body: expect.objectContaining({ id: BODY }) }),
    );
  });
});
