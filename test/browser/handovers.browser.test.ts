import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { writeHospitalNotification } from "../../src/interop/medcom/write-hospital-notification.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { integrationToken } from "../support/messages.ts";
import {
  describeViolations,
  type Harness,
  screenshot,
  seriousAxeViolations,
  startHarness,
} from "./harness.ts";

/**
 * Issue 6, point 9 (first part): a discharge arrives; the hospital sees it
 * waiting; the municipal user confirms it in one click; the hospital's list
 * no longer holds it and the pathway says the municipality has taken over.
 */

let harness: Harness;
let context: BrowserContext;
let page: Page;
const unit = (u: { sorCode: string; gln: string; name: string }) => ({
  sor: u.sorCode,
  gln: u.gln,
  name: u.name,
});

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on("pageerror", (err) => console.error("page error:", err.message));
  const flow = new NotificationFlow(
    participants("browser-handover", {
      sender: unit(DEMO_UNITS.slagelseMedical),
      receiver: unit(DEMO_UNITS.naestvedHomeNursing),
      patient: { cpr: "1107471234", family: "Overgaard", given: ["Oda"] },
    }),
  );
  const yesterday = new Date(Date.now() - 24 * 3_600_000).toISOString().slice(0, 10);
  flow.admit({ class: "inpatient", at: `${yesterday}T08:00:00+01:00` });
  flow.discharge({ at: `${yesterday}T11:00:00+01:00` });
  const token = await integrationToken(harness.server.database.db);
  for (const m of flow.messages) {
    const response = await fetch(`${harness.server.url}/fhir/$process-message`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/fhir+json" },
      body: JSON.stringify(writeHospitalNotification(m)),
    });
    expect(response.status).toBe(200);
  }
});

afterAll(async () => {
  await harness?.close();
});

async function expectAccessible(name: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  if (violations.length > 0) console.error(`axe on ${name}:\n${describeViolations(violations)}`);
  expect(violations.map((v) => v.id)).toEqual([]);
}

async function logInAsDemo(displayName: string): Promise<void> {
  await page.goto(`${harness.server.url}/login`);
  await page.getByRole("button", { name: displayName }).click();
  await page.locator(".user-menu .user-name").waitFor();
}

const table = () => page.locator("table.worklist-table");

describe("the handover loop in the browser", () => {
  it("shows the hospital its discharged patient, not yet taken over", async () => {
    await logInAsDemo("Sofie Sygeplejerske (demo)");
    await page.getByRole("link", { name: "Arbejdsliste" }).click();
    await expect.poll(() => table().textContent()).toContain("Oda Overgaard");
    await expect(table().textContent()).resolves.toContain("Afventer");
    await screenshot(page, "worklist-hospital");
    await expectAccessible("hospital worklist");
  });

  it("lets the municipality confirm in one click", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo("Villads Visitator (demo)");
    await page.getByRole("link", { name: "Arbejdsliste" }).click();
    await expect.poll(() => table().textContent()).toContain("Oda Overgaard");
    await screenshot(page, "worklist-municipality");
    await expectAccessible("municipal worklist");
    await page.getByRole("button", { name: "Bekræft: vi overtager Oda Overgaard" }).click();
    await expect
      .poll(() => page.locator(".alert-success").textContent())
      .toContain("I har nu ansvaret");
    await expect
      .poll(async () => ((await table().count()) === 0 ? "" : await table().textContent()))
      .not.toContain("Oda Overgaard");
  });

  it("empties the hospital's list and moves responsibility", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo("Sofie Sygeplejerske (demo)");
    await page.getByRole("link", { name: "Arbejdsliste" }).click();
    await page.locator("h1").waitFor();
    await expect
      .poll(async () => ((await table().count()) === 0 ? "" : await table().textContent()))
      .not.toContain("Oda Overgaard");
  });
});
