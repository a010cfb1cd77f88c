import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flowFor } from "../../src/interop/medcom/fixtures.ts";
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
 * Issue 4, point 10 in a real browser: a nurse finds a citizen by CPR number
 * and reads the course of care; an administrator follows a dead letter from
 * the message list to the register and back.
 */

let harness: Harness;
let page: Page;
const requestedUrls: string[] = [];

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  page = await openPage(harness);
  page.on("request", (request) => requestedUrls.push(request.url()));
});

afterAll(async () => {
  await harness?.close();
});

async function search(cpr: string): Promise<void> {
  await page.getByRole("link", { name: "Find borger" }).click();
  await page.getByLabel("CPR-nummer").fill(cpr);
  await page.getByRole("button", { name: "Søg" }).click();
}

describe("a nurse finds a citizen and reads the course of care", () => {
  it("finds Birthe by CPR number without the number ever reaching a URL", async () => {
    await logInAsDemo(harness, page, "Sofie Sygeplejerske (demo)");
    await search("220841-1958");
    await page.getByRole("heading", { name: /Birthe Demo Jensen/ }).waitFor();
    expect(page.url()).toMatch(/\/borgere\/[0-9a-f-]{36}\/forloeb$/);
    expect(requestedUrls.filter((u) => /220841|2208411958/.test(u))).toEqual([]);
  });

  it("shows the state, who is responsible now, the three bodies and the timeline", async () => {
    const responsible = page.locator("section[aria-labelledby=responsible-heading]");
    await expect.poll(() => responsible.textContent()).toContain("Indlagt");
    await expect(responsible.textContent()).resolves.toContain("Slagelse Sygehus");
    const bodies = page.locator("section[aria-labelledby=bodies-heading]");
    // The demo runs today: its citizen lives in Nykøbing F's cluster, or from 2027 its council.
    await expect
      .poll(() => bodies.textContent())
      .toMatch(/Klyngen Nykøbing F|Sundhedsråd Østsjælland og Øerne/);
    await expect(bodies.locator(".bodies-differ").textContent()).resolves.toContain(
      "hører ikke under samme klynge eller råd",
    );
    // Each stay under the body of its own date, with the body's kind.
    const stayBody = page.locator(".stays-table .stay-body").first();
    await expect(stayBody.textContent()).resolves.toMatch(/Klyngen Næstved\/Slagelse|Sundhedsråd/);
    await expect(stayBody.locator(".body-kind").textContent()).resolves.toMatch(
      /^(Sundhedsklynge|Sundhedsråd)$/,
    );
    const timeline = page.locator(".pathway-timeline");
    await expect(timeline.textContent()).resolves.toContain("Akut ambulant modtaget");
    await expect(timeline.textContent()).resolves.toContain("Indlagt");
    await screenshot(page, "pathway-birthe");
    await expectAccessible(page, "pathway page");
  });

  it("reads the same page in English", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Responsible now" }).waitFor();
    await expect(page.locator(".bodies-differ").textContent()).resolves.toContain(
      "do not belong to the same cluster or council",
    );
    await screenshot(page, "pathway-birthe-en");
    await page.getByRole("button", { name: "Dansk" }).click();
    await page.getByRole("heading", { name: "Ansvarlig nu" }).waitFor();
  });

  it("says nothing was found for a citizen without a relation, and names a wrong number", async () => {
    await search("010180-1234");
    await expect
      .poll(() => page.locator(".alert-info").textContent())
      .toContain("Ingen borger fundet");
    await screenshot(page, "citizen-search-none");
    await expectAccessible(page, "search page");
    await page.getByLabel("CPR-nummer").fill("311399-0000");
    await page.getByRole("button", { name: "Søg" }).click();
    // Said at the field in words (issue 21 §7), with the summary linking to it; never the code "cpr".
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("CPR-nummer:");
    const input = page.locator("#search-cpr");
    await expect.poll(() => input.getAttribute("aria-invalid")).toBe("true");
    await expect(input.getAttribute("aria-describedby")).resolves.toContain("search-cpr-error");
    await expect(page.locator("#search-cpr-error").textContent()).resolves.not.toContain("cpr");
    await screenshot(page, "citizen-search-field-error");
    await expectAccessible(page, "search page with a refused number");
  });
});

describe("a discharged citizen's handovers", () => {
  it("shows that the hospital is responsible until Slagelse Kommune confirms Bent's discharge", async () => {
    await search("050738-2981");
    await page.getByRole("heading", { name: /Bent Demo Larsen/ }).waitFor();
    const responsible = page.locator("section[aria-labelledby=responsible-heading]");
    await expect.poll(() => responsible.textContent()).toContain("Overdragelser ved udskrivelse");
    await expect(responsible.textContent()).resolves.toContain("Slagelse Kommune");
    await expect(responsible.textContent()).resolves.toContain("Afventer bekræftelse");
    await screenshot(page, "pathway-bent-handover");
    await expectAccessible(page, "pathway with a handover");
  });
});

describe("an administrator works the dead letters", () => {
  const sender = { sor: "999999999000061", gln: "5799990000064", name: "Kirurgisk Afdeling" };

  it("lists received messages with their outcomes, including a waiting one", async () => {
    const [message] = flowFor("STIN", "browser-dead-letter", { sender }).messages;
    if (!message) throw new Error("no message");
    await sendHospitalNotifications(harness, [message]);

    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Anna Administrator (demo)");
    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByRole("link", { name: "Beskeder" }).click();
    await page.locator("table.messages-table").waitFor();
    await expect(page.locator("table.messages-table").textContent()).resolves.toContain("Anvendt");
    await page.getByLabel("Vis").selectOption({ index: 3 });
    await expect
      .poll(() => page.locator("table.messages-table").textContent())
      .toContain(sender.sor);
    await screenshot(page, "admin-messages");
    await expectAccessible(page, "messages page");
  });

  it("registers the unknown sender on the organisation page", async () => {
    await page.getByRole("link", { name: "Organisationer" }).click();
    await page.locator("table.units-table").waitFor();
    await page.getByLabel("SOR-kode", { exact: true }).fill(sender.sor);
    await page.getByLabel("Navn", { exact: true }).fill(sender.name);
    await page.getByLabel("Type", { exact: true }).selectOption("hospital_department");
    await page.getByLabel("GLN (valgfri)").fill(sender.gln);
    await page.getByLabel("Sygehus", { exact: true }).selectOption("slagelse-sygehus");
    await page.getByRole("button", { name: "Tilføj", exact: true }).click();
    await expect
      .poll(() => page.locator(".add-unit .alert-success").textContent())
      .toContain(sender.name);
    await expect.poll(() => page.locator("table.units-table").textContent()).toContain(sender.sor);
    await screenshot(page, "admin-units");
    await expectAccessible(page, "organisation register page");
  });

  it("refuses a file with a bad row, naming the line, then imports a good one", async () => {
    const header = "sor_code;name;kind;municipality_code";
    await page.getByLabel("Fil (.csv eller .json)").setInputFiles({
      name: "enheder.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${header}\n77788899900011;Sorø Visitation;municipal_unit;999\n`),
    });
    await page.getByRole("button", { name: "Importér" }).click();
    await expect.poll(() => page.locator(".import-units").textContent()).toContain("line 2");
    // The refusal in the user's language: the row's reason and what happened to the file.
    const refusal = await page.locator(".import-units").textContent();
    expect(refusal).toContain("angiver en kommune, der ikke findes");
    expect(refusal).toContain("Intet er importeret");
    await screenshot(page, "import-units-refused");
    await page.getByLabel("Fil (.csv eller .json)").setInputFiles({
      name: "enheder.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${header}\n77788899900011;Sorø Visitation;municipal_unit;340\n`),
    });
    await page.getByRole("button", { name: "Importér" }).click();
    await expect
      .poll(() => page.locator(".import-units .alert-success").textContent())
      .toContain("1 tilføjet");
  });

  it("applies the waiting message again from the message list", async () => {
    await page.getByRole("link", { name: "Beskeder" }).click();
    await page.getByLabel("Vis").selectOption({ index: 3 });
    await page
      .getByRole("button", { name: /Anvend igen/ })
      .first()
      .click();
    await expect
      .poll(() => page.locator(".alert-success").textContent())
      .toContain("Beskeden blev anvendt");
  });
});

describe("the citizen sees who is responsible", () => {
  it("takes Karen from »Mit forløb« to her own course of care", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Karen Demo Hansen");
    await page.getByRole("link", { name: "Mit forløb" }).click();
    await page.getByRole("heading", { name: /Karen Demo Hansen/ }).waitFor();
    const responsible = page.locator("section[aria-labelledby=responsible-heading]");
    await expect.poll(() => responsible.textContent()).toContain("Slagelse Sygehus");
    await screenshot(page, "pathway-citizen");
    await expectAccessible(page, "the citizen's own pathway");
  });
});
