import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganisationService } from "../../src/structure/organisations.ts";
import { parseUnitsCsv } from "../../src/structure/register-model.ts";
import { createRegisterService } from "../../src/structure/register-service.ts";
import { ensureDemoCapacity } from "../../src/synth/demo-capacity.ts";
import { actingForSecretariat, type DemoApp, demoApp } from "../support/access.ts";
import { clockFrom } from "../support/clock.ts";

/**
 * GP capacity through the API (issue 22 §5), on the engine the suite runs on
 * (PGlite, or PostgreSQL with TEST_DATABASE_URL), with a fixed clock:
 * import → read → thin flags → CSV export, and a bad file that writes nothing.
 */
let demo: DemoApp;
const BODY = "naestved-slagelse";
const COUNCIL = "sundhedsraad-midt-og-vestsjaelland";
const URL = `/api/bodies/${BODY}/gp-capacity`;

beforeAll(async () => {
  demo = await demoApp({ clock: clockFrom("2026-11-02T09:00:00Z"), seed: { activity: false } });
  const organisations = createOrganisationService(demo.database.db);
  // The demo has 990001 (Næstved) and 990002 (Vordingborg, another cluster).
  for (const [providerNumber, municipalityCode] of [
    ["990101", "330"],
    ["990102", "330"],
    ["990103", "329"],
  ] as const)
    await organisations.ensureGeneralPractice({
      providerNumber,
      name: `Testpraksis ${providerNumber}`,
      municipalityCode,
    });
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

const as = (username: string) => actingForSecretariat(demo, username);

type Area = {
  capacity: {
    practices: number | null;
    doctors: number | null;
    listedPatients: number | null;
    patientsPerDoctor: number | null;
    closedPractices: number | null;
    newestAsOf: string | null;
    sources: string[];
    synthetic: boolean;
  };
  thin: boolean;
};
type View = {
  date: string;
  threshold: { maxPatientsPerDoctor: number; isDefault: boolean };
  rows: (Area & { municipalityCode: string })[];
  total: Area;
  region: Area & { code: string };
  may: { setRule: boolean };
};
const byCode = (view: View) => new Map(view.rows.map((r) => [r.municipalityCode, r]));

const HEADER = "provider_number;doctors;listed_patients;closed_to_new;as_of";
const GOOD = [
  HEADER,
  "990001;2;3800;nej;2026-10-01", // Næstved: 1,900 per doctor, at the threshold
  "990101;1;1901;ja;2026-10-01", // Slagelse: 5,701 / 3 doctors, above it
  "990102;2;3800;nej;2026-10-01",
  "990103;3;4500;nej;2026-09-15", // Ringsted: 1,500
].join("\n");

function importFile(headers: Record<string, string>, text: string) {
  return demo.app.inject({
    method: "POST",
    url: `${URL}/import`,
    headers: { ...headers, "content-type": "text/csv" },
    payload: text,
  });
}

const factCount = async () =>
  Number(
    (
      await demo.database.db
        .selectFrom("gpCapacityFact")
        .select(({ fn }) => fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("GP capacity of a body", () => {
  it("shows the body's municipalities with no facts and the default threshold before any import", async () => {
    const view = (
      await demo.app.inject({ url: URL, headers: await as("demo.sygeplejerske") })
    ).json() as View;
    expect(view.rows.map((r) => r.municipalityCode).sort()).toEqual(["329", "330", "340", "370"]);
    // No facts is no data (null), not 0 practices; and not thin.
    expect(view.rows.every((r) => r.capacity.practices === null && !r.thin)).toBe(true);
    expect(view.rows.every((r) => r.capacity.doctors === null)).toBe(true);
    expect(view.threshold).toEqual({ maxPatientsPerDoctor: 1900, isDefault: true, setAt: null });
    expect(view.may.setRule).toBe(false);
  });

  it("refuses an import by someone who is not the body's coordinator or lead, audited", async () => {
    expect((await importFile(await as("demo.sygeplejerske"), GOOD)).statusCode).toBe(403);
    // A coordinator, but of home nursing, not of the body: refused by the service, audited.
    const response = await importFile(await as("demo.visitator"), GOOD);
    expect(response.statusCode).toBe(403);
    expect(await factCount()).toBe(0);
  });

  it("imports a file from the body's coordinator", async () => {
    const response = await importFile(await as("demo.klyngekoordinator"), GOOD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      facts: 4,
      practices: 4,
      oldestAsOf: "2026-09-15",
      newestAsOf: "2026-10-01",
    });
  });

  it("sums per municipality, body and region, flagging thin above 1,900 and not at it", async () => {
    const view = (
      await demo.app.inject({ url: URL, headers: await as("demo.klyngekoordinator") })
    ).json() as View;
    const rows = byCode(view);
    expect(rows.get("370")).toMatchObject({
      capacity: { practices: 1, doctors: 2, listedPatients: 3800, patientsPerDoctor: 1900 },
      thin: false,
    });
    expect(rows.get("330")).toMatchObject({
      capacity: {
        practices: 2,
        doctors: 3,
        listedPatients: 5701,
        closedPractices: 1,
        patientsPerDoctor: 1900.3,
      },
      thin: true,
    });
    expect(rows.get("329")).toMatchObject({ capacity: { patientsPerDoctor: 1500 }, thin: false });
    expect(rows.get("340")).toMatchObject({
      capacity: { practices: null, doctors: null, listedPatients: null, patientsPerDoctor: null },
      thin: false,
    });
    expect(rows.get("330")?.capacity).toMatchObject({ sources: ["csv-import"], synthetic: false });
    expect(view.total.capacity).toMatchObject({ practices: 4, doctors: 8, listedPatients: 14001 });
    expect(view.region).toMatchObject({ code: "1085", capacity: { practices: 4 } });
    expect(view.may.setRule).toBe(true);
  });

  it("answers for the date asked: before October only Ringsted's September fact", async () => {
    const view = (
      await demo.app.inject({ url: `/api/public/bodies/${BODY}/gp-capacity?date=2026-09-30` })
    ).json() as View;
    expect(view.total.capacity).toMatchObject({ practices: 1, newestAsOf: "2026-09-15" });
  });

  it("exports the rows as CSV", async () => {
    const response = await demo.app.inject({
      url: URL,
      headers: { ...(await as("demo.sygeplejerske")), accept: "text/csv" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    const lines = response.body.trim().split("\r\n");
    expect(lines[0]).toMatch(
      /^municipality_code;municipality;practices;doctors;listed_patients;patients_per_doctor/,
    );
    expect(lines).toHaveLength(5);
    const slagelse = lines.find((l) => l.startsWith("330;"))?.split(";");
    expect(slagelse?.slice(2, 7)).toEqual(["2", "3", "5701", "1900.3", "1"]);
    expect(slagelse?.slice(-3)).toEqual(["false", "true", "1900"]);
    // Sorø (340) has no facts: empty cells (no data), not zeros.
    expect(
      lines
        .find((l) => l.startsWith("340;"))
        ?.split(";")
        .slice(2, 7),
    ).toEqual(["", "", "", "", ""]);
    const link = await demo.app.inject({
      url: `/api/public/bodies/${BODY}/gp-capacity?format=csv`,
    });
    expect(link.headers["content-disposition"]).toContain("attachment");
    expect(link.body).toBe(response.body);
  });

  it("refuses a bad file whole, naming each row and column, and writes nothing", async () => {
    const before = await factCount();
    const response = await importFile(
      await as("demo.klyngekoordinator"),
      [
        HEADER,
        "990103;4;4000;nej;2026-10-20", // good on its own: must not be written
        "990101;0;1000;nej;2026-10-20",
        "123456;1;1000;nej;2026-10-20",
        "990002;1;1000;nej;2026-10-20",
        "990102;1;1000;nej;2026-12-24",
      ].join("\n"),
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const fields = (response.json().errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(["line 3: doctors"]);
    const second = await importFile(
      await as("demo.klyngekoordinator"),
      [
        HEADER,
        "990103;4;4000;nej;2026-10-20",
        "123456;1;1000;nej;2026-10-20",
        "990002;1;1000;nej;2026-10-20",
        "990102;1;1000;nej;2026-12-24",
      ].join("\n"),
    );
    expect(second.statusCode).toBe(400);
    expect(
      (second.json().errors as { field: string; reason: string }[]).map(
        (e) => `${e.field}: ${e.reason}`,
      ),
    ).toEqual([
      "line 3: provider_number: is not a general practice in the register",
      "line 4: provider_number: is a practice in municipality 390, not in this body",
      "line 5: as_of: must not be after today",
    ]);
    expect(await factCount()).toBe(before);
    const view = (
      await demo.app.inject({ url: `/api/public/bodies/${BODY}/gp-capacity` })
    ).json() as View;
    expect(byCode(view).get("329")?.capacity.listedPatients).toBe(4500);
  });

  it("lets the coordinator change the threshold, refusing others and nonsense", async () => {
    const nurse = await demo.app.inject({
      method: "PUT",
      url: `${URL}/rule`,
      headers: await as("demo.sygeplejerske"),
      payload: { maxPatientsPerDoctor: 2000 },
    });
    expect(nurse.statusCode).toBe(403);
    const other = await demo.app.inject({
      method: "PUT",
      url: `${URL}/rule`,
      headers: await as("demo.visitator"),
      payload: { maxPatientsPerDoctor: 2000 },
    });
    expect(other.statusCode).toBe(403);
    const coordinator = await as("demo.klyngekoordinator");
    const silly = await demo.app.inject({
      method: "PUT",
      url: `${URL}/rule`,
      headers: coordinator,
      payload: { maxPatientsPerDoctor: 19.5 },
    });
    expect(silly.statusCode).toBe(400);
    expect(silly.json().errors[0].field).toBe("maxPatientsPerDoctor");
    const set = await demo.app.inject({
      method: "PUT",
      url: `${URL}/rule`,
      headers: coordinator,
      payload: { maxPatientsPerDoctor: 1850 },
    });
    expect(set.statusCode).toBe(200);
    const view = set.json() as View;
    expect(view.threshold).toMatchObject({ maxPatientsPerDoctor: 1850, isDefault: false });
    expect(
      view.rows
        .filter((r) => r.thin)
        .map((r) => r.municipalityCode)
        .sort(),
    ).toEqual(["330", "370"]);
  });

  it("is public without login, and the signed-in read needs a login", async () => {
    expect(
      (await demo.app.inject({ url: `/api/public/bodies/${BODY}/gp-capacity` })).statusCode,
    ).toBe(200);
    expect((await demo.app.inject({ url: URL })).statusCode).toBe(401);
  });

  it("is counted under the council on a 2027 date, with the council's own threshold", async () => {
    const view = (
      await demo.app.inject({ url: `/api/public/bodies/${COUNCIL}/gp-capacity?date=2027-01-15` })
    ).json() as View;
    const rows = byCode(view);
    expect(rows.get("330")).toMatchObject({ capacity: { doctors: 3 }, thin: true });
    expect(view.threshold.isDefault).toBe(true);
    expect(view.region.code).not.toBe("1085");
  });

  it("audits every change and every refusal", async () => {
    const rows = await demo.database.db
      .selectFrom("auditLog")
      .select(["action", "outcome", "purpose"])
      .where("resource", "=", "gp-capacity")
      .orderBy("at")
      .orderBy("id")
      .execute();
    expect(rows.map((r) => `${r.action} ${r.outcome}`)).toEqual([
      "import denied",
      "import allowed",
      "set-rule denied",
      "set-rule allowed",
    ]);
    expect(rows.at(-1)?.purpose).toContain("1850");
  });
});

describe("the demo's synthetic GP capacity", () => {
  it("fills the synthetic practices once, marked synthetic, beside the imported facts", async () => {
    const units = [
      "sor_code;name;kind;municipality_code;provider_number;synthetic",
      "99800000000011;Lægerne Torvet (syntetisk);general_practice;340;340001;true",
      "99800000000012;Lægerne Søen (syntetisk);general_practice;340;340002;true",
    ].join("\n");
    await createRegisterService(demo.database.db).import(parseUnitsCsv(units).rows);
    const cutAt = Date.parse("2026-11-02T08:00:00Z");
    expect(await ensureDemoCapacity(demo.database.db, 42, cutAt)).toBe(2);
    expect(await ensureDemoCapacity(demo.database.db, 42, cutAt)).toBe(0);
    const view = (
      await demo.app.inject({ url: `/api/public/bodies/${BODY}/gp-capacity` })
    ).json() as View;
    const soroe = byCode(view).get("340");
    expect(soroe?.capacity).toMatchObject({
      practices: 2,
      sources: ["synthetic"],
      synthetic: true,
      newestAsOf: "2026-11-01",
    });
    expect(byCode(view).get("330")?.capacity.synthetic).toBe(false);
    expect(view.total.capacity.sources).toEqual(["csv-import", "synthetic"]);
  });
});
