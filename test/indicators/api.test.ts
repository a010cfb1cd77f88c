import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/server.ts";
import { createIndicators, type Indicators } from "../../src/indicators/assemble.ts";
import { periodOfLabel } from "../../src/indicators/service.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import type { App } from "../../src/platform/http/app.ts";
import { hospitalIdNamed, insertCitizen, insertStay } from "../support/indicator-fixture.ts";
import { structureDatabase } from "../support/server.ts";

/**
 * The indicators' public API as another system uses it: definitions, values
 * with small cells hidden (also by subtraction), CSV, the funnel plot, a
 * body's dashboard, bad input named field by field, and figures that follow a
 * new stay without a full recompute.
 */

const NOW = new Date("2026-06-15T12:00:00+02:00");
let database: DatabaseHandle;
let indicators: Indicators;
let app: App;
let slagelse: string;

/** Admissions in March 2026 per municipality of Klyngen Næstved/Slagelse: Ringsted has 3, a small cell. */
const MARCH = { "370": 40, "330": 30, "340": 12, "329": 3 } as const;

async function admitted(municipality: string, n: number) {
  for (let i = 0; i < n; i++) {
    const c = await insertCitizen(database.db, { born: "1950-01-01", municipality });
    const day = String(1 + (i % 28)).padStart(2, "0");
    await insertStay(database.db, c, {
      from: `2026-03-${day}T08:00:00+01:00`,
      to: `2026-03-${day}T20:00:00+01:00`,
      hospital: slagelse,
    });
  }
}

async function get(url: string, headers: Record<string, string> = {}) {
  return app.inject({ method: "GET", url, headers });
}

beforeAll(async () => {
  database = await structureDatabase();
  slagelse = await hospitalIdNamed(database.db, "Slagelse");
  for (const [code, n] of Object.entries(MARCH)) await admitted(code, n);
  indicators = createIndicators({ db: database.db, clock: () => NOW });
  await indicators.maintenance.rebuildAll();
  app = await createApp(database, { clock: () => NOW, indicators });
}, 120_000);

afterAll(async () => {
  await app.close();
  await database.close();
});

const march = "period=month&from=2026-03-01&to=2026-03-01";

describe("GET /api/indicators", () => {
  it("lists the definition records, with unverified lists and Tovholder's own definitions marked", async () => {
    const res = await get("/api/indicators");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const ids = body.indicators.map((d: { id: string }) => d.id);
    expect(ids).toEqual([
      "admissions",
      "acute-readmission-30d",
      "preventable-admissions-65",
      "medically-ready-days",
      "loop-confirmed-by-deadline",
      "loop-confirmation-median-hours",
      "loop-confirmation-p90-hours",
      "loop-unconfirmed-24h",
      "loop-unresolved",
      "loop-declines",
      "loop-readmission-by-confirmation",
      "no-listed-gp",
    ]);
    const preventable = body.indicators[2];
    expect(preventable.definedBy).toBe("tovholder");
    expect(preventable.codeLists[0]).toMatchObject({ verified: false, source: null });
    expect(preventable.groups).toHaveLength(9);
    expect(body.indicators[3].dayRates).toMatchObject({ regionalPerDay: 1976, verified: false });
    const hospice = body.indicators[1].exclusions.find((e: { id: string }) => e.id === "hospice");
    expect(hospice).toMatchObject({ applied: false });
  });
});

describe("GET /api/indicators/:id/values", () => {
  it("hides a count from 1 to 4 and the neighbour that would reveal it by subtraction", async () => {
    const res = await get(`/api/indicators/admissions/values?unit=municipality&${march}`);
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as {
      code: string;
      numerator: number | null;
      suppressed: boolean;
    }[];
    const by = new Map(rows.map((r) => [r.code, r]));
    // Ringsted's 3 is hidden; the body's total (85) is shown, so the smallest other
    // municipality (Sorø, 12) is hidden too, or 85 − 40 − 30 − 12 would give 3.
    expect(by.get("329")).toMatchObject({ suppressed: true, numerator: null });
    expect(by.get("340")).toMatchObject({ suppressed: true, numerator: null });
    expect(by.get("370")).toMatchObject({ suppressed: false, numerator: 40 });
    const body = await get(
      `/api/indicators/admissions/values?unit=body&code=naestved-slagelse&${march}`,
    );
    expect(body.json().rows[0]).toMatchObject({
      numerator: 85,
      suppressed: false,
      bodyKind: "sundhedsklynge",
    });
  });

  it("gives no rows for periods before the data begins, rather than zeros", async () => {
    // The stays begin in March 2026: January and February have no figures at all.
    const res = await get(
      "/api/indicators/admissions/values?unit=municipality&code=370&period=month&from=2026-01-01&to=2026-04-01",
    );
    expect(res.json().rows.map((r: { period: string }) => r.period)).toEqual([
      "2026-03",
      "2026-04",
    ]);
  });

  it("answers a rate with its exact Poisson interval around the value", async () => {
    const res = await get(`/api/indicators/admissions/values?unit=municipality&code=370&${march}`);
    const [row] = res.json().rows;
    // 40 admissions among Næstved's 40 residents: 1,000 per 1,000.
    expect(row).toMatchObject({ numerator: 40, denominator: 40, value: 1000 });
    expect(row.ciLow).toBeLessThan(1000);
    expect(row.ciHigh).toBeGreaterThan(1000);
  });

  it("gives the same rows as CSV, after a line naming the definition and when it was computed", async () => {
    const res = await get(`/api/indicators/admissions/values?unit=municipality&${march}`, {
      accept: "text/csv",
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = res.body.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toContain("Indlæggelser pr. 1.000 borgere");
    expect(lines[0]).toContain("beregnet 2026-06-15T10:00:00.000Z");
    expect(lines[1]?.split(";").slice(0, 4)).toEqual(["enhedstype", "kode", "navn", "periode"]);
    const ringsted = lines.find((l) => l.startsWith("municipality;329;"));
    expect(ringsted?.split(";")[8]).toBe("");
    expect(lines[1]?.split(";").slice(-2)).toEqual(["undertrykt", "endelig"]);
    // Suppressed, and March is final by 15 June.
    expect(ringsted?.endsWith(";ja;ja")).toBe(true);
  });

  it("says of each row whether its period's figures are final at the engine's clock", async () => {
    const completeness = async (indicator: string, query: string) => {
      const res = await get(`/api/indicators/${indicator}/values?unit=country&${query}`);
      expect(res.statusCode).toBe(200);
      return res
        .json()
        .rows.map((r: { period: string; complete: boolean }) => [r.period, r.complete]);
    };
    const months = "period=month&from=2026-04-01&to=2026-06-01";
    // On 15 June: June has not ended.
    expect(await completeness("admissions", months)).toEqual([
      ["2026-04", true],
      ["2026-05", true],
      ["2026-06", false],
    ]);
    // A quarter is final only when its last month is (Q1 begins before the data, so has no rows).
    expect(
      await completeness("admissions", "period=quarter&from=2026-01-01&to=2026-04-01"),
    ).toEqual([["2026-Q2", false]]);
    const csv = await get(`/api/indicators/admissions/values?unit=country&${months}`, {
      accept: "text/csv",
    });
    const last = csv.body.split("\r\n").filter((l) => l.startsWith("country;"));
    expect(last.map((l) => l.split(";").at(-1))).toEqual(["ja", "ja", "nej"]);
  });

  it("makes a month final exactly settlesAfterDays after its Danish end, not a minute before", async () => {
    const definition = (await get("/api/indicators"))
      .json()
      .indicators.find((d: { id: string }) => d.id === "acute-readmission-30d");
    expect(definition.settlesAfterDays).toBe(30);
    // March ends at 1 April 00:00 Danish time (31 March 22:00 UTC); 30 × 24 hours later.
    const settled = new Date("2026-04-30T22:00:00Z");
    const march = async (indicator: string, now: Date) => {
      const service = createIndicators({ db: database.db, clock: () => now }).service;
      const answer = await service.values({
        indicator,
        unit: "country",
        period: "month",
        from: "2026-03-01",
        to: "2026-03-01",
        attribution: "residence",
      });
      return answer.rows.map((r) => r.complete);
    };
    const minuteBefore = new Date(settled.getTime() - 60_000);
    expect(await march("acute-readmission-30d", settled)).toEqual([true]);
    expect(await march("acute-readmission-30d", minuteBefore)).toEqual([false]);
    // Admissions need nothing to settle: final since March ended.
    expect(await march("admissions", minuteBefore)).toEqual([true]);
    expect(await march("admissions", new Date("2026-03-31T21:59:00Z"))).toEqual([false]);
  });

  it("names the field and the reason for every bad parameter", async () => {
    const cases: [string, string][] = [
      ["/api/indicators/admissions/values?unit=galaxy", "unit"],
      ["/api/indicators/admissions/values?period=week", "period"],
      ["/api/indicators/admissions/values?from=2026-13-01", "from"],
      ["/api/indicators/admissions/values?ageBand=12-15", "ageBand"],
      ["/api/indicators/admissions/values?sector=municipality", "sector"],
      ["/api/indicators/admissions/values?attribution=hospital&unit=municipality", "unit"],
      ["/api/indicators/admissions/values?from=2026-05-01&to=2026-01-01", "to"],
      ["/api/indicators/loop-declines/values?group=because", "group"],
      ["/api/indicators/admissions/funnel?at=2026-Q5", "at"],
      ["/api/indicators/dashboard?body=Not%20a%20body", "body"],
    ];
    for (const [url, field] of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      const fields = res.json().errors.map((e: { field: string }) => e.field);
      expect(fields, url).toContain(field);
    }
  });

  it("answers 404 for an indicator or a body that does not exist", async () => {
    expect((await get("/api/indicators/happiness/values")).statusCode).toBe(404);
    expect((await get("/api/indicators/dashboard?body=no-such-body")).statusCode).toBe(404);
  });
});

describe("the funnel and the dashboard", () => {
  it("places each municipality against the national value, with limits for its size", async () => {
    const res = await get(
      "/api/indicators/admissions/funnel?unit=municipality&period=month&at=2026-03",
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // The country: 85 admissions among 85 residents.
    expect(body.national).toBe(1000);
    const naestved = body.points.find((p: { code: string }) => p.code === "370");
    expect(naestved).toMatchObject({ value: 1000, position: "within" });
    expect(body.points.find((p: { code: string }) => p.code === "329")).toMatchObject({
      suppressed: true,
      position: null,
    });
    expect(body.curve.length).toBeGreaterThan(1);
  });

  it("compares the last final period by default, and says whether the period asked is final", async () => {
    // On 15 June 2026 May has ended; May's 30-day readmissions are not all known until 30 June.
    const admissions = await get("/api/indicators/admissions/funnel?period=month");
    expect(admissions.json()).toMatchObject({ period: "2026-05", complete: true });
    const readmissions = await get("/api/indicators/acute-readmission-30d/funnel?period=month");
    expect(readmissions.json()).toMatchObject({ period: "2026-04", complete: true });
    const asked = await get("/api/indicators/acute-readmission-30d/funnel?period=month&at=2026-05");
    expect(asked.json()).toMatchObject({ period: "2026-05", complete: false });
    const quarter = await get("/api/indicators/acute-readmission-30d/funnel?period=quarter");
    expect(quarter.json()).toMatchObject({ period: "2026-Q1", complete: true });
  });

  it("shows a body's twelve months against its region and the country", async () => {
    const res = await get("/api/indicators/dashboard?body=naestved-slagelse&to=2026-06-15");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.months).toHaveLength(12);
    expect(body.months.at(-1)).toBe("2026-06");
    const admissions = body.series.find((s: { indicator: string }) => s.indicator === "admissions");
    const marchRow = admissions.body.find((r: { period: string }) => r.period === "2026-03");
    expect(marchRow).toMatchObject({ code: "naestved-slagelse", numerator: 85 });
    expect(
      admissions.country.find((r: { period: string }) => r.period === "2026-03").numerator,
    ).toBe(85);
    expect(body.region.code).toBe("1085");
    // June is still running on the 15th: provisional; March is final.
    expect(admissions.body.at(-1)).toMatchObject({ period: "2026-06", complete: false });
    expect(marchRow.complete).toBe(true);
    expect(body.loopByMunicipality[0].rows.every((r: { complete: boolean }) => !r.complete)).toBe(
      true,
    );
  });
});

describe("freshness", () => {
  it("queues a newly registered citizen without stays for the residents only, not for admissions", async () => {
    const c = await insertCitizen(database.db, { born: "1990-01-01", municipality: "330" });
    const queued = await database.db
      .selectFrom("indicatorDirtyCitizen")
      .select("citizenId")
      .where("citizenId", "=", c)
      .execute();
    expect(queued).toEqual([]);
    const months = await database.db
      .selectFrom("indicatorDirtyMonth")
      .select(["source", "month"])
      .where("source", "=", "population")
      .execute();
    expect(months).toContainEqual({ source: "population", month: "*" });
  });

  it("follows a new stay by redoing only that citizen and the months it touches", async () => {
    const c = await insertCitizen(database.db, { born: "1950-01-01", municipality: "370" });
    await insertStay(database.db, c, {
      from: "2026-03-10T08:00:00+01:00",
      to: "2026-03-11T08:00:00+01:00",
      hospital: slagelse,
    });
    const report = await indicators.maintenance.run();
    expect(report.citizens).toBe(1);
    const res = await get(`/api/indicators/admissions/values?unit=municipality&code=370&${march}`);
    // The admission counts at once; the residents are counted anew at most every 10 minutes.
    expect(res.json().rows[0]).toMatchObject({ numerator: 41, denominator: 40 });
    const later = new Date(NOW.getTime() + 10 * 60_000);
    await createIndicators({ db: database.db, clock: () => later }).maintenance.run();
    const after = await get(
      `/api/indicators/admissions/values?unit=municipality&code=370&${march}`,
    );
    expect(after.json().rows[0]).toMatchObject({ numerator: 41, denominator: 41 });
  });
});

describe("a server whose upkeep warms the tables", () => {
  it("answers from the last warmed figures until the next ones are built, then from those", async () => {
    const served = createIndicators({ db: database.db, clock: () => NOW, publishOnWarm: true });
    const march370 = { indicator: "admissions", unit: "municipality" as const, code: "370" };
    const ask = async () =>
      (
        await served.service.values({
          ...march370,
          period: "month",
          from: "2026-03-01",
          to: "2026-03-01",
          attribution: "residence",
        })
      ).rows[0]?.numerator;
    const before = await ask();
    const c = await insertCitizen(database.db, { born: "1950-01-01", municipality: "370" });
    await insertStay(database.db, c, {
      from: "2026-03-12T08:00:00+01:00",
      to: "2026-03-13T08:00:00+01:00",
      hospital: slagelse,
    });
    await served.maintenance.run();
    // The run has new figures, but no one waits for their tables: the warmed ones answer.
    expect(await ask()).toBe(before);
    await served.comparison.warm();
    expect(await ask()).toBe((before ?? 0) + 1);
  });

  it("keeps the published version of a table while the upkeep builds the next", async () => {
    const served = createIndicators({ db: database.db, clock: () => NOW, publishOnWarm: true });
    const svc = served.service;
    svc.publish(await svc.prepare());
    const spec = svc.specOf("admissions");
    const march2026 = periodOfLabel("month", "2026-03");
    const published = svc.table(spec, march2026, "residence", null);
    const c = await insertCitizen(database.db, { born: "1950-01-01", municipality: "330" });
    await insertStay(database.db, c, {
      from: "2026-03-14T08:00:00+01:00",
      to: "2026-03-15T08:00:00+01:00",
      hospital: slagelse,
    });
    await served.maintenance.run();
    const next = svc.table(spec, march2026, "residence", null, await svc.prepare());
    expect(next).not.toBe(published);
    expect(svc.table(spec, march2026, "residence", null)).toBe(published);
  });
});
