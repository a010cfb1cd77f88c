import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRule } from "../../src/handovers/rules-store.ts";
import { createSweeper } from "../../src/handovers/sweeper.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { DEMO_TEMPO_RULES } from "../../src/synth/demo-staff.ts";
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
 * Issue 6, point 9: a discharge arrives; the hospital sees it waiting; the
 * municipal user confirms it in one click; the hospital's list no longer
 * holds it. A second patient is discharged by the ward from the pathway page
 * and left unconfirmed; the body runs on the demo's minute-long deadlines
 * and the discharge was ten minutes ago, so once the sweep has run, the
 * body's coordinator sees it escalated. Then the municipality declines
 * it (the citizen has moved), and the ward sends it on to the new municipality.
 */

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  page = await openPage(harness);
  const flow = new NotificationFlow(
    participants("browser-handover", {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient: { cpr: "1107471234", family: "Overgaard", given: ["Oda"] },
    }),
  );
  const yesterday = new Date(Date.now() - 24 * 3_600_000).toISOString().slice(0, 10);
  flow.admit({ class: "inpatient", at: `${yesterday}T08:00:00+01:00` });
  flow.discharge({ at: `${yesterday}T11:00:00+01:00` });
  // Ole is only admitted: the ward discharges him itself, from his pathway page.
  const second = new NotificationFlow(
    participants("browser-handover-2", {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient: { cpr: "1203481235", family: "Overset", given: ["Ole"] },
    }),
  );
  second.admit({ class: "inpatient", at: `${yesterday}T09:00:00+01:00` });
  await sendHospitalNotifications(harness, [...flow.messages, ...second.messages]);
});

afterAll(async () => {
  await harness?.close();
});

// The worklist shows one table per group (issue 21): the open tab holds them all.
const table = () => page.getByRole("tabpanel");

describe("the handover loop in the browser", () => {
  it("shows the hospital its discharged patient, not yet taken over", async () => {
    await logInAsDemo(harness, page, "Sofie Sygeplejerske (demo)");
    await page.getByRole("link", { name: "Arbejdsliste" }).click();
    await expect.poll(() => table().textContent()).toContain("Oda Overgaard");
    await expect(table().textContent()).resolves.toContain("Afventer");
    await table()
      .locator("tr", { hasText: "Oda Overgaard" })
      .getByRole("button", { name: "Skriv besked til modtageren" })
      .click();
    await page
      .getByLabel("Besked fra afdelingen")
      .fill("Skal have hjælp til medicin morgen og aften");
    await page.getByRole("button", { name: "Gem besked" }).click();
    await expect.poll(() => table().textContent()).toContain("medicin morgen og aften");
    await screenshot(page, "worklist-hospital");
    await expectAccessible(page, "hospital worklist");
  });

  it("lets the municipality confirm in one click", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Villads Visitator (demo)");
    await page.getByRole("link", { name: "Arbejdsliste" }).click();
    await expect.poll(() => table().textContent()).toContain("Oda Overgaard");
    await expect(table().textContent()).resolves.toContain("medicin morgen og aften");
    await screenshot(page, "worklist-municipality");
    await expectAccessible(page, "municipal worklist");
    await page.getByRole("button", { name: "Bekræft: vi overtager Oda Overgaard" }).click();
    await expect
      .poll(() => page.locator(".alert-success").textContent())
      .toContain("I har nu ansvaret");
    // The row stays, confirmed, while the municipality may still undo (issue 21).
    const row = table().locator("tr", { hasText: "Oda Overgaard" }).first();
    await expect.poll(() => row.textContent()).toContain("Bekræftet");
    await row.getByRole("button", { name: "Fortryd bekræftelsen af Oda Overgaard" }).waitFor();
  });

  it("empties the hospital's list and moves responsibility", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Sofie Sygeplejerske (demo)");
    await page.getByRole("link", { name: "Arbejdsliste" }).click();
    await page.locator("h1").waitFor();
    await expect
      .poll(async () => ((await table().count()) === 0 ? "" : await table().textContent()))
      .not.toContain("Oda Overgaard");
  });
});

describe("a discharge nobody confirms", () => {
  it("lets the ward discharge from the pathway page, with a note to the receivers", async () => {
    await saveRule(harness.server.database.db, {
      bodyId: "naestved-slagelse",
      sector: "municipality",
      rule: DEMO_TEMPO_RULES.municipality,
      updatedBy: null,
    });
    await page.getByRole("link", { name: "Find borger" }).click();
    await page.getByLabel("CPR-nummer").fill("120348-1235");
    await page.getByRole("button", { name: "Søg" }).click();
    await page.getByRole("heading", { name: /Ole Overset/ }).waitFor();
    await page.getByRole("button", { name: "Udskriv borgeren" }).click();
    const tenMinutesAgo = await page.evaluate(() => {
      const d = new Date(Date.now() - 10 * 60_000);
      return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    });
    await page.getByLabel("Udskrevet", { exact: true }).fill(tenMinutesAgo);
    await page.getByLabel("Besked til kommunen og lægen (valgfri)").fill("Ny insulindosis");
    await screenshot(page, "pathway-discharge-form");
    await expectAccessible(page, "discharge form");
    await page.getByRole("button", { name: "Udskriv og send overdragelser" }).click();
    // The form closes once the stay is discharged, and the state badge says so.
    await page.getByRole("button", { name: "Udskriv borgeren" }).waitFor({ state: "detached" });
    await screenshot(page, "pathway-discharged");
    await expect
      .poll(() => page.locator("table.stays-table .state-badge").first().textContent())
      .toBe("Udskrevet");
    await page.getByRole("link", { name: "Arbejdsliste" }).click();
    await expect.poll(() => table().textContent()).toContain("Ole Overset");
    await expect(table().textContent()).resolves.toContain("Ny insulindosis");
  });

  it("shows the body's coordinator the escalation once the deadline has passed", async () => {
    const escalated = await createSweeper(harness.server.database.db).sweep();
    expect(escalated).toBeGreaterThanOrEqual(3);
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Karin Koordinator (demo)");
    await page.goto(`${harness.server.url}/arbejdsliste`);
    await page.getByRole("heading", { name: "Vælg hvor du arbejder" }).waitFor();
    await page.getByRole("button", { name: /sekretariat\) – Koordinator/ }).click();
    // The ladder called the coordinator in: they see whom it is about, by name only (issue 21).
    await expect.poll(() => table().textContent()).toContain("Ole Overset");
    const row = table().locator("tr", { hasText: "Ole Overset" }).first();
    await expect(row.textContent()).resolves.toContain("Rykket 3 gange");
    await expect(row.textContent()).resolves.toContain("Kun navn");
    await expect(row.textContent()).resolves.not.toContain("Borger uden relation til jer");
    // No link to the course of care: the relation is to the handover only.
    await expect(row.getByRole("link", { name: "Ole Overset" }).count()).resolves.toBe(0);
    await screenshot(page, "worklist-coordinator-escalated");
    await expectAccessible(page, "coordinator worklist");
  });
});

describe("a declined discharge sent on", () => {
  it("lets the municipality decline: the citizen has moved", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Villads Visitator (demo)");
    await page.getByRole("link", { name: "Arbejdsliste" }).click();
    const row = table().locator("tr", { hasText: "Ole Overset" }).first();
    await row.getByRole("button", { name: /Afvis/ }).click();
    await row.getByLabel("Årsag").selectOption({ label: "Borgeren er flyttet" });
    await row.getByRole("button", { name: "Send afvisning" }).click();
    await expect.poll(() => row.textContent()).toContain("Afvist");
  });

  it("lets the ward send it on to the citizen's new municipality, where it waits again", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Sofie Sygeplejerske (demo)");
    await page.getByRole("link", { name: "Arbejdsliste" }).click();
    const row = table().locator("tr", { hasText: "Ole Overset" }).first();
    await expect.poll(() => row.textContent()).toContain("Borgeren er flyttet");
    await row.getByRole("button", { name: "Send videre" }).click();
    await row.getByLabel("Søg modtager efter navn").fill("Slagelse");
    await row.getByRole("radio", { name: "Slagelse Kommune" }).check();
    await row.getByLabel("Besked til den nye modtager").fill("Flyttet til Slagelse i sidste uge");
    await screenshot(page, "worklist-send-on");
    await expectAccessible(page, "worklist, sending a declined handover on");
    // Hold the list's refresh: until it has the new state the form stays, waiting,
    // and the old row (with its "send on" button) does not show again.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const isList = (url: URL) =>
      url.pathname === "/api/handovers" || url.pathname === "/api/handovers/grouped";
    await page.route(isList, async (route) => {
      await held;
      await route.continue();
    });
    const submit = row.getByRole("button", { name: "Send til ny modtager" });
    // Waited for before the click: the answer can come before the click returns.
    const answered = page.waitForResponse((response) => response.url().endsWith("/reroute"));
    await submit.click();
    await answered;
    await page.waitForTimeout(300);
    await expect(submit.isDisabled({ timeout: 1000 })).resolves.toBe(true);
    await expect(row.getByRole("button", { name: "Send videre" }).count()).resolves.toBe(0);
    release();
    // The form itself names Slagelse Kommune, so wait for the new status instead.
    await expect.poll(() => row.textContent()).toContain("Afventer");
    await expect(row.textContent()).resolves.toContain("Slagelse Kommune");
    await expect(row.textContent()).resolves.toContain("Flyttet til Slagelse i sidste uge");
    await expect(row.getByRole("button", { name: "Send videre" }).count()).resolves.toBe(0);
    await page.unroute(isList);
  });
});
