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

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  page = await openPage(harness);
});

afterAll(async () => {
  await harness?.close();
});

describe("logging in and out", () => {
  it("refuses a wrong password with a generic message", async () => {
    await page.goto(`${harness.server.url}/login`);
    await page.getByLabel("Brugernavn").fill("demo.sygeplejerske");
    await page.getByLabel("Adgangskode").fill("not-the-password");
    await page.getByRole("button", { name: "Log ind", exact: true }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain(
      "Forkert brugernavn eller adgangskode",
    );
    await screenshot(page, "access-login");
    await expectAccessible(page, "login page");
  });

  it("logs in with a password, shows who acts for which organisation, and logs out", async () => {
    await page.getByLabel("Adgangskode").fill("tovholder-demo");
    await page.getByRole("button", { name: "Log ind", exact: true }).click();
    const menu = page.locator(".user-menu");
    await menu.locator(".user-name").waitFor();
    await expect.poll(() => menu.textContent()).toContain("Sofie Sygeplejerske (demo)");
    await expect(menu.textContent()).resolves.toContain("Slagelse Sygehus, Medicinsk Afdeling");
    await page.getByRole("button", { name: "Log ud" }).click();
    await page.getByRole("heading", { name: "Log ind" }).waitFor();
    const me = await page.evaluate(async () => (await fetch("/api/me")).status);
    expect(me).toBe(401);
  });
});

describe("memberships", () => {
  it("lets a user with two memberships choose, then switch, the one to act in", async () => {
    await logInAsDemo(harness, page, "Karin Koordinator (demo)");
    await page.goto(`${harness.server.url}/admin/brugere`);
    await page.getByRole("heading", { name: "Vælg hvor du arbejder" }).waitFor();
    await screenshot(page, "access-choose-membership");
    await page.getByRole("button", { name: /Hjemmesygeplejen – Koordinator/ }).click();
    await expect
      .poll(() => page.locator(".acting-as").textContent())
      .toContain("Næstved Kommune, Hjemmesygeplejen");
    await page
      .getByLabel("Handler for")
      .selectOption({ label: "Klyngen Næstved/Slagelse (sekretariat) – Koordinator" });
    await expect
      .poll(() => page.locator(".acting-as").textContent())
      .toContain("Klyngen Næstved/Slagelse (sekretariat)");
  });

  it("shows the 403 page where the role is not allowed, and the refusal is audited", async () => {
    await page.goto(`${harness.server.url}/admin/brugere`);
    await page.getByRole("heading", { name: "Ingen adgang" }).waitFor();
    // Why, in Danish: the server's refusal carries its key.
    await page.getByText("Din rolle giver ikke adgang til dette.").waitFor();
    await screenshot(page, "access-forbidden");
    await expectAccessible(page, "forbidden page");
    const denied = await harness.server.database.db
      .selectFrom("auditLog")
      .select(["outcome", "resource"])
      .where("outcome", "=", "denied")
      .execute();
    expect(denied).toContainEqual({ outcome: "denied", resource: "/api/admin/users" });
    await page.getByRole("button", { name: "Log ud" }).click();
    await page.getByRole("heading", { name: "Log ind" }).waitFor();
  });
});

describe("the citizen's access log", () => {
  it("shows the citizen who has looked at their data", async () => {
    // A nurse on the ward where the citizen is admitted looks her up (CPR in the body only).
    await logInAsDemo(harness, page, "Sofie Sygeplejerske (demo)");
    const found = await page.evaluate(async () => {
      const me = (await (await fetch("/api/me")).json()) as { csrfToken: string };
      const res = await fetch("/api/citizens/search", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
        body: JSON.stringify({ cpr: "120345-1962", purpose: "medicingennemgang" }),
      });
      return ((await res.json()) as { results: unknown[] }).results.length;
    });
    expect(found).toBe(1);
    await page.getByRole("button", { name: "Log ud" }).click();
    await page.getByRole("heading", { name: "Log ind" }).waitFor();
    await logInAsDemo(harness, page, "Karen Demo Hansen");
    await page.getByRole("link", { name: "Hvem har set mine oplysninger" }).click();
    await page.getByRole("heading", { name: "Hvem har set mine oplysninger" }).waitFor();
    await page.locator("table.access-log tbody tr").first().waitFor();
    const log = await page.locator("table.access-log").textContent();
    expect(log).toContain("Sofie Sygeplejerske (demo)");
    expect(log).toContain("Slagelse Sygehus, Medicinsk Afdeling");
    expect(log).toContain("medicingennemgang");
    await screenshot(page, "access-log");
    await expectAccessible(page, "access log");
  });
});

describe("administration", () => {
  it("lets an administrator see users and their memberships", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Anna Administrator (demo)");
    await page.getByRole("link", { name: "Administration" }).click();
    await page.locator("table.admin-users").waitFor();
    // The hospital's administrator sees the hospital's users, not the municipality's.
    const users = await page.locator("table.admin-users").textContent();
    expect(users).toContain("demo.sygeplejerske");
    expect(users).not.toContain("demo.visitator");
    await screenshot(page, "access-admin");
    await expectAccessible(page, "admin page");
  });

  it("disables a user of the hospital with a reason: they are logged out and cannot log in", async () => {
    const url = harness.server.url;
    const row = page.locator("table.admin-users tr", { hasText: "demo.udskrivning" });
    await row.locator("summary").click();
    await row.getByLabel("Begrundelse for at deaktivere").fill("Orlov fra 1. december");
    await row.getByRole("button", { name: "Deaktivér" }).click();
    await expect.poll(() => row.locator(".disabled-badge").count()).toBe(1);
    await expect(row.getByRole("status").textContent()).resolves.toContain("deaktiveret");
    await screenshot(page, "access-admin-disabled");
    await expectAccessible(page, "admin page with a disabled user");
    const login = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "demo.udskrivning", password: "tovholder-demo" }),
    });
    expect(login.status).toBe(401);
    const audit = await harness.server.database.db
      .selectFrom("auditLog")
      .select(["action", "purpose"])
      .where("action", "=", "disable-user")
      .execute();
    expect(audit).toEqual([{ action: "disable-user", purpose: "Orlov fra 1. december" }]);
    await row.getByRole("button", { name: "Aktivér igen" }).click();
    await expect.poll(() => row.locator(".disabled-badge").count()).toBe(0);
  });

  it("refuses, in words, to give oneself a care role", async () => {
    await page
      .getByLabel("Bruger", { exact: true })
      .selectOption({ label: "Anna Administrator (demo) (demo.admin)" });
    await page
      .getByLabel("Organisation", { exact: true })
      .selectOption({ label: "Slagelse Sygehus, Medicinsk Afdeling" });
    await page.getByLabel("Rolle", { exact: true }).selectOption({ label: "Kliniker" });
    await page.getByRole("button", { name: "Giv rolle" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("Du kan ikke give dig selv en rolle");
  });
});

describe("changing one's own password", () => {
  it("changes it from the user menu, ending the other sessions", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Lars Læge (demo)");
    // Another session of the same user, elsewhere.
    const elsewhere = await fetch(`${harness.server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "demo.laege", password: "tovholder-demo" }),
    });
    const cookie = elsewhere.headers.get("set-cookie")?.split(";")[0] ?? "";
    await page.getByRole("link", { name: "Skift adgangskode" }).click();
    await page.getByRole("heading", { name: "Skift adgangskode" }).waitFor();
    await page.getByLabel("Nuværende adgangskode").fill("tovholder-demo");
    await page.getByLabel("Ny adgangskode (mindst 12 tegn)").fill("lars-nye-kodeord-2026");
    await page.getByRole("button", { name: "Skift adgangskode" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toContain("Adgangskoden er skiftet");
    await screenshot(page, "access-change-password");
    await expectAccessible(page, "change password page");
    const old = await fetch(`${harness.server.url}/api/me`, { headers: { cookie } });
    expect(old.status).toBe(401);
    const me = await page.evaluate(async () => (await fetch("/api/me")).status);
    expect(me).toBe(200);
  });
});
