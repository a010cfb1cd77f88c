import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actingForSecretariat, type DemoApp, demoApp } from "../support/access.ts";
import { clockFrom } from "../support/clock.ts";

/**
 * "Money that follows the task" through the API (issue 22, section 4), on the
 * demo's agreements and initiative, on the engine the suite runs on (PGlite,
 * or PostgreSQL with TEST_DATABASE_URL), with a fixed clock.
 */
let demo: DemoApp;
const BODY = "naestved-slagelse";
const URL = `/api/bodies/${BODY}/ledger`;
const PUBLIC_URL = `/api/public/bodies/${BODY}/ledger`;

beforeAll(async () => {
  demo = await demoApp({ clock: clockFrom("2026-11-02T09:00:00Z"), seed: { activity: false } });
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

const as = (username: string) => actingForSecretariat(demo, username);

type Party = { sector: string | null; organisation: string | null };
type Ledger = {
  body: { id: string; name: string };
  year: number;
  computedOn: string;
  rows: {
    source: string;
    id: string;
    title: string;
    status: string;
    direction: string;
    party: Party;
    to: Party | null;
    kind: string;
    amountOre: number | null;
    fteYearHundredths: number | null;
    days: number;
    indicatorIds: string[];
  }[];
  parties: { party: Party; amountOre: number; fteYearHundredths: number }[];
  flows: { from: string | null; to: string | null; amountOre: number; fteYearHundredths: number }[];
};

const region = { sector: "region", organisation: "Region Sjælland" };
const ringsted = { sector: "municipality", organisation: "Ringsted Kommune" };
const DRAFT_TITLE = "Udkast: akutteam i Ringsted (test)";

describe("a body's ledger of a year", () => {
  it("prorates the demo's agreement in force and its initiative by their days in 2026", async () => {
    const response = await demo.app.inject({
      url: `${URL}?year=2026`,
      headers: await as("demo.sygeplejerske"),
    });
    expect(response.statusCode).toBe(200);
    const ledger = response.json() as Ledger;
    expect(ledger).toMatchObject({ year: 2026, computedOn: "2026-11-02", body: { id: BODY } });
    const agreement = ledger.rows.filter((r) => r.source === "agreement");
    // IV at home: 1,850,000 kr. a year from 1 March = 306/365 → 155,095,890.41 øre → 155,095,890.
    // Follow-up visits: 2,400,000 kr. a year from 1 April = 275/365 → 180,821,917.81 → 180,821,918.
    // 1 FTE from the hospital from 1 March: 100 × 306/365 = 83.8 → 84 hundredths of an FTE-year.
    expect(agreement.map((r) => [r.kind, r.days, r.amountOre, r.fteYearHundredths])).toEqual([
      ["money", 306, 155_095_890, null],
      ["staff", 306, null, 84],
      ["money", 275, 180_821_918, null],
    ]);
    expect(agreement[0]).toMatchObject({
      status: "in-force",
      direction: "transferred",
      party: region,
      to: { sector: "municipality", organisation: "Næstved Kommune" },
      indicatorIds: ["acute-readmission-30d", "medically-ready-days"],
    });
    // The running initiative: 5 July 2026 – 5 July 2027 (366 days), 180 of them in 2026.
    // Region 900,000 kr.: 90,000,000 × 180/366 = 44,262,295.08 → 44,262,295 øre.
    const initiative = ledger.rows.filter((r) => r.source === "initiative");
    expect(initiative.map((r) => [r.party.organisation, r.days, r.amountOre])).toEqual([
      ["Region Sjælland", 180, 44_262_295],
      ["Næstved Kommune", 180, 17_213_115], // 35,000,000 × 180/366 = 17,213,114.75
      ["Slagelse Kommune", 180, 17_213_115],
    ]);
    expect(ledger.parties.find((p) => p.party.organisation === "Region Sjælland")).toEqual({
      party: region,
      amountOre: 155_095_890 + 180_821_918 + 44_262_295,
      fteYearHundredths: 0,
    });
    expect(ledger.flows).toEqual([
      {
        from: "region",
        to: "municipality",
        amountOre: 155_095_890 + 180_821_918,
        fteYearHundredths: 0,
      },
      { from: "hospital", to: "municipality", amountOre: 0, fteYearHundredths: 84 },
    ]);
  });

  it("gives CSV with Danish columns, a line naming body, year and date, and kr. with two decimals", async () => {
    const response = await demo.app.inject({
      url: `${PUBLIC_URL}?year=2026`,
      headers: { accept: "text/csv" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    const [title, head, ...rows] = response.body.trim().split("\r\n");
    expect(title).toMatch(/^# Økonomi for .+ \(naestved-slagelse\), år 2026, beregnet 2026-11-02$/);
    expect(head?.split(";").slice(0, 6)).toEqual([
      "kilde",
      "id",
      "titel",
      "status",
      "opgave",
      "retning",
    ]);
    expect(rows[0]).toContain(
      ";overført;region;Region Sjælland;kommune;Næstved Kommune;penge;1550958,90;",
    );
    expect(rows[1]).toContain(";personale;;0,84;1,00;306;365;");
    const same = await demo.app.inject({ url: `${PUBLIC_URL}?year=2026&format=csv` });
    expect(same.body).toBe(response.body);
  });

  it("refuses a bad year with 400 naming year", async () => {
    for (const year of ["26", "2026-01", "1800"]) {
      const response = await demo.app.inject({ url: `${PUBLIC_URL}?year=${year}` });
      expect(response.statusCode, year).toBe(400);
      expect(response.headers["content-type"]).toMatch(/problem\+json/);
      expect(response.json().errors[0].field).toBe("year");
    }
  });

  it("shows a draft agreement to the body's members only", async () => {
    const coordinator = await as("demo.klyngekoordinator");
    const created = await demo.app.inject({
      method: "POST",
      url: `/api/bodies/${BODY}/agreements`,
      headers: coordinator,
      payload: {
        title: DRAFT_TITLE,
        summary: "Regionen betaler et akutteam i Ringsted fra nytår (test).",
        public: false,
        commitments: [
          {
            task: "Akutteam i Ringsted",
            responsible: ringsted,
            from: "2026-01-01",
            until: null,
            indicatorIds: ["acute-readmission-30d"],
            resources: [
              { kind: "money", amount: "100000", currency: "DKK", from: region, to: ringsted },
            ],
            handoverRule: null,
          },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const drafts = (ledger: Ledger) => ledger.rows.filter((r) => r.title === DRAFT_TITLE);
    const member = (
      await demo.app.inject({ url: `${URL}?year=2026`, headers: coordinator })
    ).json() as Ledger;
    expect(drafts(member)).toEqual([
      expect.objectContaining({ status: "draft", amountOre: 10_000_000, days: 365, to: ringsted }),
    ]);
    const outsider = (
      await demo.app.inject({ url: `${URL}?year=2026`, headers: await as("demo.sygeplejerske") })
    ).json() as Ledger;
    expect(drafts(outsider)).toEqual([]);
    const open = (await demo.app.inject({ url: `${PUBLIC_URL}?year=2026` })).json() as Ledger;
    expect(drafts(open)).toEqual([]);
    expect(open.rows.some((r) => r.status === "in-force")).toBe(true);
    expect((await demo.app.inject({ url: `${URL}?year=2026` })).statusCode).toBe(401);
  });

  it("counts the agreement in consultation (public) from 2027", async () => {
    const open = (await demo.app.inject({ url: `${PUBLIC_URL}?year=2027` })).json() as Ledger;
    const practice = open.rows.find((r) => r.to?.sector === "general-practice");
    expect(practice).toMatchObject({ status: "consultation", amountOre: 60_000_000, days: 365 });
  });
});
