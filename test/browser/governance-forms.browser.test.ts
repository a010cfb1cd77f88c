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
 * Issue 22's forms as the body's coordinator meets them: a new initiative
 * refused at its fields (no target indicator, an end before the start, a
 * negative amount), and the held meeting's page with its decision form.
 */

let harness: Harness;
let coordinator: Page;
const BODY = "/klynger/naestved-slagelse";

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  coordinator = await openPage(harness, { locale: "da-DK" });
  await logInAsDemo(harness, coordinator, "Karin Koordinator (demo)");
  await coordinator.goto(`${harness.server.url}/arbejdsliste`);
  await coordinator.getByRole("heading", { name: "Vælg hvor du arbejder" }).waitFor();
  await coordinator.getByRole("button", { name: /sekretariat\) – Koordinator/ }).click();
}, 180_000);

afterAll(async () => {
  await harness?.close();
});

describe("a new initiative", () => {
  it("is refused at each field that is wrong, and nothing is saved", async () => {
    await coordinator.goto(`${harness.server.url}${BODY}/initiativer`);
    await coordinator.getByRole("link", { name: "Nyt initiativ" }).click();
    await coordinator.getByRole("heading", { name: "Nyt initiativ", level: 1 }).waitFor();
    await coordinator.getByLabel("Titel").fill("Hurtigere opfølgning efter udskrivelse");
    await coordinator.getByLabel("Start").fill("2027-03-01");
    await coordinator.getByLabel("Slut").fill("2027-01-01");
    await coordinator.getByRole("button", { name: "Opret initiativet" }).click();
    const errors = coordinator.locator(".form-error-message");
    await expect.poll(() => errors.count()).toBeGreaterThanOrEqual(2);
    const said = (await errors.allTextContents()).join(" | ");
    expect(said).toMatch(/målindikator/);
    expect(said).toMatch(/slutte før/);
    await screenshot(coordinator, "initiative-form-refused");
    await expectAccessible(coordinator, "the initiative form, refused");
    await coordinator.goto(`${harness.server.url}${BODY}/initiativer`);
    await expect
      .poll(() => coordinator.locator("main").textContent())
      .not.toContain("Hurtigere opfølgning efter udskrivelse");
  });
});

describe("the held meeting", () => {
  it("shows its agenda, who was there, its decision and the decision form", async () => {
    await coordinator.goto(`${harness.server.url}${BODY}/moeder`);
    await coordinator
      .getByRole("link", { name: /Klyngestyregruppemøde/ })
      .first()
      .click();
    await coordinator.getByRole("heading", { name: "Dagsorden" }).waitFor();
    await coordinator.getByRole("heading", { name: "Beslutninger" }).first().waitFor();
    await coordinator.getByRole("heading", { name: "Registrér en beslutning" }).waitFor();
    await screenshot(coordinator, "meeting-page");
    await expectAccessible(coordinator, "a held meeting");
  });
});

describe("editing the held meeting", () => {
  const AGREEMENT = "IV-behandling i eget hjem og opfølgende hjemmebesøg";
  const ITEM = "Opfølgning: hjemmebesøg inden for 3 dage";

  it("adds an item on the agreement, moves it first, and the meeting and pack link to it", async () => {
    await coordinator.goto(`${harness.server.url}${BODY}/moeder`);
    await coordinator
      .getByRole("link", { name: /Klyngestyregruppemøde/ })
      .first()
      .click();
    await coordinator.getByRole("heading", { name: "Dagsorden" }).waitFor();
    const meetingUrl = coordinator.url();
    await coordinator.getByRole("link", { name: "Redigér mødet" }).click();
    await coordinator.getByRole("heading", { name: /^Redigér mødet/, level: 1 }).waitFor();
    await coordinator.getByRole("button", { name: "Tilføj et punkt" }).click();
    // The demo's meeting has three items: the new one is the fourth.
    await coordinator.getByLabel("Punktets titel").nth(3).fill(ITEM);
    await coordinator
      .getByLabel("Hvad punktet vedrører")
      .nth(3)
      .selectOption({ label: `Aftale: ${AGREEMENT}` });
    for (const n of [4, 3, 2])
      await coordinator.getByRole("button", { name: `Flyt punkt ${n} op` }).click();
    await expect(coordinator.getByLabel("Punktets titel").first().inputValue()).resolves.toBe(ITEM);
    await screenshot(coordinator, "meeting-edit");
    await expectAccessible(coordinator, "the meeting's edit form");
    await coordinator.setViewportSize({ width: 390, height: 844 });
    await screenshot(coordinator, "meeting-edit-390");
    await expectAccessible(coordinator, "the meeting's edit form at 390 px");
    await coordinator.setViewportSize({ width: 1280, height: 900 });
    await coordinator.getByRole("button", { name: "Gem mødet" }).click();
    await coordinator.getByRole("heading", { name: "Dagsorden" }).waitFor();
    expect(coordinator.url()).toBe(meetingUrl);
    const first = coordinator.locator("main ol:not(.breadcrumbs__list) > li").first();
    await expect.poll(() => first.textContent()).toContain(ITEM);
    await expect(first.getByRole("link", { name: AGREEMENT }).count()).resolves.toBe(1);
    await screenshot(coordinator, "meeting-page-edited");
    await expectAccessible(coordinator, "the edited meeting");

    await coordinator.getByRole("link", { name: "Vis mødepakken" }).click();
    await coordinator.getByRole("heading", { name: /Mødepakke/, level: 1 }).waitFor();
    const item = coordinator.locator("main ol:not(.breadcrumbs__list) > li", { hasText: ITEM });
    await item.getByRole("link", { name: AGREEMENT }).waitFor();
    // Every figure of the dashboard, not the first five: the loop's too.
    await expect
      .poll(() => coordinator.locator("main").textContent())
      .toContain("Overdragelser bekræftet inden fristen");
    await screenshot(coordinator, "meeting-pack-edited");
    await expectAccessible(coordinator, "the pack with a linked item");
    await coordinator.setViewportSize({ width: 390, height: 844 });
    await screenshot(coordinator, "meeting-pack-edited-390");
    await expectAccessible(coordinator, "the pack at 390 px");
    await coordinator.setViewportSize({ width: 1280, height: 900 });
    await item.getByRole("link", { name: AGREEMENT }).click();
    await coordinator.getByRole("heading", { name: AGREEMENT, level: 1 }).waitFor();
  });

  it("says plainly when someone else saved the meeting first, and loads it again", async () => {
    await coordinator.goto(`${harness.server.url}${BODY}/moeder`);
    await coordinator
      .getByRole("link", { name: /Klyngestyregruppemøde/ })
      .first()
      .click();
    await coordinator.getByRole("link", { name: "Redigér mødet" }).click();
    await coordinator.getByRole("heading", { name: /^Redigér mødet/, level: 1 }).waitFor();
    const editUrl = coordinator.url();
    // A colleague (the same session, another tab) saves first.
    const other = await coordinator.context().newPage();
    await other.goto(editUrl);
    await other.getByLabel("Mødets titel").fill("Klyngestyregruppemøde (flyttet)");
    await other.getByRole("button", { name: "Gem mødet" }).click();
    await other
      .getByRole("heading", { name: "Klyngestyregruppemøde (flyttet)", level: 1 })
      .waitFor();
    await other.close();
    await coordinator.getByLabel("Dato").fill("1.1.2027");
    await coordinator.getByRole("button", { name: "Gem mødet" }).click();
    const alert = coordinator.getByRole("alert").filter({ hasText: "En anden har ændret mødet" });
    await alert.getByRole("heading", { name: "En anden har ændret mødet imens" }).waitFor();
    await expect(alert.textContent()).resolves.toMatch(/nu version \d+/);
    await screenshot(coordinator, "meeting-edit-conflict");
    await expectAccessible(coordinator, "the meeting's edit form after a conflict");
    await alert.getByRole("button", { name: "Hent mødet igen" }).click();
    await expect
      .poll(() => coordinator.getByLabel("Mødets titel").inputValue())
      .toBe("Klyngestyregruppemøde (flyttet)");
  });
});
