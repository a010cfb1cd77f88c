import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/synth/demo-seed.ts";
import {
  expectAccessible,
  type Harness,
  logInAsDemo,
  openPage,
  screenshot,
  startHarness,
} from "./harness.ts";

/**
 * Issue 6, point 7: the citizen sees it too. Karen (the demo citizen) is
 * discharged; her own page says in plain words that nobody has confirmed yet
 * and the ward is still responsible, with the ward's phone number; once her
 * municipality confirms, it says so, with the municipality's contact details.
 * Her relative (with her consent) reads the same, about her by name.
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

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  page = await openPage(harness, { viewport: { width: 1280, height: 1000 }, locale: "da-DK" });
  const citizen = await apiAs("demo.borger");
  const [karen] = await citizen<{ id: string }[]>("GET", "/api/me/citizens");
  karenId = karen?.id ?? "";
});

afterAll(async () => {
  await harness?.close();
});

const notice = () => page.locator("section.citizen-handover");
const item = (sector: string) => notice().locator("li.citizen-handover-item", { hasText: sector });

describe("the citizen's own page after a discharge", () => {
  it("says nothing about handovers while she is in hospital", async () => {
    await page.goto(`${harness.server.url}/login`);
    await page.getByRole("button", { name: "Karen Demo Hansen" }).click();
    await page.locator(".user-menu .user-name").waitFor();
    await page.getByRole("link", { name: "Mit forløb" }).click();
    await page.getByRole("heading", { name: /Karen Demo Hansen/ }).waitFor();
    await expect(notice().count()).resolves.toBe(0);
  });

  it("says the ward is still responsible until someone confirms, with the ward's phone", async () => {
    // The ward discharges Karen (as from its own system: one more notification of her stay).
    const ward = await apiAs("demo.sygeplejerske");
    const pathway = await ward<{ stays: { id: string; status: string }[] }>(
      "GET",
      `/api/citizens/${karenId}/pathway`,
    );
    const stay = pathway.stays.find((s) => s.status === "admitted");
    expect(stay).toBeDefined();
    await ward("POST", `/api/stays/${stay?.id}/discharge`, { note: "Ny medicinliste" });

    await page.reload();
    await expect
      .poll(() => item("Hjemmesygepleje").textContent())
      .toContain(
        "Endnu ikke bekræftet — hospitalsafdelingen (Slagelse Sygehus, Medicinsk Afdeling) har stadig ansvaret for dig.",
      );
    const phone = item("Hjemmesygepleje").getByRole("link", { name: "+45 13 00 01 01" });
    await expect.poll(() => phone.getAttribute("href")).toBe("tel:+4513000101");
    await expect(item("Hjemmesygepleje").textContent()).resolves.toContain("(demodata)");
    await screenshot(page, "citizen-handover-open");
    await expectAccessible(page, "citizen page, not yet confirmed");
  });

  it("says her home nursing has confirmed once Næstved Kommune does, with its contact", async () => {
    const visitation = await apiAs("demo.visitator");
    const list = await visitation<{
      items: { id: string; citizenId: string; sector: string; version: number }[];
    }>("GET", "/api/handovers");
    const handover = list.items.find((i) => i.citizenId === karenId && i.sector === "municipality");
    expect(handover).toBeDefined();
    await visitation("POST", `/api/handovers/${handover?.id}/confirm`, {
      version: handover?.version,
    });

    await page.reload();
    await expect
      .poll(() => item("Hjemmesygepleje").textContent())
      .toContain("Din hjemmesygepleje i Næstved Kommune har bekræftet, at de overtager.");
    const municipal = item("Hjemmesygepleje");
    await expect.poll(() => municipal.textContent()).toContain("Kontakt Næstved Kommune");
    await expect
      .poll(() => municipal.getByRole("link", { name: "+45 13 00 02 00" }).getAttribute("href"))
      .toBe("tel:+4513000200");
    // The GP has not confirmed: the ward is still responsible for that part.
    await expect(item("Praktiserende læge").textContent()).resolves.toContain(
      "Endnu ikke bekræftet",
    );
    await screenshot(page, "citizen-handover-confirmed");
    await expectAccessible(page, "citizen page, confirmed");
  });
});

describe("a relative with the citizen's consent", () => {
  it("reads the same answer about her, by name, with the contact details", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Peter Pårørende (demo)");
    await page.getByRole("link", { name: "Mit forløb" }).click();
    await page.getByRole("heading", { name: /Karen Demo Hansen/ }).waitFor();
    await expect
      .poll(() => notice().getByRole("heading", { level: 2 }).textContent())
      .toBe("Efter udskrivelsen");
    await expect
      .poll(() => item("Hjemmesygepleje").textContent())
      .toContain(
        "Hjemmesygeplejen i Næstved Kommune har bekræftet, at de overtager plejen af Karen Demo Hansen.",
      );
    await expect
      .poll(() =>
        item("Hjemmesygepleje").getByRole("link", { name: "+45 13 00 02 00" }).getAttribute("href"),
      )
      .toBe("tel:+4513000200");
    await expect(item("Praktiserende læge").textContent()).resolves.toContain(
      "har stadig ansvaret for Karen Demo Hansen.",
    );
    await expect(notice().textContent()).resolves.not.toContain("for dig");
    await screenshot(page, "citizen-handover-relative");
    await expectAccessible(page, "citizen page read by a relative");
  });
});

describe("an organisation's own contact details", () => {
  it("are edited by its administrator, with a refusal next to the field", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Anna Administrator (demo)");
    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByRole("link", { name: "Organisationer" }).click();
    const form = page.locator("section.organisation-contact");
    await form.getByRole("heading", { name: /Kontaktoplysninger for Slagelse Sygehus/ }).waitFor();
    await form.getByLabel("Telefon").fill("1234");
    await form.getByLabel("E-mail").fill("region.demo@example.org");
    await form.getByRole("button", { name: "Gem kontaktoplysninger" }).click();
    await expect
      .poll(() => page.locator("#contact-phone-error").textContent())
      .toContain("skal være et dansk telefonnummer");
    await expect(form.locator(".error-summary").textContent()).resolves.toContain(
      "Kontaktoplysningerne blev ikke gemt",
    );
    await screenshot(page, "organisation-contact-refused");
    await expectAccessible(page, "contact form, refused");
    await form.getByLabel("Telefon").fill("13 00 09 99");
    await form.getByRole("button", { name: "Gem kontaktoplysninger" }).click();
    await expect
      .poll(() => form.locator(".alert-success").textContent())
      .toContain("Kontaktoplysningerne er gemt");
    await expect.poll(() => form.getByLabel("Telefon").inputValue()).toBe("+45 13 00 09 99");
  });
});
