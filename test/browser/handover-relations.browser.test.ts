import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminService, operator } from "../../src/access/admin-service.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createSweeper } from "../../src/handovers/sweeper.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { DEMO_PASSWORD } from "../support/access.ts";
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
 * Issue 21, part 2, in the browser: the cluster's coordinator, called in by
 * the ladder, sees the citizen's name on the worklist (not "Borger uden
 * relation til jer"), and the citizen's own log says who read it and why.
 */

let harness: Harness;
let page: Page;
const CPR = "1208491237";
const NAME = "Rita Rykket";

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  page = await openPage(harness);
  const flow = new NotificationFlow(
    participants("browser-relations", {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient: { cpr: CPR, family: "Rykket", given: ["Rita"] },
    }),
  );
  const yesterday = new Date(Date.now() - 24 * 3_600_000).toISOString().slice(0, 10);
  flow.admit({ class: "inpatient", at: `${yesterday}T08:00:00+01:00` });
  flow.discharge({ at: `${yesterday}T11:00:00+01:00` });
  await sendHospitalNotifications(harness, flow.messages);
  // The demo cluster runs on minute-long rules: every rung is due by now.
  await createSweeper(harness.server.database.db).sweep();
  const db = harness.server.database.db;
  const citizen = await db
    .selectFrom("citizen")
    .select("id")
    .where("cprHash", "=", createCipher(harness.server.masterKey).lookupHash(CPR))
    .executeTakeFirstOrThrow();
  await createAdminService(db).createUser(
    {
      username: "test.rita",
      displayName: NAME,
      kind: "citizen",
      citizenId: citizen.id,
      password: DEMO_PASSWORD,
    },
    operator("test"),
  );
});

afterAll(async () => {
  await harness?.close();
});

const table = () => page.getByRole("tabpanel");

describe("the coordinator called in", () => {
  it("sees the citizen's name, marked as name only, with no way into the course of care", async () => {
    await logInAsDemo(harness, page, "Karin Koordinator (demo)");
    await page.goto(`${harness.server.url}/arbejdsliste`);
    await page.getByRole("heading", { name: "Vælg hvor du arbejder" }).waitFor();
    await page.getByRole("button", { name: /sekretariat\) – Koordinator/ }).click();
    // The whole ladder has chased it: it waits among the body's unresolved cases (issue 21).
    await page.getByRole("tab", { name: /^Uafklarede/ }).click();
    await expect.poll(() => table().textContent()).toContain(NAME);
    const row = table().locator("tr", { hasText: NAME }).first();
    await expect(row.textContent()).resolves.toContain("Kun navn");
    await expect(row.getByRole("link", { name: NAME }).count()).resolves.toBe(0);
    await screenshot(page, "worklist-coordinator-named");
    await expectAccessible(page, "coordinator worklist with names");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "worklist-coordinator-named-390");
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe("the citizen's own log", () => {
  it("says who read her name and why", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await page.goto(`${harness.server.url}/login`);
    await page.getByLabel("Brugernavn").fill("test.rita");
    await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log ind", exact: true }).click();
    await page.locator(".user-menu .user-name").waitFor();
    await page.goto(`${harness.server.url}/mine-oplysninger/adgangslog`);
    const log = page.locator("table.access-log");
    await expect
      .poll(() => log.textContent())
      .toContain("Klyngens koordinator, fordi overdragelsen var over fristen");
    await expect(log.textContent()).resolves.toContain("Kun dit navn og dine grundoplysninger");
    await screenshot(page, "access-log-handover-relations");
    await expectAccessible(page, "access log with handover relations");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "access-log-handover-relations-390");
  });
});
