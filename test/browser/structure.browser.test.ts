import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  describeViolations,
  type Harness,
  openPage,
  screenshot,
  seriousAxeViolations,
  startHarness,
  watchCspViolations,
} from "./harness.ts";

let harness: Harness;
let page: Page;
let cspViolations: string[];

beforeAll(async () => {
  harness = await startHarness();
  page = await openPage(harness, { locale: "da-DK" });
  cspViolations = watchCspViolations(page);
});

afterAll(async () => {
  await harness?.close();
});

async function expectNoSeriousAxeViolations(name: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  if (violations.length > 0) console.error(`axe on ${name}:\n${describeViolations(violations)}`);
  expect(violations.map((v) => v.id)).toEqual([]);
}

/** A date of the clusters' structure, away from the change: the test passes on any day it runs. */
const clusterDate = "2026-06-01";

describe("the health structure in the browser", () => {
  it("shows the map of Denmark and the 22 bodies in Danish", async () => {
    await page.goto(`${harness.server.url}/?dato=${clusterDate}`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("da");
    await page.getByRole("heading", { level: 1, name: "Sundhedsklynger og sundhedsråd" }).waitFor();
    await expect(page.getByText("22 sundhedsklynger", { exact: true }).count()).resolves.toBe(1);

    const map = page.locator(".body-map");
    await map.locator("svg path").first().waitFor();
    // 99 municipality shapes (98 and Christiansø), plus the frame of the Bornholm box.
    expect(await map.locator("svg path").count()).toBeGreaterThanOrEqual(99);
    await expect(map.getAttribute("role")).resolves.toBe("img");

    const bodyLinks = page.locator(".structure-tree a[href^='/klynger/']");
    await expect(bodyLinks.count()).resolves.toBe(22);
    await expect(page.locator(".structure-tree .unverified-tag").count()).resolves.toBeGreaterThan(
      0,
    );
    await screenshot(page, "bodies-da");
  });

  it("names a municipality and its body in the map's tooltip", async () => {
    const map = page.locator(".body-map");
    // The date switch sits above the map: bring it into view before pointing at it.
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (!box) throw new Error("the map has no box");
    // Somewhere in central Jutland; the exact municipality does not matter.
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.55);
    const tooltip = map.getByText(/Sundhedsklynge:/);
    await tooltip.waitFor({ timeout: 5_000 });
    await screenshot(page, "bodies-tooltip");
  });

  it("passes axe (WCAG 2.1 AA) on the overview", async () => {
    await expectNoSeriousAxeViolations(`/?dato=${clusterDate}`);
  });

  it("opens a body's page from the list", async () => {
    await page.getByRole("link", { name: "Sundhedsklynge Syd", exact: true }).click();
    await page.waitForURL(/\/klynger\/hovedstaden-syd\?dato=2026-06-01$/);
    await page.getByRole("heading", { level: 1, name: "Sundhedsklynge Syd" }).waitFor();
    const table = page.locator("table.municipality-table");
    await expect(table.getByRole("rowheader", { name: "København" }).count()).resolves.toBe(1);
    await expect(table.getByText("Delvis").count()).resolves.toBe(1);
    await page.locator(".body-map svg path").first().waitFor();
    await screenshot(page, "body-syd-da");
    await expectNoSeriousAxeViolations("/klynger/hovedstaden-syd");
  });

  it("marks an unverified body", async () => {
    // The breadcrumb goes back to the overview on the same date.
    await page.getByRole("navigation", { name: "Brødkrummesti" }).getByRole("link").click();
    await page.waitForURL(/\/\?dato=2026-06-01$/);
    await page.getByRole("link", { name: "Sundhedsklynge Nord", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Sundhedsklynge Nord" }).waitFor();
    const alert = page.locator(".unverified-alert");
    await alert.getByRole("heading", { level: 2, name: "Ikke verificeret" }).waitFor();
    await screenshot(page, "body-nord-unverified");
  });

  it("switches to English and remembers it", async () => {
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { level: 2, name: "Municipalities" }).waitFor();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await page.goto(`${harness.server.url}/?dato=${clusterDate}`);
    await page
      .getByRole("heading", { level: 1, name: "Health clusters and health councils" })
      .waitFor();
    await page.locator(".body-map svg path").first().waitFor();
    await screenshot(page, "bodies-en");
    await expectNoSeriousAxeViolations("/ in English");
    await page.getByRole("button", { name: "Skift til dansk" }).click();
    await page.getByRole("heading", { level: 1, name: "Sundhedsklynger og sundhedsråd" }).waitFor();
  });

  it("serves deep links, and answers unknown bodies and pages with a friendly page", async () => {
    // Without a date a cluster's page shows it today, or on its last day once it has ended.
    await page.goto(`${harness.server.url}/klynger/bornholm`);
    await page.getByRole("heading", { level: 1, name: "Sundhedsklynge Bornholm" }).waitFor();
    await page.goto(`${harness.server.url}/klynger/findes-ikke`);
    await page.getByRole("heading", { level: 1, name: "Klyngen findes ikke" }).waitFor();
    await page.goto(`${harness.server.url}/sundhedsraad/findes-ikke`);
    await page.getByRole("heading", { level: 1, name: "Sundhedsrådet findes ikke" }).waitFor();
    await page.goto(`${harness.server.url}/ingen/side`);
    await page.getByRole("heading", { level: 1, name: "Siden findes ikke" }).waitFor();
    await screenshot(page, "not-found");
    await expectNoSeriousAxeViolations("404");
  });

  it("needs nothing that the Content-Security-Policy forbids", () => {
    expect(cspViolations).toEqual([]);
  });
});
