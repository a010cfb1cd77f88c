import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTransition } from "../../src/transition/service.ts";
import {
  expectAccessible,
  type Harness,
  logInAsDemo,
  openPage,
  screenshot,
  startHarness,
} from "./harness.ts";

/**
 * Issue 6, point 2: the body's coordinator reads the body's handover
 * rules in plain words, edits the municipality's escalation ladder, gets a
 * refusal next to the step that is wrong, fixes it, saves, and finds the
 * body's own rule after a reload. Staff of other organisations read the
 * same rules without a form.
 */

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  page = await openPage(harness, { locale: "da-DK" });
});

afterAll(async () => {
  await harness?.close();
});

const municipality = () => page.locator("section.rule-section", { hasText: "Kommunen" }).first();
const stepTwo = () => page.locator("#municipality-step-1-minutes");

describe("the body's handover rules", () => {
  it("are reachable from the coordinator's worklist and explained in plain Danish", async () => {
    await logInAsDemo(harness, page, "Karin Koordinator (demo)");
    await page.goto(`${harness.server.url}/arbejdsliste`);
    await page.getByRole("heading", { name: "Vælg hvor du arbejder" }).waitFor();
    await page.getByRole("button", { name: /sekretariat\) – Koordinator/ }).click();
    await page.getByRole("link", { name: /Overdragelsesregler: frister og rykkere/ }).click();
    await page.getByRole("heading", { name: "Overdragelsesregler", level: 1 }).waitFor();
    const nav = page.getByRole("navigation", { name: "Hovedmenu" });
    await expect(nav.getByRole("link", { name: "Overdragelsesregler" }).count()).resolves.toBe(1);
    await expect
      .poll(() => municipality().textContent())
      .toContain(
        "Kommunen skal bekræfte inden for 4 timer, regnet kl. 07–22 på hverdage og kl. 08–20 i weekender og på helligdage.",
      );
    await expect(municipality().textContent()).resolves.toContain("Standardregel");
    await expect(stepTwo().inputValue()).resolves.toBe("60");
  });

  it("refuses a step at 0 minutes, naming the step next to its field and at the top", async () => {
    await stepTwo().fill("0");
    await page.getByRole("button", { name: "Gem reglen for kommunen" }).click();
    const summary = municipality().locator(".error-summary");
    await expect.poll(() => summary.textContent()).toContain("Reglen blev ikke gemt");
    await expect(summary.getByRole("link", { name: "Trin 2, minutter" }).count()).resolves.toBe(1);
    const fieldError = page.locator("#municipality-step-1-minutes-error");
    await expect(fieldError.textContent()).resolves.toContain(
      "skal være mere end 0: to trin på samme tid",
    );
    await expect(stepTwo().getAttribute("aria-invalid")).resolves.toBe("true");
    await summary.getByRole("link", { name: "Trin 2, minutter" }).click();
    await expect(stepTwo().evaluate((input) => input.matches(":focus"))).resolves.toBe(true);
    await screenshot(page, "handover-rules-refused");
    await expectAccessible(page, "handover rules, refused");
  });

  it("saves the fixed rule, which a reload shows as the body's own", async () => {
    await stepTwo().fill("30");
    await page.getByRole("button", { name: "Gem reglen for kommunen" }).click();
    await expect
      .poll(() => municipality().locator(".alert-success").textContent())
      .toContain("Reglen er gemt");
    await page.reload();
    await page.getByRole("heading", { name: "Overdragelsesregler", level: 1 }).waitFor();
    await expect.poll(() => stepTwo().inputValue()).toBe("30");
    const text = await municipality().textContent();
    expect(text).toContain("Klyngens egen regel");
    expect(text).not.toContain("Standardregel");
    expect(text).toContain("klyngens koordinator 30 minutter senere");
    await screenshot(page, "handover-rules-saved");
    await expectAccessible(page, "handover rules, saved");
  });

  it("shows the same rules read-only to the ward, from the header", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Sofie Sygeplejerske (demo)");
    await page.getByRole("link", { name: "Overdragelsesregler" }).click();
    await page.getByRole("heading", { name: "Overdragelsesregler", level: 1 }).waitFor();
    await expect
      .poll(() => page.locator(".rules-who").textContent())
      .toContain("Kun klyngens egne koordinatorer");
    await expect.poll(() => municipality().locator("table").textContent()).toContain("30 minutter");
    await expect(page.getByRole("button", { name: /Gem reglen/ }).count()).resolves.toBe(0);
    await screenshot(page, "handover-rules-read-only");
    await expectAccessible(page, "handover rules, read-only");
  });

  it("crosses to the council: the cluster's rule, carried over, awaits the council's confirmation", async () => {
    // The change of 1 January 2027 carried over as the server does at that midnight.
    const afterMidnight = () => new Date("2027-01-01T00:05:00+01:00");
    await createTransition({ db: harness.server.database.db, clock: afterMidnight }).applyDue();
    await page.getByRole("button", { name: "Log ud" }).click();
    // The cluster's lead now leads the council's secretariat: the rules are the council's.
    await logInAsDemo(harness, page, "Kasper Leder (demo)");
    await page.goto(`${harness.server.url}/klynge/overdragelsesregler`);
    await page.getByRole("heading", { name: "Overdragelsesregler", level: 1 }).waitFor();
    await expect
      .poll(() => municipality().textContent())
      .toContain("Overtaget fra Klyngen Næstved/Slagelse ved strukturændringen 1. januar 2027");
    const text = await municipality().textContent();
    expect(text).toContain("Afventer bekræftelse");
    // The cluster's saved step of 30 minutes came with it.
    await expect(stepTwo().inputValue()).resolves.toBe("30");
    const gp = page.locator("section.rule-section", { hasText: "Praktiserende læge" }).first();
    await expect(gp.textContent()).resolves.not.toContain("Afventer bekræftelse");
    await screenshot(page, "handover-rules-carried-over");
    await expectAccessible(page, "handover rules, carried over");
    await page.getByRole("button", { name: "Bekræft reglen for kommunen" }).click();
    await expect.poll(() => municipality().textContent()).toContain("Bekræftet");
    await expect(municipality().textContent()).resolves.not.toContain("Afventer bekræftelse");
    await expect(page.getByRole("button", { name: /Bekræft reglen/ }).count()).resolves.toBe(0);
  });
});
