import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { participantOf } from "../support/messages.ts";
import {
  expectAccessible,
  type Harness,
  openPage,
  screenshot,
  sendHospitalNotifications,
  startHarness,
} from "./harness.ts";

/**
 * A receiver's worklist in the living demo: the handovers needing action
 * (grouped, issue 21 §1) and their citizens in hospital are tabs, each a page
 * at a time, and a name is searched on the server (names are sealed) without
 * going in the URL. On a fixed clock: every discharge here is of this
 * morning, so all of them are in the group "today", which pages on its own.
 */

// Wednesday 18 November 2026, 15:00 in Denmark.
const now = new Date("2026-11-18T14:00:00Z");

let harness: Harness;
let page: Page;
const searches: string[] = [];

beforeAll(async () => {
  harness = await startHarness({ demo: true, clock: () => now });
  page = await openPage(harness);
  page.on("request", (request) => {
    if (request.url().includes("/api/handovers")) searches.push(request.url());
  });
  // Vera is discharged this morning to Næstved's home nursing: she awaits them.
  const flow = new NotificationFlow(
    participants("browser-paging", {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient: { cpr: "0405521238", family: "Venteliste", given: ["Vera"] },
    }),
  );
  flow.admit({ class: "inpatient", at: "2026-11-18T08:00:00+01:00" });
  flow.discharge({ at: "2026-11-18T09:00:00+01:00" });
  await sendHospitalNotifications(harness, flow.messages);
});

afterAll(async () => {
  await harness?.close();
});

const tab = (name: RegExp) => page.getByRole("tab", { name });

describe("a municipality's worklist, a page at a time", () => {
  it("shows how many await them and how many are in hospital, with a pager", async () => {
    await page.goto(`${harness.server.url}/login`);
    await page.getByRole("button", { name: "Villads Visitator (demo)" }).click();
    await page.locator(".user-menu .user-name").waitFor();
    await page.getByRole("link", { name: "Arbejdsliste" }).click();
    await expect.poll(() => tab(/^Kræver handling \(\d+\)$/).count()).toBe(1);
    await expect(tab(/^Kræver handling/).getAttribute("aria-selected")).resolves.toBe("true");
    await expect.poll(() => tab(/^Indlagt nu \(\d+\)$/).count()).toBe(1);
    await expect
      .poll(() => page.locator(".worklist-pager-status").first().textContent())
      .toMatch(/^Viser 1–\d+ af \d+$/);
    await screenshot(page, "worklist-tabs-handovers");
    await expectAccessible(page, "worklist, handovers tab");
  });

  it("moves to the in-hospital tab with the keyboard, and asks for that list only then", async () => {
    const before = searches.filter((u) => u.includes("/in-hospital")).length;
    expect(before).toBe(0);
    await tab(/^Kræver handling/).focus();
    await page.keyboard.press("End");
    await expect(tab(/^Indlagt nu/).getAttribute("aria-selected")).resolves.toBe("true");
    await expect.poll(() => page.locator(":focus").textContent()).toMatch(/^Indlagt nu/);
    await page.getByRole("heading", { name: "Indlagt nu" }).waitFor();
    await expect
      .poll(() => page.locator("table.in-hospital-table, .tab-panel p").first().textContent())
      .toBeTruthy();
    expect(searches.filter((u) => u.includes("/in-hospital")).length).toBeGreaterThan(0);
    await screenshot(page, "worklist-tabs-in-hospital");
    await expectAccessible(page, "worklist, in-hospital tab");
    await page.keyboard.press("Home");
    await expect(tab(/^Kræver handling/).getAttribute("aria-selected")).resolves.toBe("true");
  });

  it("finds a citizen by part of the name, asking in the body and not the URL", async () => {
    const name = page.getByLabel("Borgerens navn");
    await name.fill("v");
    await expect.poll(() => page.getByText(/Skriv mindst 2 bogstaver/).count()).toBe(1);
    await name.fill("VENTEL");
    await expect
      .poll(() => page.locator(".worklist-search-status").textContent())
      .toBe("1 borger fundet for søgningen.");
    await expect
      .poll(() => page.locator("table.worklist-table tbody tr td a").allTextContents())
      .toEqual(["Vera Venteliste"]);
    await expect(tab(/^Kræver handling/).textContent()).resolves.toBe("Kræver handling (1)");
    expect(searches.some((u) => u.endsWith("/api/handovers/search"))).toBe(true);
    expect(searches.every((u) => !decodeURIComponent(u).toLowerCase().includes("ventel"))).toBe(
      true,
    );
    // The in-hospital tab shows its own matches: Vera is no longer in hospital.
    await name.fill("demo");
    await expect.poll(() => tab(/^Indlagt nu/).textContent()).toMatch(/^Indlagt nu \([1-9]\d*\)$/);
    await name.fill("ventel");
    await expect
      .poll(() => page.locator("table.worklist-table tbody tr td a").allTextContents())
      .toEqual(["Vera Venteliste"]);
    expect(await page.locator(".worklist-pager").count()).toBe(0);
    await screenshot(page, "worklist-search");
    await expectAccessible(page, "worklist, name search");
    await page.getByLabel("Borgerens navn").fill("");
    await expect.poll(() => page.locator(".worklist-pager").count()).toBe(1);
  });
});

describe("more handovers than fit on a page", () => {
  const pagerStatus = () => page.locator(".worklist-pager-status").first();
  const pager = () =>
    page.getByRole("navigation", { name: "Sider i gruppen Kræver handling i dag" });

  beforeAll(async () => {
    // 51 more citizens discharged to Næstved's home nursing: 52 await them today, two pages.
    const messages = [];
    for (let i = 1; i <= 51; i++) {
      const flow = new NotificationFlow(
        participants(`browser-paging-${i}`, {
          sender: participantOf(DEMO_UNITS.slagelseMedical),
          receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
          // 29 February 1940, a date no demo citizen has.
          patient: {
            cpr: `2902402${String(i).padStart(3, "0")}`,
            family: "Sideskift",
            given: [`Nr${i}`],
          },
        }),
      );
      flow.admit({ class: "inpatient", at: "2026-11-18T08:00:00+01:00" });
      // Later discharges have later deadlines: the last ones land on page two.
      flow.discharge({
        at: `2026-11-18T${String(9 + Math.floor(i / 10)).padStart(2, "0")}:${String(i % 10).padStart(2, "0")}:00+01:00`,
      });
      messages.push(...flow.messages);
    }
    await sendHospitalNotifications(harness, messages);
  });

  it("pages forward with the DKFDS pagination and keeps focus in it", async () => {
    await page.reload();
    await expect.poll(() => pagerStatus().textContent()).toBe("Viser 1–50 af 52");
    await expect(tab(/^Kræver handling/).textContent()).resolves.toBe("Kræver handling (52)");
    await expect(
      pager().getByRole("button", { name: "Side 1" }).getAttribute("aria-current"),
    ).resolves.toBe("true");
    await pager().getByRole("button", { name: "Næste side" }).click();
    await expect.poll(() => pagerStatus().textContent()).toBe("Viser 51–52 af 52");
    await expect.poll(() => page.locator("table.worklist-table tbody tr").count()).toBe(2);
    // "Næste" hides on the last page; focus moves to the current page rather than being lost.
    await expect.poll(() => page.locator(":focus").getAttribute("aria-label")).toBe("Side 2");
    expect(searches.some((u) => u.includes("offset=50"))).toBe(true);
    await screenshot(page, "worklist-paging-page-2");
    await expectAccessible(page, "worklist, second page");
  });

  it("steps back to the last page when the rows of the page shown are confirmed", async () => {
    const confirm = () =>
      page.locator("table.worklist-table").getByRole("button", { name: /^Bekræft: vi overtager/ });
    await confirm().first().click();
    await expect.poll(() => pagerStatus().textContent()).toBe("Viser 51–51 af 51");
    await confirm().first().click();
    await expect.poll(() => pagerStatus().textContent()).toBe("Viser 1–50 af 50");
    await expect
      .poll(() => page.locator("table.worklist-table tbody tr:not(.worklist-kept)").count())
      .toBe(50);
    await expect(pager().count()).resolves.toBe(0);
    // The two just confirmed stay above the page, with their undo, until it runs out.
    await expect(page.locator("tr.worklist-kept").count()).resolves.toBe(2);
    await expect(
      page
        .locator("tr.worklist-kept")
        .first()
        .getByRole("button", { name: /^Fortryd/ })
        .count(),
    ).resolves.toBe(1);
  });

  it("starts again from the first page when a filter changes", async () => {
    // "All, also confirmed" is one list, ungrouped, with its own pages.
    await page.getByLabel("Vis", { exact: true }).selectOption("all");
    await expect.poll(() => pagerStatus().textContent()).toMatch(/^Viser 1–50 af \d+$/);
    const all = page.getByRole("navigation", { name: "Sider i arbejdslisten" });
    await all.getByRole("button", { name: "Side 2" }).click();
    await expect.poll(() => pagerStatus().textContent()).toMatch(/^Viser 51–\d+ af \d+$/);
    await page.getByLabel("Sortér").selectOption("newest");
    await expect.poll(() => pagerStatus().textContent()).toMatch(/^Viser 1–50 af \d+$/);
  });
});
