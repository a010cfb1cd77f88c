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
 * Issue 22, section 1: the body's coordinator drafts an agreement (and is
 * told at each field what is wrong), sends it to consultation, the citizens'
 * representative responds, the coordinator approves it, the lead adopts it,
 * the rules page names it as the reason for the rule it set, and anyone
 * reads it without logging in, on a phone too.
 */

let harness: Harness;
let coordinator: Page;
let agreementUrl = "";
const TITLE = "Hurtig bekræftelse af udskrivelser til hjemmesygeplejen";

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  coordinator = await openPage(harness, { locale: "da-DK" });
}, 180_000);

afterAll(async () => {
  await harness?.close();
});

async function asPerson(name: string, options = {}) {
  const page = await openPage(harness, { locale: "da-DK", ...options });
  await logInAsDemo(harness, page, name);
  return page;
}

const status = (page: Page) => page.locator("h1 + p .badge").first();

describe("an agreement from draft to adopted", () => {
  it("lists the body's agreements for its coordinator, who starts a new one", async () => {
    await logInAsDemo(harness, coordinator, "Karin Koordinator (demo)");
    await coordinator.goto(`${harness.server.url}/arbejdsliste`);
    await coordinator.getByRole("heading", { name: "Vælg hvor du arbejder" }).waitFor();
    await coordinator.getByRole("button", { name: /sekretariat\) – Koordinator/ }).click();
    await coordinator.goto(`${harness.server.url}/klynger/naestved-slagelse/aftaler`);
    await coordinator.getByRole("heading", { name: "Aftaler om hvem der gør hvad" }).waitFor();
    await expect.poll(() => coordinator.locator(".agreement-card").count()).toBe(2);
    await expect(coordinator.locator(".agreement-list").textContent()).resolves.toContain(
      "I kraft",
    );
    await screenshot(coordinator, "agreements-list");
    await expectAccessible(coordinator, "agreements list");
    await coordinator.getByRole("link", { name: "Ny aftale" }).click();
    await coordinator.getByRole("heading", { name: "Ny aftale", level: 1 }).waitFor();
  });

  it("refuses a negative amount and a period that ends before it starts, at each field", async () => {
    await coordinator.getByLabel("Titel").fill(TITLE);
    await coordinator
      .getByLabel("Resumé i klart sprog")
      .fill(
        "Kommunen bekræfter udskrivelser inden for 3 timer, og regionen betaler en ekstra vagt.",
      );
    await coordinator.getByLabel("Opgave").fill("Bekræfte udskrivelser inden for 3 timer");
    await coordinator.getByLabel("Fra dato").fill("2027-01-01");
    await coordinator.getByLabel("Til dato (valgfri)").fill("2026-12-31");
    await coordinator.getByRole("button", { name: "Tilføj beløb" }).click();
    await coordinator.getByLabel("Beløb om året (kr.)").fill("-5");
    await coordinator.getByRole("button", { name: "Opret udkast" }).click();
    const summary = coordinator.locator(".error-summary");
    await expect.poll(() => summary.textContent()).toContain("Ret felterne nedenfor");
    await expect(summary.textContent()).resolves.toContain("må ikke være negativt");
    await expect(
      coordinator.locator("#f-commitments-0-until-error").textContent(),
    ).resolves.toContain("må ikke slutte før den begynder");
    await expect(
      coordinator.locator("#f-commitments-0-resources-0-amount").getAttribute("aria-invalid"),
    ).resolves.toBe("true");
    await summary.getByRole("link", { name: "Beløb om året (kr.)" }).click();
    await expect(
      coordinator
        .locator("#f-commitments-0-resources-0-amount")
        .evaluate((input) => input.matches(":focus")),
    ).resolves.toBe(true);
    await screenshot(coordinator, "agreement-form-refused");
    await expectAccessible(coordinator, "agreement form, refused");
  });

  it("creates the draft once the fields are right, with a handover rule among its commitments", async () => {
    await coordinator.getByLabel("Til dato (valgfri)").fill("");
    await coordinator.getByLabel("Beløb om året (kr.)").fill("450.000,50");
    await coordinator.getByLabel("Overdragelser bekræftet inden fristen").check();
    await coordinator.getByLabel("Forpligtelsen er en overdragelsesregel").check();
    await coordinator.getByLabel("Frist i timer (servicetid)").fill("3");
    await coordinator.getByRole("button", { name: "Opret udkast" }).click();
    await coordinator.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
    agreementUrl = coordinator.url();
    await expect(status(coordinator).textContent()).resolves.toBe("Udkast");
    // Intl puts a no-break space before "kr.".
    const commitment = await coordinator.locator(".agreement-commitment").textContent();
    expect(commitment?.replace(/\s/g, " ")).toContain(
      "450.000,50 kr. om året fra regionen til kommunen",
    );
    await coordinator.getByRole("button", { name: "Send i høring" }).click();
    await expect.poll(() => status(coordinator).textContent()).toBe("I høring");
  });

  it("takes the citizens' representative's response, kept with the version read", async () => {
    const representative = await asPerson("Pia Patientforening (demo)");
    await representative.goto(agreementUrl);
    await representative.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
    await expect(
      representative.getByRole("button", { name: "Send i høring" }).count(),
    ).resolves.toBe(0);
    await representative
      .getByLabel("Dit høringssvar")
      .fill("Vi støtter aftalen og beder om, at de pårørende får besked om fristen.");
    await representative.getByRole("button", { name: "Afgiv høringssvar" }).click();
    await expect
      .poll(() => representative.locator(".agreement-comments").textContent())
      .toContain("Til version 2");
    await screenshot(representative, "agreement-consultation-response");
    await expectAccessible(representative, "agreement in consultation");
  });

  it("is approved by the coordinator and adopted by the lead, which sets the body's rule", async () => {
    await coordinator.reload();
    await coordinator.getByRole("button", { name: "Godkend fagligt" }).click();
    await expect.poll(() => status(coordinator).textContent()).toBe("Godkendt fagligt");
    await expect(
      coordinator.getByRole("button", { name: "Vedtag politisk" }).count(),
    ).resolves.toBe(0);
    const lead = await asPerson("Kasper Leder (demo)");
    await lead.goto(agreementUrl);
    await lead.getByRole("button", { name: "Vedtag politisk" }).click();
    await expect.poll(() => status(lead).textContent()).toBe("Vedtaget politisk");
    await expect(lead.locator(".agreement-lifecycle").textContent()).resolves.toContain(
      "Kasper Leder (demo)",
    );
    await screenshot(lead, "agreement-adopted");
    await expectAccessible(lead, "agreement adopted");
    await lead.goto(`${harness.server.url}/klynge/overdragelsesregler?klynge=naestved-slagelse`);
    const link = lead.getByRole("link", {
      name: new RegExp(`Sat ved vedtagelsen af aftalen: ${TITLE}`),
    });
    await link.waitFor();
    await screenshot(lead, "agreement-rules-page");
    await link.click();
    await lead.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
  });

  it("is read without logging in, on a 390 px phone", async () => {
    const anyone = await openPage(harness, {
      locale: "da-DK",
      viewport: { width: 390, height: 844 },
    });
    await anyone.goto(agreementUrl);
    await anyone.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
    await expect(anyone.getByRole("button", { name: /Sæt i kraft/ }).count()).resolves.toBe(0);
    const overflow = await anyone
      .locator("html")
      .evaluate((html) => html.scrollWidth - html.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(anyone, "agreement-public-390");
    await expectAccessible(anyone, "agreement, public, 390 px");
    // Under 600 px the language sits in the folded main menu, with the rest of the header.
    await anyone.getByRole("button", { name: "Hovedmenu" }).click();
    await anyone.getByRole("button", { name: "English" }).click();
    await anyone.getByRole("heading", { name: "Lifecycle" }).waitFor();
    await expect(status(anyone).textContent()).resolves.toBe("Adopted (political)");
    await screenshot(anyone, "agreement-public-390-en");
    await expectAccessible(anyone, "agreement, public, 390 px, English");
  });
});
