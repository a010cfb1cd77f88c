import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminService, DEMO_SEED } from "../../src/access/admin-service.ts";
import { createCitizenAccess } from "../../src/access/citizen-access.ts";
import { defaultAccessPolicy } from "../../src/access/model.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createCitizenService } from "../../src/citizens/service.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { DEMO_PASSWORD } from "../../src/synth/demo-seed.ts";
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
 * Issue 21, parts 3 and 5, in Chromium. The ward's discharge coordinator
 * lands on the worklist, finds a child on the department's list of
 * inpatients (no CPR number needed) and discharges him from there; the
 * child has no listed GP, so the page does not say a GP confirmed, and
 * "Ingen praktiserende læge — hvem følger op?" waits on the follow-up list,
 * where the coordinator names the hospital's own clinic (a missing choice
 * said at its field). The child's own page says who follows up and whom to
 * call. The server runs on a fixed clock: nothing depends on today's date.
 */

let harness: Harness;
let page: Page;
const NAME = "Otto Barn Opfølgning";

beforeAll(async () => {
  harness = await startHarness({
    demo: true,
    clock: clockFrom("2026-12-03T12:00:00Z"),
    // A child in Næstved whose practice is not known, who logs in to see his own page.
    prepare: async (database, masterKey) => {
      const db = database.db;
      const citizens = createCitizenService(
        db,
        createCipher(masterKey),
        createCitizenAccess(db, defaultAccessPolicy),
      );
      const child = await citizens.register({
        cpr: "1505104321",
        name: NAME,
        homeMunicipalityCode: "370",
        listedPracticeId: null,
        synthetic: true,
      });
      await createAdminService(db).createUser(
        {
          username: "test.otto",
          displayName: NAME,
          kind: "citizen",
          citizenId: child.id,
          password: DEMO_PASSWORD,
        },
        DEMO_SEED,
      );
    },
  });
  page = await openPage(harness, {
    viewport: { width: 1280, height: 1000 },
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
  });
  const flow = new NotificationFlow(
    participants("roles-no-gp", {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient: { cpr: "1505104321", family: "Opfølgning", given: ["Otto", "Barn"] },
    }),
  );
  flow.admit({ class: "inpatient", at: "2026-12-02T09:00:00+01:00" });
  await sendHospitalNotifications(harness, flow.messages);
});

afterAll(async () => {
  await harness?.close();
});

describe("the discharge coordinator's day", () => {
  it("lands on the worklist after login", async () => {
    await logInAsDemo(harness, page, "Ulla Udskrivningskoordinator (demo)");
    await page.waitForURL(/\/arbejdsliste$/);
  });

  it("finds the child on the department's inpatients, without a CPR number", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Indlagte" }).click();
    await page.getByRole("heading", { name: "Indlagte nu" }).waitFor();
    const row = page.locator("tr", { hasText: NAME });
    await row.waitFor();
    await screenshot(page, "roles-inpatients");
    await expectNoAxeViolations(page, "inpatients");
    await row.getByRole("link", { name: `Udskriv ${NAME}` }).click();
  });

  it("discharges him from there, with the ward's note", async () => {
    const form = page.locator("form.discharge-form");
    await form.waitFor();
    await form.getByLabel("Udskrevet").fill("2026-12-03T11:00");
    await form.getByLabel(/Besked til kommunen/).fill("Inhalationer to gange dagligt");
    await form.getByRole("button", { name: "Udskriv og send overdragelser" }).click();
    const panel = page.locator("section.pathway-panel", { hasText: "Lægelig opfølgning" });
    await panel.getByText(/Ingen praktiserende læge — hvem følger op\?/).waitFor();
    const text = ((await page.locator("main").textContent()) ?? "").replace(/\s+/g, " ");
    expect(text).toContain("ingen praktiserende læge, så ingen læge er blevet bedt om at bekræfte");
    expect(text).not.toContain("Kommunen og lægen har bekræftet");
    await screenshot(page, "roles-discharged-no-gp");
    await expectNoAxeViolations(page, "pathway after discharge without a GP");
  });

  it("resolves the follow-up by naming the hospital's own clinic; a missing choice is said at its field", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Opfølgning" }).click();
    await page
      .getByRole("heading", { name: "Ingen praktiserende læge — hvem følger op?" })
      .waitFor();
    const card = page.locator("li.follow-up-card", { hasText: NAME });
    await card.waitFor();
    await card.getByLabel("Sygehusets eget ambulatorium").check();
    await card.getByRole("button", { name: "Gem afgørelse" }).click();
    const clinic = card.getByLabel("Ambulatorium (afdeling på sygehuset)");
    await card.locator(".form-error-message", { hasText: "Vælg en afdeling." }).waitFor();
    await expect(clinic.getAttribute("aria-describedby")).resolves.toMatch(/clinic-error/);
    await screenshot(page, "roles-follow-up-missing-clinic");
    await expectNoAxeViolations(page, "follow-up with a missing choice");
    const first = clinic.locator("option").nth(1);
    await first.waitFor({ state: "attached" });
    const chosen = (await first.textContent()) ?? "";
    await clinic.selectOption({ index: 1 });
    await card.getByRole("button", { name: "Gem afgørelse" }).click();
    await page
      .getByText(/Der er ingen udskrivelser uden praktiserende læge, der venter|Bent Demo/)
      .first()
      .waitFor();
    await expect(page.locator("li.follow-up-card", { hasText: NAME }).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Afgjort" }).click();
    const done = page.locator("li.follow-up-card", { hasText: NAME });
    await done.getByText(`Følges op af ${chosen}`).waitFor();
    await screenshot(page, "roles-follow-up-resolved");
  });
});

describe("the child's own page", () => {
  it("says who follows up and whom to call, never that a GP confirmed", async () => {
    const child = await openPage(harness, { locale: "da-DK", timezoneId: "Europe/Copenhagen" });
    await child.goto(`${harness.server.url}/login`);
    await child.getByLabel("Brugernavn").fill("test.otto");
    await child.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
    await child.getByRole("button", { name: "Log ind" }).click();
    // The citizen lands on his own course of care.
    await child.waitForURL(/\/borgere\/[^/]+\/forloeb$/);
    const item = child.locator("li.citizen-handover-item", { hasText: "Opfølgning hos en læge" });
    await item.getByText(/følger op på dig lægeligt/).waitFor();
    const text = ((await child.locator("main").textContent()) ?? "").replace(/\s+/g, " ");
    expect(text).not.toMatch(/lægen har bekræftet/i);
    // Whom to call: the clinic's details, said once (it is also the ward still holding care).
    await expect(
      child.getByRole("heading", { name: /^Kontakt Slagelse Sygehus/ }).count(),
    ).resolves.toBe(1);
    await child.getByRole("link", { name: /^\+45/ }).first().waitFor();
    await screenshot(child, "roles-citizen-no-gp");
    await expectNoAxeViolations(child, "the child's own page");
    await child.context().close();
  });
});
