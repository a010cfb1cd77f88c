import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSweeper } from "../../src/handovers/sweeper.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { participantOf } from "../support/messages.ts";
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
 * Issue 21 §1 in Chromium, on a fixed clock: the discharge coordinator opens
 * the worklist and sees what needs action today first, today's discharge on
 * the first screen, with the older cases behind their tabs; the body's
 * coordinator reads the unresolved cases the whole ladder has chased.
 */

// Wednesday 18 November 2026, 13:00 in Denmark.
const now = new Date("2026-11-18T12:00:00Z");
let harness: Harness;
let page: Page;

function discharge(key: string, cpr: string, given: string, family: string, at: string) {
  const flow = new NotificationFlow(
    participants(`browser-groups-${key}`, {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient: { cpr, family, given: [given] },
    }),
  );
  flow.admit({ class: "inpatient", at: "2026-11-09T08:00:00+01:00" });
  flow.discharge({ at });
  return flow.messages;
}

beforeAll(async () => {
  harness = await startHarness({ demo: true, clock: () => now });
  page = await openPage(harness);
  await sendHospitalNotifications(harness, [
    // Discharged this morning: today's.
    ...discharge("today", "0505501234", "Tove", "Idag", "2026-11-18T10:00:00+01:00"),
    // Discharged last week and never confirmed: the whole ladder has chased them.
    ...discharge("old-1", "0606502345", "Ulrik", "Uafklaret", "2026-11-10T10:00:00+01:00"),
    ...discharge("old-2", "0707503456", "Ursula", "Uafklaret", "2026-11-11T10:00:00+01:00"),
  ]);
  await createSweeper(harness.server.database.db, { clock: () => now }).sweep();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const tab = (name: RegExp) => page.getByRole("tab", { name });

describe("the discharge coordinator's worklist", () => {
  it("opens on what needs action today, with today's discharge on the first screen", async () => {
    await logInAsDemo(harness, page, "Ulla Udskrivningskoordinator (demo)");
    await page.getByRole("link", { name: "Arbejdsliste" }).click();
    await expect.poll(() => tab(/^Kræver handling \(\d+\)$/).count()).toBe(1);
    await expect(tab(/^Kræver handling/).getAttribute("aria-selected")).resolves.toBe("true");
    const first = page.locator(".tab-panel h2").first();
    await expect.poll(() => first.textContent()).toMatch(/^Kræver handling i dag \(\d+\)$/);
    const tove = page.getByRole("link", { name: "Tove Idag" });
    await tove.waitFor();
    // In the first group, and on the first screen without scrolling.
    const group = page.locator("section.worklist-group").first();
    expect(await group.getByRole("link", { name: "Tove Idag" }).count()).toBe(1);
    const box = await tove.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(900);
    // The unresolved and the rest wait behind their tabs, counted.
    await expect(tab(/^Uafklarede/).textContent()).resolves.toMatch(/^Uafklarede \([2-9]\d*\)$/);
    await expect(tab(/^Øvrige/).textContent()).resolves.toMatch(/^Øvrige \(\d+\)$/);
    expect(await page.getByRole("link", { name: /Uafklaret$/ }).count()).toBe(0);
    await screenshot(page, "worklist-groups-hospital");
    await expectAccessible(page, "worklist, grouped default view");
  });
});

describe("the body coordinator's unresolved cases", () => {
  it("lists the cases the whole ladder has chased, said as what they are", async () => {
    await page.context().clearCookies();
    await logInAsDemo(harness, page, "Karin Koordinator (demo)");
    await page.goto(`${harness.server.url}/arbejdsliste`);
    await page.getByRole("heading", { name: "Vælg hvor du arbejder" }).waitFor();
    await page.getByRole("button", { name: /sekretariat\) – Koordinator/ }).click();
    await tab(/^Uafklarede/).click();
    await expect(tab(/^Uafklarede/).getAttribute("aria-selected")).resolves.toBe("true");
    await page.getByText(/Hele eskaleringsstigen har rykket/).waitFor();
    const rows = page.locator("table.worklist-table tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const badges = await page.locator("table.worklist-table .overdue-badge").allTextContents();
    expect(badges.filter((b) => b === "Uafklaret").length).toBe(await rows.count());
    await screenshot(page, "worklist-unresolved-body");
    await expectAccessible(page, "worklist, unresolved cases");
  });
});
