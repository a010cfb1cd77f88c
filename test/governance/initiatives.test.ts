import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIndicators } from "../../src/indicators/assemble.ts";
import { actingForSecretariat, addStaff, type DemoApp, demoApp } from "../support/access.ts";
import { clockFrom } from "../support/clock.ts";
import { hospitalIdNamed, insertCitizen, insertStay } from "../support/indicator-fixture.ts";

/**
 * Initiatives as experiments through the API (issue 22, section 2), on the
 * engine the suite runs on (PGlite, or PostgreSQL with TEST_DATABASE_URL),
 * with a fixed clock.
 */
let demo: DemoApp;
const BODY = "naestved-slagelse";

beforeAll(async () => {
  demo = await demoApp({ clock: clockFrom("2026-11-02T09:00:00Z"), seed: { activity: false } });
  const nurse = await demo.database.db
    .selectFrom("organisation")
    .select("id")
    .where("kind", "=", "municipality")
    .executeTakeFirstOrThrow();
  await addStaff(demo.database.db, {
    username: "test.outsider",
    displayName: "Otto Udenfor (test)",
    organisationId: nurse.id,
    role: "coordinator",
  });
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

const as = (username: string) => actingForSecretariat(demo, username);

const plan = {
  title: "Færre akutte genindlæggelser blandt 65+ (test)",
  goal: "Et opfølgende hjemmebesøg inden for to døgn efter udskrivelse.",
  public: false,
  indicatorId: "acute-readmission-30d" as string | null,
  ageBand: "65+",
  baseline: "14.20",
  target: 12,
  municipalityCodes: ["370", "330"],
  practices: ["Lægehuset i Næstved (test)"],
  budget: [
    { party: "Region Sjælland", amount: "400000", currency: "DKK" },
    { party: "Næstved Kommune", amount: 150000.5, currency: "kr." },
  ],
  start: "2026-03-01",
  end: "2027-02-28",
  milestones: [{ title: "Besøgene er i gang", due: "2026-04-01", done: true }],
};

type View = {
  id: string;
  version: number;
  status: string;
  public: boolean;
  budget: { amountOre: number }[];
  budgetTotalOre: number;
  evaluation: { outcome: string; text: string } | null;
  versions: { change: string; byName: string | null }[];
  may: { edit: boolean; step: string | null };
};

const fieldsOf = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field).sort();

describe("an initiative from planned to finished", () => {
  let id: string;
  let version: number;

  it("is planned by the body's coordinator, with the budget in øre", async () => {
    const response = await demo.app.inject({
      method: "POST",
      url: `/api/bodies/${BODY}/initiatives`,
      headers: await as("demo.klyngekoordinator"),
      payload: plan,
    });
    expect(response.statusCode).toBe(201);
    const view = response.json() as View;
    expect(view).toMatchObject({
      status: "planned",
      version: 1,
      may: { edit: true, step: "running" },
    });
    expect(view.budget.map((b) => b.amountOre)).toEqual([40_000_000, 15_000_050]);
    expect(view.budgetTotalOre).toBe(55_000_050);
    id = view.id;
    version = view.version;
  });

  it("is read by anyone signed in, but without login only when marked public", async () => {
    const outsider = await demo.app.inject({
      url: `/api/initiatives/${id}`,
      headers: await as("test.outsider"),
    });
    expect(outsider.statusCode).toBe(200);
    expect(outsider.json().may).toEqual({ edit: false, step: null });
    expect((await demo.app.inject({ url: `/api/public/initiatives/${id}` })).statusCode).toBe(404);
    expect((await demo.app.inject({ url: `/api/initiatives/${id}` })).statusCode).toBe(401);
    const edit = await demo.app.inject({
      method: "PUT",
      url: `/api/initiatives/${id}`,
      headers: await as("test.outsider"),
      payload: { ...plan, version },
    });
    expect(edit.statusCode).toBe(403);
  });

  it("refuses bad input, naming each field", async () => {
    const response = await demo.app.inject({
      method: "PUT",
      url: `/api/initiatives/${id}`,
      headers: await as("demo.klyngekoordinator"),
      payload: {
        ...plan,
        version,
        indicatorId: null,
        end: "2026-02-01",
        budget: [
          { party: "Region Sjælland", amount: "-1", currency: "DKK" },
          { party: "Region Sjælland", amount: "1", currency: "EUR" },
          { party: "Region Sjælland", amount: "1.005", currency: "DKK" },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(fieldsOf(response.json())).toEqual([
      "budget.0.amount",
      "budget.1.currency",
      "budget.2.amount",
      "end",
      "indicatorId",
    ]);
  });

  it("makes a version per edit, and refuses a stale one with 409 naming version", async () => {
    const headers = await as("demo.klyngekoordinator");
    const edited = await demo.app.inject({
      method: "PUT",
      url: `/api/initiatives/${id}`,
      headers,
      payload: { ...plan, public: true, version },
    });
    expect(edited.json()).toMatchObject({ version: 2, public: true });
    const stale = await demo.app.inject({
      method: "PUT",
      url: `/api/initiatives/${id}`,
      headers,
      payload: { ...plan, version },
    });
    expect(stale.statusCode).toBe(409);
    expect(fieldsOf(stale.json())).toEqual(["version"]);
    version = 2;
    expect((await demo.app.inject({ url: `/api/public/initiatives/${id}` })).statusCode).toBe(200);
    const list = await demo.app.inject({ url: `/api/public/bodies/${BODY}/initiatives` });
    expect((list.json().initiatives as { id: string }[]).map((i) => i.id)).toContain(id);
  });

  it("runs, and finishes only with an evaluation", async () => {
    const headers = await as("demo.klyngekoordinator");
    const running = await demo.app.inject({
      method: "POST",
      url: `/api/initiatives/${id}/status`,
      headers,
      payload: { version, to: "running" },
    });
    expect(running.json()).toMatchObject({ status: "running", version: 3 });
    const bare = await demo.app.inject({
      method: "POST",
      url: `/api/initiatives/${id}/status`,
      headers,
      payload: { version: 3, to: "finished" },
    });
    expect(bare.statusCode).toBe(400);
    expect(fieldsOf(bare.json())).toEqual(["evaluation"]);
    const finished = await demo.app.inject({
      method: "POST",
      url: `/api/initiatives/${id}/status`,
      headers,
      payload: { version: 3, to: "finished", evaluation: { outcome: "spread", text: "Udbredes." } },
    });
    const view = finished.json() as View;
    expect(view).toMatchObject({
      status: "finished",
      version: 4,
      evaluation: { outcome: "spread", text: "Udbredes." },
      may: { edit: false, step: null },
    });
    expect(view.versions.map((v) => v.change)).toEqual(["created", "edited", "status", "status"]);
    const frozen = await demo.app.inject({
      method: "PUT",
      url: `/api/initiatives/${id}`,
      headers,
      payload: { ...plan, version: 4 },
    });
    expect(frozen.statusCode).toBe(409);
  });

  it("shows the effect against the body's other municipalities, from the indicator engine", async () => {
    const response = await demo.app.inject({ url: `/api/public/initiatives/${id}/effect` });
    expect(response.statusCode).toBe(200);
    const effect = response.json();
    // Clock 2 November 2026: a 30-day readmission is final up to September (October's last
    // index admissions may still be readmitted until 30 November), so March to September after,
    // as many months before, and October and November named as left out.
    expect(effect.windows.after).toEqual([
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
    ]);
    expect(effect.windows.before[0]).toBe("2025-08");
    expect(effect.windows.before.at(-1)).toBe("2026-02");
    expect(effect.windows.notFinal).toEqual(["2026-10", "2026-11"]);
    expect(effect.participants.codes).toEqual(["370", "330"]);
    expect(effect.comparison.basis).toBe("body");
    expect(effect.comparison.codes.length).toBeGreaterThan(0);
    expect(effect.comparison.codes).not.toContain("370");
    expect(effect).toMatchObject({ indicator: { valueKind: "share", higherIsBetter: false } });
    // The test seeds no activity: nothing to pool, so nothing to claim.
    expect(effect.verdict).toBe("too-few-to-tell");
  });

  it("audits every change and every refusal", async () => {
    const rows = await demo.database.db
      .selectFrom("auditLog")
      .select(["action", "outcome"])
      .where("resource", "=", "initiative")
      .where("requestId", "!=", "demo-seed")
      .orderBy("at")
      .execute();
    expect(rows.map((r) => `${r.action} ${r.outcome}`)).toEqual([
      "create allowed",
      "edit denied",
      "edit allowed",
      "status:running allowed",
      "status:finished allowed",
    ]);
  });
});

describe("the demo body's initiative", () => {
  it("is running and public: fewer acute readmissions among 65+ in Næstved and Slagelse", async () => {
    const list = await demo.app.inject({ url: `/api/public/bodies/${BODY}/initiatives` });
    const demoOnes = (
      list.json().initiatives as { title: string; status: string; indicatorId: string }[]
    ).filter((i) => !i.title.includes("(test)"));
    expect(demoOnes).toEqual([
      expect.objectContaining({ status: "running", indicatorId: "acute-readmission-30d" }),
    ]);
  });
});

describe("the effect from the indicator engine's own rows", () => {
  it("pools only what the engine shows, skipping its suppressed small cells", async () => {
    // Four index admissions of 65+ citizens in Næstved in January 2026, one readmitted within
    // 30 days: a small cell the engine suppresses, which pooling must not add back.
    const db = demo.database.db;
    const hospital = await hospitalIdNamed(db, "Slagelse");
    for (const n of [1, 2, 3, 4]) {
      const citizen = await insertCitizen(db, { born: "1950-06-01", municipality: "370" });
      await insertStay(db, citizen, {
        from: `2026-01-0${n}T08:00:00+01:00`,
        to: `2026-01-0${n + 2}T08:00:00+01:00`,
        hospital,
      });
      if (n === 1)
        await insertStay(db, citizen, {
          from: "2026-01-20T08:00:00+01:00",
          to: "2026-01-22T08:00:00+01:00",
          hospital,
        });
    }
    await createIndicators({
      db,
      clock: clockFrom("2026-11-02T09:00:00Z"),
    }).maintenance.rebuildAll();

    const headers = await as("demo.klyngekoordinator");
    const created = await demo.app.inject({
      method: "POST",
      url: `/api/bodies/${BODY}/initiatives`,
      headers,
      payload: { ...plan, title: "Effekt fra motoren (test)", municipalityCodes: ["370"] },
    });
    const effect = (
      await demo.app.inject({ url: `/api/initiatives/${created.json().id}/effect`, headers })
    ).json();
    const engine = await demo.app.inject({
      url: "/api/indicators/acute-readmission-30d/values?unit=municipality&period=month&attribution=residence&ageBand=65%2B&from=2025-08-01&to=2026-02-01",
      headers,
    });
    expect(engine.statusCode).toBe(200);
    const rows = (
      engine.json().rows as {
        code: string;
        period: string;
        numerator: number | null;
        denominator: number | null;
        suppressed: boolean;
      }[]
    ).filter((r) => r.code === "370");
    const january = rows.find((r) => r.period === "2026-01");
    expect(january).toMatchObject({ suppressed: true, numerator: null });
    const shown = rows.filter((r) => !r.suppressed && r.denominator !== null);
    expect(effect.participants.before).toMatchObject({
      numerator: shown.reduce((sum, r) => sum + (r.numerator ?? 0), 0),
      denominator: shown.reduce((sum, r) => sum + (r.denominator ?? 0), 0),
      skipped: rows.length - shown.length,
    });
    expect(effect.participants.before.skipped).toBeGreaterThanOrEqual(1);
    expect(effect.verdict).toBe("too-few-to-tell");
  });
});
