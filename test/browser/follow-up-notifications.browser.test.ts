import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCitizenAccess } from "../../src/access/citizen-access.ts";
import { defaultAccessPolicy } from "../../src/access/model.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createCitizenService } from "../../src/citizens/service.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { clockFrom } from "../support/clock.ts";
import { participantOf } from "../support/messages.ts";
import {
  expectNoAxeViolations,
  type Harness,
  logInAsDemo,
  openPage,
  screenshot,
  sendHospitalNotifications,
  startHarness,
} from "./harness.ts";

/**
 * Issue 21, parts 5 and 6, in Chromium: Slagelse discharges a child without
 * a listed GP, and the ward's discharge coordinator finds "Ingen
 * praktiserende læge — hvem følger op?" among her notifications, naming the
 * child. Its link brings the follow-up list to that item, where she records
 * that no medical follow-up is needed; the card then says so, and who did
 * it. The server runs on a fixed clock: nothing depends on today's date.
 */

let harness: Harness;
let page: Page;
const NAME = "Ida Barn Notits";
const CPR = "1605104323";

beforeAll(async () => {
  harness = await startHarness({
    demo: true,
    clock: clockFrom("2026-12-03T12:00:00Z"),
    prepare: async (database, masterKey) => {
      const db = database.db;
      await createCitizenService(
        db,
        createCipher(masterKey),
        createCitizenAccess(db, defaultAccessPolicy),
      ).register({
        cpr: CPR,
        name: NAME,
        homeMunicipalityCode: "370",
        listedPracticeId: null,
        synthetic: true,
      });
    },
  });
  page = await openPage(harness, {
    viewport: { width: 1280, height: 1000 },
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
  });
  const flow = new NotificationFlow(
    participants("follow-up-notify-browser", {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient: { cpr: CPR, family: "Notits", given: ["Ida", "Barn"] },
    }),
  );
  flow.admit({ class: "inpatient", at: "2026-12-02T09:00:00+01:00" });
  flow.discharge({ at: "2026-12-03T11:30:00+01:00" });
  await sendHospitalNotifications(harness, flow.messages);
});

afterAll(async () => {
  await harness?.close();
});

const card = () => page.locator("li.notification-item", { hasText: NAME });

describe("a follow-up item among the notifications", () => {
  it("shows the ward's coordinator a card that asks who follows up, naming the child", async () => {
    await logInAsDemo(harness, page, "Ulla Udskrivningskoordinator (demo)");
    await page
      .getByRole("link", { name: /^Notifikationer/ })
      .first()
      .click();
    await page.getByRole("heading", { name: "Notifikationer", level: 1 }).waitFor();
    await card().waitFor();
    const text = ((await card().textContent()) ?? "").replace(/\s+/g, " ");
    expect(text).toContain("Ingen praktiserende læge — hvem følger op? Udskrevet");
    expect(text).toContain("uden praktiserende læge");
    expect(text).toContain("Ulæst");
    await card().scrollIntoViewIfNeeded();
    await screenshot(page, "follow-up-notification-card");
    await expectNoAxeViolations(page, "notifications with a follow-up card");
  });

  it("leads to the item on the follow-up list, where it is settled", async () => {
    await card()
      .getByRole("link", { name: /^Se opfølgningspunktet/ })
      .click();
    await page.waitForURL(/\/opfoelgning\?punkt=[0-9a-f-]{36}$/);
    const focus = page.locator("section.follow-up-focus");
    await focus.getByRole("heading", { name: "Opfølgningspunktet fra notifikationen" }).waitFor();
    const item = focus.locator("li.follow-up-card", { hasText: NAME });
    await item.waitFor();
    await expect(page.evaluate("document.activeElement?.id")).resolves.toBe(
      "follow-up-focus-heading",
    );
    // The item alone, not the list again below it.
    await expect(page.locator("li.follow-up-card").count()).resolves.toBe(1);
    await expect(focus.getByRole("link", { name: "Vis hele listen" }).count()).resolves.toBe(1);
    await screenshot(page, "follow-up-focused-from-notification");
    await expectNoAxeViolations(page, "the follow-up item a notification led to");
    await item.getByLabel("Ingen lægelig opfølgning er nødvendig").check();
    await item.getByLabel("Begrundelse").fill("Rask, ingen kontrol aftalt i journalen");
    await item.getByRole("button", { name: "Gem afgørelse" }).click();
    await focus.getByText(/Ingen lægelig opfølgning: Rask, ingen kontrol aftalt/).waitFor();
    // Her card about it is read now, and the header's count says so at once.
    await expect
      .poll(() =>
        page
          .getByRole("link", { name: /^Notifikationer/ })
          .first()
          .textContent(),
      )
      .toMatch(/1/);
  });

  it("then says on the card that it is settled, and by whom", async () => {
    await page
      .getByRole("link", { name: /^Notifikationer/ })
      .first()
      .click();
    await page.getByRole("heading", { name: "Notifikationer", level: 1 }).waitFor();
    await card()
      .locator(".notification-sentence", {
        hasText: "Afklaret: ingen lægelig opfølgning er nødvendig",
      })
      .waitFor();
    const text = ((await card().textContent()) ?? "").replace(/\s+/g, " ");
    expect(text).toMatch(/Afklaret .* af Ulla Udskrivningskoordinator \(demo\)/);
    // Her own act is not news to her; the reason is read on the item, not on the card.
    expect(text).not.toContain("Ulæst");
    expect(text).not.toContain("Rask, ingen kontrol");
    await card().getByText("2 hændelser om dette opfølgningspunkt").click();
    await card().scrollIntoViewIfNeeded();
    await screenshot(page, "follow-up-notification-settled");
    await expectNoAxeViolations(page, "notifications with a settled follow-up card");
  });
});
