import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/app/server.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createIndicators } from "../../src/indicators/assemble.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import { generate, parseScope } from "../../src/synth/generate.ts";
import { loadSynthetic } from "../../src/synth/load.ts";
import { loadDepsFor } from "../../src/synth/load-deps.ts";
import { clockFrom } from "../support/clock.ts";
import {
  expectNoAxeViolations,
  type Harness,
  logInAsDemo,
  openPage,
  startHarness,
} from "./harness.ts";

/**
 * Issue 20's pages on a synthetic national year (1 November 2025 to 31 October
 * 2026, a half-percent sample of Denmark) loaded through the product's doors,
 * with the server's clock on 20 November 2026: the last complete quarter is then
 * Q3 2026, and the demo's cluster lead acts for Klyngen Næstved/Slagelse. The
 * test means the same on any day it runs.
 */

const NOW = "2026-11-20T10:00:00Z";
/** Where the screenshots go, to be looked at after a run. */
const shots = path.join(tmpdir(), "tovholder-indicators-shots");

let harness: Harness;
let dataDir: string;
let page: Page;

async function loadSyntheticYear(database: DatabaseHandle, masterKey: Buffer) {
  await generate({
    seed: 20,
    scope: parseScope("national"),
    years: 1,
    start: Date.UTC(2025, 10, 1),
    scale: 0.005,
    outDir: dataDir,
    dataDir: path.join(projectRoot, "data"),
    workers: 0,
  });
  const deps = loadDepsFor(database.db, createCipher(masterKey), { notify: false });
  await loadSynthetic(dataDir, deps, { batch: 250, concurrency: 1 });
  const clock = () => new Date(NOW);
  await createIndicators({ db: database.db, clock }).maintenance.rebuildAll();
}

async function shoot(p: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await p.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** Waits until ECharts has drawn into the chart's box (a grid line alone counts as hidden). */
async function chartDrawn(chart: Locator): Promise<void> {
  await chart.locator("svg").waitFor();
  await expect.poll(() => chart.locator("svg path").count()).toBeGreaterThan(5);
}

/** How far the page itself is wider than the screen, in CSS px (0 when it reflows). */
const sideways = (p: Page) =>
  p.locator("html").evaluate((html) => html.scrollWidth - html.clientWidth);

type Row = {
  code: string;
  name: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "tovholder-indicators-browser-"));
  harness = await startHarness({ demo: true, clock: clockFrom(NOW), prepare: loadSyntheticYear });
  page = await openPage(harness, { locale: "da-DK" });
}, 240_000);

afterAll(async () => {
  await harness?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("Kvalitet, the public quality page", () => {
  it("shows an indicator as a map, a funnel plot and a table, for anyone", async () => {
    await page.goto(`${harness.server.url}/kvalitet`);
    await page.getByRole("heading", { level: 1, name: "Kvalitet" }).waitFor();
    await page.getByLabel("Indikator").selectOption({ label: "Indlæggelser pr. 1.000 borgere" });
    await page.waitForURL(/indikator=admissions/);
    // The last complete quarter on 20 November 2026 is Q3.
    await expect.poll(() => page.getByLabel("Tidspunkt").inputValue()).toBe("2026-Q3");

    const map = page.locator(".indicator-map");
    await chartDrawn(map);
    // 98 municipalities, Christiansø and the frame around the Bornholm box.
    expect(await map.locator("svg path").count()).toBeGreaterThanOrEqual(99);
    await expect(map.getAttribute("aria-label")).resolves.toContain(
      "Indlæggelser pr. 1.000 borgere",
    );
    await chartDrawn(page.locator(".funnel-chart"));
    await page.getByRole("heading", { level: 3, name: "Uden for 99,8 %-grænsen" }).waitFor();
    await page.locator(".definition-box").getByText("Beregnet 20. nov. 2026").waitFor();

    const table = page.locator("table.indicator-rows");
    await expect.poll(() => table.locator("tbody tr").count()).toBe(98);
    await shoot(page, "quality-admissions-da");
    await expectNoAxeViolations(page, "/kvalitet");
  });

  it("shows the API's figures in the table, and hides small cells as the API does", async () => {
    const answer = (await (
      await fetch(
        `${harness.server.url}/api/indicators/admissions/values?unit=municipality&period=quarter&from=2026-07-01&to=2026-07-01`,
      )
    ).json()) as { rows: Row[] };
    const shown = answer.rows.find((r) => !r.suppressed && r.numerator !== null && r.denominator);
    const hidden = answer.rows.find((r) => r.suppressed);
    if (!shown || !hidden) throw new Error("the sample has no shown or no hidden municipality");
    const row = page.locator("table.indicator-rows tbody tr", {
      has: page.getByRole("rowheader", { name: shown.name, exact: true }),
    });
    const cells = await row.locator("td").allInnerTexts();
    // Admissions per 1,000: numerator / denominator × 1000, with one decimal and a comma.
    const perThousand = ((shown.numerator ?? 0) / (shown.denominator ?? 1)) * 1000;
    expect(cells.slice(0, 3)).toEqual([
      String(shown.numerator),
      new Intl.NumberFormat("da-DK").format(shown.denominator ?? 0),
      perThousand.toFixed(1).replace(".", ","),
    ]);
    const hiddenRow = page.locator("table.indicator-rows tbody tr", {
      has: page.getByRole("rowheader", { name: hidden.name, exact: true }),
    });
    expect((await hiddenRow.locator("td").first().textContent())?.trim()).toBe("ikke vist*");
    await page.getByText("* Ikke vist: tal fra 1 til 4 vises ikke").waitFor();
  });

  it("downloads the same rows as CSV, headed by the definition", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Hent CSV" }).click();
    const file = await (await download).path();
    const csv = await readFile(file, "utf8");
    const [first = "", header = ""] = csv.replace(/^\uFEFF/, "").split("\r\n");
    // The line is one cell, quoted since it holds semicolons.
    expect(first).toMatch(
      /^"# Indlæggelser pr\. 1\.000 borgere \(admissions\); national definition;/,
    );
    expect(first).toContain("beregnet 2026-11-20T10:00:00.000Z");
    expect(header.split(";").slice(0, 3)).toEqual(["enhedstype", "kode", "navn"]);
    // The header line, the column names and one line per municipality.
    expect(csv.trim().split("\r\n")).toHaveLength(2 + 98);
  });

  it("compares final months by default, and says so over the map and the funnel when a month is not", async () => {
    // On 20 November 2026 October's 30-day readmissions are still open: September is the last final month.
    await page.goto(`${harness.server.url}/kvalitet?indikator=acute-readmission-30d&periode=month`);
    await expect.poll(() => page.getByLabel("Tidspunkt").inputValue()).toBe("2026-09");
    await chartDrawn(page.locator(".funnel-chart"));
    await expect(page.locator(".provisional-period").count()).resolves.toBe(0);
    await page.getByLabel("Tidspunkt").selectOption("2026-10");
    const notes = page.locator(".provisional-period");
    await expect.poll(() => notes.count()).toBe(2);
    await expect(notes.first().textContent()).resolves.toContain("Foreløbige tal: oktober 2026");
    await chartDrawn(page.locator(".funnel-chart"));
    await shoot(page, "quality-provisional-month-da");
    await expectNoAxeViolations(page, "/kvalitet with a provisional month");
  });

  it("drills down from the map into a municipality's trends", async () => {
    const map = page.locator(".indicator-map");
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (!box) throw new Error("the map has no box");
    // Central Jutland; which municipality it is does not matter. Pointing first shows its
    // tooltip, which says the map is drawn and the point is on a municipality.
    const x = box.x + box.width * 0.3;
    const y = box.y + box.height * 0.5;
    await page.mouse.move(x, y);
    await map.getByText(/KI|ikke vist|ingen tal/).waitFor({ timeout: 5_000 });
    await page.mouse.click(x, y);
    await page.waitForURL(/\/kvalitet\/kommune\/\d{3}$/);
    await page.getByRole("heading", { level: 1, name: /^Kvalitet i / }).waitFor();
    const cards = page.locator(".trend-card");
    await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(4);
    await chartDrawn(cards.first().locator(".trend-chart"));
    await expect(cards.first().locator(".chart-legend li").allInnerTexts()).resolves.toContain(
      "Hele landet",
    );
    await shoot(page, "quality-municipality-da");
    await expectNoAxeViolations(page, "/kvalitet/kommune");
  });

  it("compares the bodies, each municipality coloured by its body", async () => {
    await page.goto(`${harness.server.url}/kvalitet?indikator=acute-readmission-30d&enhed=body`);
    await chartDrawn(page.locator(".indicator-map"));
    // On 2026-07-01 there are 22 clusters.
    await expect.poll(() => page.locator("table.indicator-rows tbody tr").count()).toBe(22);
    await page.locator(".definition-box").getByText("Tovholders definition").waitFor();
    await expect(page.locator(".indicator-rows thead").textContent()).resolves.toContain(
      "Standardiseret",
    );
    await shoot(page, "quality-bodies-readmission-da");
    await expectNoAxeViolations(page, "/kvalitet by body");
  });

  it("labels the charts in English too", async () => {
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { level: 1, name: "Quality" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Funnel plot" }).waitFor();
    await expect(page.locator(".funnel-section .chart-legend").textContent()).resolves.toContain(
      "99.8% limits",
    );
    await page.getByRole("button", { name: "Download CSV" }).waitFor();
    await shoot(page, "quality-bodies-readmission-en");
    await expectNoAxeViolations(page, "/kvalitet in English");
    await page.getByRole("button", { name: "Skift til dansk" }).click();
    await page.getByRole("heading", { level: 1, name: "Kvalitet" }).waitFor();
  });

  it("fits a phone's width: the charts shrink and the table scrolls in its own region", async () => {
    const phone = await openPage(harness, {
      viewport: { width: 390, height: 844 },
      locale: "da-DK",
    });
    await phone.goto(`${harness.server.url}/kvalitet?indikator=admissions`);
    await chartDrawn(phone.locator(".funnel-chart"));
    await chartDrawn(phone.locator(".indicator-map"));
    expect(await sideways(phone)).toBe(0);
    const funnelWidth = await phone.locator(".funnel-chart").evaluate((e) => e.clientWidth);
    expect(funnelWidth).toBeLessThanOrEqual(390);
    const table = phone.getByRole("region", {
      name: "Indlæggelser pr. 1.000 borgere, 3. kvt. 2026, Kommuner",
    });
    await expect.poll(() => table.count()).toBe(1);
    expect(await table.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await shoot(phone, "quality-admissions-390px");
    await expectNoAxeViolations(phone, "/kvalitet at 390 px");
    await phone.context().close();
  });
});

describe("the body's own dashboard", () => {
  it("is where the demo cluster lead lands after login", async () => {
    const lead = await openPage(harness, { locale: "da-DK" });
    await logInAsDemo(harness, lead, "Kasper Leder (demo)");
    await lead.waitForURL(/\/klynger\/[a-z0-9-]+\/overblik$/);
    await lead.getByRole("heading", { level: 1, name: /^Overblik: / }).waitFor();
    const cards = lead.locator(".trend-card");
    await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(4);
    await chartDrawn(cards.first().locator(".trend-chart"));
    // Each chart is compared with the region and the country, and has its data table.
    const legend = await cards.first().locator(".chart-legend li").allInnerTexts();
    expect(legend).toEqual(
      expect.arrayContaining(["Region Sjælland", "Hele landet", "95\u00a0%-interval"]),
    );
    await expect(cards.first().locator("details.chart-data table tbody tr").count()).resolves.toBe(
      12,
    );
    await lead.getByRole("heading", { level: 2, name: "Forløbet pr. kommune" }).waitFor();
    await expect(
      lead.locator("table.loop-table").first().locator("tbody tr").count(),
    ).resolves.toBeGreaterThan(0);
    // The body's own work is one click from where the lead lands (issue 22).
    const work = lead.getByRole("region", { name: /^Arbejdet i / });
    for (const name of [/^Aftaler/, /^Initiativer i /, /^Lægekapacitet i /, /^Økonomi i /])
      await work.getByRole("link", { name }).waitFor();
    await shoot(lead, "dashboard-cluster-lead-da");
    await expectNoAxeViolations(lead, "the dashboard");
    await lead.context().close();
  });

  it("the regional committee member lands on Kvalitet comparing the region's bodies", async () => {
    const member = await openPage(harness, { locale: "da-DK" });
    await logInAsDemo(harness, member, "Ulrik Udvalgsmedlem (demo)");
    await member.waitForURL(/\/kvalitet\?enhed=body&region=1085$/);
    await member.getByText("Tabellen viser kun enhederne i Region Sjælland").waitFor();
    // Region Sjælland had four clusters in 2026.
    await expect.poll(() => member.locator("table.indicator-rows tbody tr").count()).toBe(4);
    await shoot(member, "quality-committee-member-da");
    await member.context().close();
  });
});
