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
 * Issue 22, sections 2 to 5, as the demo carries them: the secretariat opens
 * the held meeting's generated pack, as a page and as a PDF, and the public
 * reads it without the closed item; anyone, without
 * logging in, follows the body's page to its running initiative and reads
 * its effect against the comparison units, and to the year's money; the body's coordinator opens the
 * GP capacity, imports a practice's facts from a CSV file, sees the
 * municipality over the default rule flagged, and sets the rule above it.
 */

let harness: Harness;
const BODY = "/klynger/naestved-slagelse";

beforeAll(async () => {
  harness = await startHarness({ demo: true });
}, 180_000);

afterAll(async () => {
  await harness?.close();
});

describe("the body's initiatives, read by anyone", () => {
  it("leads from the body's page to the running initiative and its effect", async () => {
    const anyone = await openPage(harness, { locale: "da-DK" });
    await anyone.goto(`${harness.server.url}${BODY}`);
    await anyone.getByRole("link", { name: /^Initiativer i / }).click();
    await anyone.getByRole("heading", { name: "Initiativer", level: 1 }).waitFor();
    await anyone.getByRole("link", { name: /Færre akutte genindlæggelser/ }).click();
    await anyone.getByRole("heading", { name: /Færre akutte genindlæggelser/, level: 1 }).waitFor();
    await anyone.getByRole("heading", { name: "Effekt" }).waitFor();
    // The verdict is one of the three, never a bare number.
    await expect
      .poll(() => anyone.locator("main").textContent())
      .toMatch(/For få til at sige noget|Forbedret i forhold|Forværret i forhold/);
    await expect(anyone.locator("main").textContent()).resolves.toContain("Deltagende kommuner");
    await expect(anyone.locator("main").textContent()).resolves.toContain("Milepæle");
    // A running initiative's latest months are not final for a 30-day indicator: named, not pooled.
    await expect(anyone.locator(".effect-not-final").textContent()).resolves.toMatch(
      /^\d{4}-\d{2}.* ikke med: tallene for de måneder er endnu ikke endelige/,
    );
    await screenshot(anyone, "initiative-public");
    await expectAccessible(anyone, "a public initiative with its effect");
    await anyone.close();
  });
});

describe("a meeting's pack, generated", () => {
  it("gives the secretariat the pack as a page and as a PDF, and the public a version without the closed item", async () => {
    const secretariat = await openPage(harness, { locale: "da-DK" });
    await logInAsDemo(harness, secretariat, "Karin Koordinator (demo)");
    await secretariat.goto(`${harness.server.url}/arbejdsliste`);
    await secretariat.getByRole("heading", { name: "Vælg hvor du arbejder" }).waitFor();
    await secretariat.getByRole("button", { name: /sekretariat\) – Koordinator/ }).click();
    await secretariat.goto(`${harness.server.url}${BODY}`);
    await secretariat.getByRole("link", { name: /^Møder i / }).click();
    await secretariat.getByRole("heading", { name: "Møder", level: 1 }).waitFor();
    await secretariat
      .getByRole("link", { name: /Klyngestyregruppemøde/ })
      .first()
      .click();
    await secretariat.getByRole("heading", { name: "Dagsorden" }).waitFor();
    const pdfLink = secretariat.getByRole("link", { name: "Hent som PDF" });
    const pdfUrl = await pdfLink.getAttribute("href");
    await secretariat.getByRole("link", { name: "Vis mødepakken" }).click();
    await secretariat.getByRole("heading", { name: /Mødepakke/, level: 1 }).waitFor();
    const main = () => secretariat.locator("main").textContent();
    await expect.poll(main).toContain("Aftaler og initiativer");
    await expect(main()).resolves.toContain("Uafklarede overdragelser");
    await expect(main()).resolves.toContain("Bemanding i akutteamet");
    await screenshot(secretariat, "meeting-pack");
    await expectAccessible(secretariat, "a meeting's pack");
    // The PDF the server prints with Chromium, as the link gives it.
    const pdf = await secretariat.request.get(new URL(pdfUrl ?? "", harness.server.url).href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    expect((await pdf.body()).subarray(0, 4).toString()).toBe("%PDF");
    // The public version leaves the closed item out.
    const anyone = await openPage(harness, { locale: "da-DK" });
    await anyone.goto(secretariat.url());
    await anyone.getByRole("heading", { name: /Mødepakke/, level: 1 }).waitFor();
    await expect.poll(() => anyone.locator("main").textContent()).toContain("offentlige udgave");
    await expect(anyone.locator("main").textContent()).resolves.not.toContain(
      "Bemanding i akutteamet",
    );
    await anyone.close();
    await secretariat.close();
  });
});

describe("the body's money, read by anyone", () => {
  it("shows the year's money per party and the rows against their indicators, with a CSV", async () => {
    const anyone = await openPage(harness, { locale: "da-DK" });
    await anyone.goto(`${harness.server.url}${BODY}`);
    await anyone.getByRole("link", { name: /^Økonomi i / }).click();
    await anyone.getByRole("heading", { name: "Økonomi", level: 1 }).waitFor();
    await anyone.getByRole("link", { name: "Hent som CSV" }).waitFor();
    await expect
      .poll(() => anyone.locator("main").textContent())
      .toMatch(/Afsat pr\. part i \d{4}/);
    await screenshot(anyone, "ledger-public");
    await expectAccessible(anyone, "the body's ledger, public");
    await anyone.close();
  });
});

describe("GP capacity", () => {
  let coordinator: Page;
  const thin = () => coordinator.getByText("tyndt område", { exact: true }).count();
  const rule = () => coordinator.getByLabel("Flere tilmeldte patienter pr. læge end");

  it("shows the coordinator the body's municipalities, and imports the practices' facts from CSV", async () => {
    coordinator = await openPage(harness, { locale: "da-DK" });
    await logInAsDemo(harness, coordinator, "Karin Koordinator (demo)");
    await coordinator.goto(`${harness.server.url}/arbejdsliste`);
    await coordinator.getByRole("heading", { name: "Vælg hvor du arbejder" }).waitFor();
    await coordinator.getByRole("button", { name: /sekretariat\) – Koordinator/ }).click();
    await coordinator.goto(`${harness.server.url}${BODY}`);
    await coordinator.getByRole("link", { name: /^Lægekapacitet i / }).click();
    await coordinator.getByRole("heading", { name: "Lægekapacitet", level: 1 }).waitFor();
    const table = coordinator.locator("table", { has: coordinator.locator("caption") }).first();
    await expect.poll(() => table.textContent()).toContain("Næstved");
    // A municipality with no facts says so: no zeros, no "not thin".
    const soroe = table.locator("tr", { hasText: "Sorø" }).first();
    await expect.poll(() => soroe.textContent()).toContain("Ingen oplysninger");
    await expect(soroe.textContent()).resolves.not.toMatch(/\bnej\b|tyndt område/);
    // The demo's practice in Næstved: two doctors, 4,100 listed, closed to new patients.
    await coordinator.getByLabel("CSV-fil").setInputFiles({
      name: "kapacitet.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "provider_number,doctors,listed_patients,closed_to_new,as_of\n990001,2,4100,ja,2026-11-01\n",
      ),
    });
    await coordinator.getByRole("button", { name: "Indlæs filen" }).click();
    await coordinator.getByText(/^Indlæst: 1 oplysninger/).waitFor();
    const naestved = table.locator("tr", { hasText: "Næstved" }).first();
    await expect.poll(() => naestved.textContent()).toContain("2.050");
    // 2,050 listed patients per doctor is over the default 1,900.
    await expect.poll(thin).toBeGreaterThan(0);
    await screenshot(coordinator, "gp-capacity");
    await expectAccessible(coordinator, "GP capacity");
  });

  it("flags no area once the coordinator sets a rule above it", async () => {
    await rule().fill("2100");
    await coordinator.getByRole("button", { name: "Gem reglen" }).click();
    await coordinator.getByText("Reglen er gemt.").waitFor();
    await expect.poll(thin).toBe(0);
    await screenshot(coordinator, "gp-capacity-rule");
    await expectAccessible(coordinator, "GP capacity after the rule");
  });

  it("refuses a rule out of range at the field", async () => {
    await rule().fill("5");
    await coordinator.getByRole("button", { name: "Gem reglen" }).click();
    await expect
      .poll(() => coordinator.locator(".form-error-message").first().textContent())
      .toMatch(/mellem 100 og 10\.000/);
  });
});
