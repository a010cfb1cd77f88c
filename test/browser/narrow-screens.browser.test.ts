import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  type Harness,
  logInAsDemo,
  openPage,
  screenshot,
  startHarness,
} from "./harness.ts";

/**
 * On a phone's width (390 CSS px) the pages reflow and only a wide data table
 * scrolls sideways, inside its own region. While it does, that region is named
 * and reachable with the keyboard, so that it can be scrolled without a mouse;
 * on a wide screen, where nothing scrolls, it is no tab stop.
 */

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  page = await openPage(harness, { viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await harness?.close();
});

/** How far the page itself is wider than the screen, in CSS px (0 when it reflows). */
const sideways = (p: Page) =>
  p.locator("html").evaluate((html) => html.scrollWidth - html.clientWidth);

describe("a phone's width", () => {
  it("the citizen's own page: the stays table scrolls in a named region reached by Tab", async () => {
    await logInAsDemo(harness, page, "Karen Demo Hansen");
    await page.goto(`${harness.server.url}/mit-forloeb`);
    const region = page.getByRole("region", { name: "Indlæggelser" });
    await region.waitFor();
    expect(await sideways(page)).toBe(0);
    expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await expectAccessible(page, "the citizen's page at 390 px");
    await screenshot(page, "citizen-page-390px");

    // Tab until the region has focus; the arrow keys then scroll it.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await region.evaluate((e) => e.matches(":focus"));
    }
    expect(reached).toBe(true);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
  });

  it("a ward nurse's worklist reflows, its table scrolling in its own region", async () => {
    await page.context().clearCookies();
    await logInAsDemo(harness, page, "Sofie Sygeplejerske (demo)");
    await page.goto(`${harness.server.url}/arbejdsliste`);
    await page.locator(".worklist-table").waitFor();
    expect(await sideways(page)).toBe(0);
    await expect.poll(() => page.getByRole("region", { name: "Arbejdsliste" }).count()).toBe(1);
    await expectAccessible(page, "the worklist at 390 px");
  });

  it("on a wide screen the table fits and adds no tab stop", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await page.locator(".worklist-table").waitFor();
    const wrapper = page.locator(".table--responsive-scroll").first();
    await expect.poll(() => wrapper.getAttribute("tabindex")).toBeNull();
    expect(await page.getByRole("region", { name: "Arbejdsliste" }).count()).toBe(0);
  });
});
