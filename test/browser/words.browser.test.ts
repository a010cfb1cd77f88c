import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flowFor } from "../../src/interop/medcom/fixtures.ts";
import { DEMO_PASSWORD } from "../../src/synth/demo-seed.ts";
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
 * Issue 21 §7, words for people, not codes: the citizen's own pages say
 * "du" and what was done in words; a relative reads the citizen's name; the
 * message admin says what went wrong in Danish with the codes folded away;
 * a form refused by the server says why at the field.
 */

let harness: Harness;
let page: Page;
let karenId = "";

/** A signed-in API caller (cookie and CSRF token), as the web client is. */
async function apiAs(username: string) {
  const login = await fetch(`${harness.server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${harness.server.url}${path}`, {
      method,
      headers: {
        cookie,
        "x-csrf-token": csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as T;
  };
}

/** Codes that must never be what a person reads. */
const CODES =
  /\((handover|worklist|pathway|citizen|hospital-stay|fhir:\w+)\)|\b(confirm|discharge|write-note|admit-inpatient)\b|Besked (RE_|AN_)?[A-Z]{4}\b/;

/** The same in the English text, where "discharge" is a word, not a code. */
const ENGLISH_CODES =
  /\((handover|worklist|pathway|citizen|hospital-stay|fhir:\w+)\)|\b(write-note|admit-inpatient)\b/;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  page = await openPage(harness, { viewport: { width: 1280, height: 1000 }, locale: "da-DK" });
  const citizen = await apiAs("demo.borger");
  const [karen] = await citizen<{ id: string }[]>("GET", "/api/me/citizens");
  karenId = karen?.id ?? "";
  // The ward discharges Karen and her municipality confirms: both land in her access log.
  const ward = await apiAs("demo.sygeplejerske");
  const pathway = await ward<{ stays: { id: string; status: string }[] }>(
    "GET",
    `/api/citizens/${karenId}/pathway`,
  );
  const stay = pathway.stays.find((s) => s.status === "admitted");
  await ward("POST", `/api/stays/${stay?.id}/discharge`, { note: "Ny medicinliste" });
  const visitation = await apiAs("demo.visitator");
  const list = await visitation<{
    items: { id: string; citizenId: string; sector: string; version: number }[];
  }>("GET", "/api/handovers");
  const handover = list.items.find((i) => i.citizenId === karenId && i.sector === "municipality");
  await visitation("POST", `/api/handovers/${handover?.id}/confirm`, {
    version: handover?.version,
  });
});

afterAll(async () => {
  await harness?.close();
});

describe("the citizen's own pages speak to her", () => {
  it("says who is responsible to 'du', and the hospital's messages in words", async () => {
    await logInAsDemo(harness, page, "Karen Demo Hansen");
    await page.getByRole("link", { name: "Mit forløb" }).click();
    await page.getByRole("heading", { name: /Karen Demo Hansen/ }).waitFor();
    const responsible = page.locator("section[aria-labelledby=responsible-heading]");
    await expect.poll(() => responsible.textContent()).toMatch(/Du er udskrevet|for dig/);
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).not.toContain("Borgeren");
    expect(main).not.toMatch(/for borgeren/);
    expect(main).not.toMatch(CODES);
    // "Indlæggelse (STIN)": the words first, the code after for who knows it.
    await expect(page.locator(".pathway-timeline").textContent()).resolves.toMatch(
      /Sygehusets besked: \S.* \((RE_|AN_)?[A-Z]{4}\)|Registreret af afdelingen/,
    );
    await screenshot(page, "words-citizen-pathway");
    await expectAccessible(page, "the citizen's course of care");
  });

  it("says in her access log what was done, in words addressed to her", async () => {
    await page.getByRole("link", { name: "Hvem har set mine oplysninger" }).click();
    const log = page.locator("table.access-log");
    await expect
      .poll(() => log.textContent())
      .toContain("Bekræftede overdragelsen efter din udskrivelse");
    const text = (await log.textContent()) ?? "";
    expect(text).toContain("Læste dit forløb");
    expect(text).not.toMatch(CODES);
    expect(text).not.toMatch(/\bLæst\b|\bread\b/);
    await screenshot(page, "words-citizen-access-log");
    await expectAccessible(page, "the citizen's access log");
  });

  it("says it in English too", async () => {
    await page.getByRole("button", { name: "Switch to English" }).click();
    const log = page.locator("table.access-log");
    await expect
      .poll(() => log.textContent())
      .toContain("Confirmed the handover after your discharge");
    const text = await log.textContent();
    await page.getByRole("button", { name: "Skift til dansk" }).click();
    expect(text).not.toMatch(ENGLISH_CODES);
    await expect.poll(() => log.textContent()).toContain("Læste dit forløb");
  });

  it("says at the field why the new password was refused", async () => {
    await page.goto(`${harness.server.url}/konto/adgangskode`);
    await page.getByLabel("Nuværende adgangskode").fill(DEMO_PASSWORD);
    await page.getByLabel(/^Ny adgangskode/).fill("kort");
    await page.getByRole("button", { name: "Skift adgangskode" }).click();
    const input = page.locator("#new-password");
    await expect.poll(() => input.getAttribute("aria-invalid")).toBe("true");
    await expect(input.getAttribute("aria-describedby")).resolves.toContain("new-password-error");
    await expect(page.locator("#new-password-error").textContent()).resolves.toMatch(
      /mindst \d+ tegn/,
    );
    // The untouched field is not marked; the summary at the top links to the field.
    await expect(page.locator("#current-password").getAttribute("aria-invalid")).resolves.toBe(
      null,
    );
    await expect(
      page.locator(".error-summary a[href='#new-password']").textContent(),
    ).resolves.toBe("Ny adgangskode (mindst 12 tegn)");
    await screenshot(page, "words-field-error");
    await expectAccessible(page, "a field refused by the server");
  });
});

describe("a relative reads about the citizen by name", () => {
  it("never tells the relative 'du' about someone else", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Peter Pårørende (demo)");
    await page.goto(`${harness.server.url}/borgere/${karenId}/forloeb`);
    const responsible = page.locator("section[aria-labelledby=responsible-heading]");
    await expect.poll(() => responsible.textContent()).toContain("Karen Demo Hansen");
    expect(await responsible.textContent()).not.toMatch(/\b(Du|du|dig|din|dit|dine)\b/);
    await screenshot(page, "words-relative-pathway");
  });
});

describe("the message admin says what went wrong in words", () => {
  const sender = { sor: "999999999000078", gln: "5799990000071", name: "Ukendt Afdeling" };

  it("shows the Danish description, with the codes and the English behind a fold", async () => {
    const [message] = flowFor("STIN", "browser-words-dead-letter", { sender }).messages;
    if (!message) throw new Error("no message");
    await sendHospitalNotifications(harness, [message]);
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Anna Administrator (demo)");
    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByRole("link", { name: "Beskeder" }).click();
    await page.getByLabel("Vis").selectOption({ index: 3 });
    const row = page.locator("table.messages-table tr", { hasText: sender.sor });
    await expect
      .poll(() => row.textContent())
      .toContain("Afsender eller modtager findes ikke i organisationsregistret.");
    await expect(row.locator("td").nth(1).textContent()).resolves.toBe("Indlæggelse (STIN)");
    const fold = row.locator("details.message-technical");
    await expect(fold.locator("summary").textContent()).resolves.toBe("Teknisk detalje");
    // Folded: the English and the activity code are there, but not shown until opened.
    await expect(fold.locator("[lang=en]").isVisible()).resolves.toBe(false);
    await fold.locator("summary").click();
    await expect(fold.locator("[lang=en]").isVisible()).resolves.toBe(true);
    await expect(fold.textContent()).resolves.toContain("admit-inpatient");
    await expect(fold.textContent()).resolves.toContain("organisation register");
    await screenshot(page, "words-message-admin");
    await expectAccessible(page, "the message admin with a fold open");
  });
});
