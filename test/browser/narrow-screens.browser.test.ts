import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { participantOf } from "../support/messages.ts";
import {
  expectAccessible,
  type Harness,
  logInAsDemo,
  openPage,
  screenshot,
  sendHospitalNotifications,
  startHarness,
} from "./harness.ts";

/**
 * On a phone's width (390 CSS px) the pages reflow and only a wide data table
 * scrolls sideways, inside its own region. While it does, that region is named
 * and reachable with the keyboard, so that it can be scrolled without a mouse;
 * on a wide screen, where nothing scrolls, it is no tab stop. The worklist has
 * no table under 600 px (issue 21, §8): its rows are cards with the actions in
 * view, and the header takes less than a fifth of the screen.
 */

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  page = await openPage(harness, { viewport: { width: 390, height: 844 } });
  // A discharge to the home nursing in Næstved, for its visitator to confirm or decline.
  const flow = new NotificationFlow(
    participants("narrow-1", {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient: { cpr: "0304551236", family: "Smal", given: ["Sigrid"] },
    }),
  );
  const hourAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  flow.admit({ class: "inpatient", at: hourAgo(5) });
  flow.discharge({ at: hourAgo(0.1) });
  await sendHospitalNotifications(harness, flow.messages);
});
afterAll(async () => {
  await harness?.close();
});

/** How far the page itself is wider than the screen, in CSS px (0 when it reflows). */
const sideways = (p: Page) =>
  p.locator("html").evaluate((html) => html.scrollWidth - html.clientWidth);

/** The header's share of the screen's height. */
const headerShare = (p: Page) =>
  p
    .locator("header")
    .first()
    .evaluate(
      (h) => h.getBoundingClientRect().height / (h.ownerDocument.defaultView?.innerHeight ?? 1),
    );

/** Whether an element lies within the screen's width (nothing to scroll sideways for). */
async function withinWidth(p: Page, selector: ReturnType<Page["locator"]>): Promise<boolean> {
  const box = await selector.boundingBox();
  const width = p.viewportSize()?.width ?? 0;
  return box !== null && box.x >= 0 && box.x + box.width <= width;
}

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

  it("the receiver's worklist is cards, confirm and decline in view, the header under a fifth", async () => {
    await page.context().clearCookies();
    await logInAsDemo(harness, page, "Villads Visitator (demo)");
    await page.goto(`${harness.server.url}/arbejdsliste`);
    const card = page
      .locator(".worklist-card", { has: page.getByRole("button", { name: /^Bekræft/ }) })
      .first();
    await card.waitFor();
    expect(await page.locator(".worklist-table").count()).toBe(0);
    expect(await sideways(page)).toBe(0);
    expect(await headerShare(page)).toBeLessThan(0.2);
    const confirm = card.getByRole("button", { name: /^Bekræft/ });
    const decline = card.getByRole("button", { name: /^Afvis/ });
    expect(await withinWidth(page, confirm)).toBe(true);
    expect(await withinWidth(page, decline)).toBe(true);
    await expectAccessible(page, "the worklist's cards at 390 px");
    await screenshot(page, "worklist-cards-390px");

    // Confirmed: the card leaves its group but stays, once, under "Netop besluttet",
    // with "Fortryd" in view, even though it was the last thing to do.
    const name = (await card.locator(".worklist-card-title").textContent()) ?? "";
    await confirm.click();
    const decided = page.getByRole("region", { name: "Netop besluttet" });
    const kept = decided.locator(".worklist-card", { hasText: name });
    const undo = kept.getByRole("button", { name: /^Fortryd/ });
    await undo.waitFor();
    expect(await page.locator(".worklist-card", { hasText: name }).count()).toBe(1);
    expect(await withinWidth(page, undo)).toBe(true);
    expect(await sideways(page)).toBe(0);
    await expectAccessible(page, "a kept card with its undo at 390 px");
    await screenshot(page, "worklist-card-undo-390px");
    await undo.click();
    await expect.poll(() => kept.getByRole("button", { name: /^Fortryd/ }).count()).toBe(0);

    // Declined: the ward's phone number and opening hours are one click away on the card.
    const again = page.locator(".worklist-card", { hasText: name }).first();
    await again.getByRole("button", { name: /^Afvis/ }).click();
    await again.getByLabel("Årsag").selectOption({ label: "Borgeren er flyttet" });
    await again.getByRole("button", { name: "Send afvisning" }).click();
    const declined = page.locator(".worklist-card", { hasText: name }).first();
    const contact = declined.getByText(/^Kontakt Slagelse Sygehus, Medicinsk Afdeling/);
    await contact.click();
    await expect
      .poll(() => declined.locator(".party-contact").textContent())
      .toMatch(/Telefon|har ikke oplyst/);
    expect(await sideways(page)).toBe(0);
    await expectAccessible(page, "a declined card with the ward's contact at 390 px");
    await screenshot(page, "worklist-card-contact-390px");
    await declined.getByRole("button", { name: /^Fortryd/ }).click();
  });

  it("a ward nurse's worklist is cards too, and the other main pages reflow", async () => {
    await page.context().clearCookies();
    await logInAsDemo(harness, page, "Sofie Sygeplejerske (demo)");
    await page.goto(`${harness.server.url}/arbejdsliste`);
    await page.locator(".worklist-card").first().waitFor();
    expect(await sideways(page)).toBe(0);
    expect(await headerShare(page)).toBeLessThan(0.2);
    for (const [path, name] of [
      ["/notifikationer", "notifications"],
      ["/", "home"],
      ["/borgere/soeg", "citizen-search"],
    ] as const) {
      await page.goto(`${harness.server.url}${path}`);
      await page.locator("h1").first().waitFor();
      await page.waitForLoadState("networkidle");
      expect(await sideways(page), path).toBe(0);
      expect(await headerShare(page), path).toBeLessThan(0.2);
      await expectAccessible(page, `${path} at 390 px`);
      await screenshot(page, `${name}-390px`);
    }
    await page.context().clearCookies();
    await logInAsDemo(harness, page, "Karin Koordinator (demo)");
    for (const path of ["/arbejdsliste", "/klynge/overdragelsesregler"]) {
      await page.goto(`${harness.server.url}${path}`);
      await page.locator("h1").first().waitFor();
      await page.waitForLoadState("networkidle");
      expect(await sideways(page), path).toBe(0);
      expect(await headerShare(page), path).toBeLessThan(0.2);
      await expectAccessible(page, `${path} at 390 px (coordinator)`);
    }
    await screenshot(page, "handover-rules-390px");
    await page.context().clearCookies();
    await logInAsDemo(harness, page, "Sofie Sygeplejerske (demo)");
  });

  it("on a wide screen the table fits and adds no tab stop", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${harness.server.url}/arbejdsliste`);
    await page.locator(".worklist-table").first().waitFor();
    const wrapper = page.locator(".table--responsive-scroll").first();
    await expect.poll(() => wrapper.getAttribute("tabindex")).toBeNull();
    // No group's table scrolls, so none is a focusable region.
    await expect.poll(() => page.locator(".table--responsive-scroll[tabindex]").count()).toBe(0);
  });
});
