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
