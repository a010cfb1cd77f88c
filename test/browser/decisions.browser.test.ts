import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
 * Issue 21, section 4: decisions are deliberate and can be undone. The
 * municipality declines with no reason chosen for it (the form says so at
 * the field), picks "Andet" and must say why, then takes the decline back
 * with "Fortryd"; it confirms, and the row stays with "Fortryd" and the time
 * left. It declines a second handover, and the ward sends it on and is told
 * where it went.
 */

let harness: Harness;
let page: Page;
let firstDischarge = "";

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  page = await openPage(harness);
  const yesterday = new Date(Date.now() - 24 * 3_600_000).toISOString().slice(0, 10);
  firstDischarge = `${yesterday}T10:00:00+01:00`;
  const messages = [
    { id: "decisions-1", cpr: "2105521234", family: "Fortrydsen", given: ["Freja"], hour: "10" },
    { id: "decisions-2", cpr: "2206531235", family: "Videresen", given: ["Viggo"], hour: "11" },
  ].flatMap((p) => {
    const flow = new NotificationFlow(
      participants(p.id, {
        sender: participantOf(DEMO_UNITS.slagelseMedical),
        receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
        patient: { cpr: p.cpr, family: p.family, given: p.given },
      }),
    );
    flow.admit({ class: "inpatient", at: `${yesterday}T08:00:00+01:00` });
    flow.discharge({ at: `${yesterday}T${p.hour}:00:00+01:00` });
    return flow.messages;
  });
  await sendHospitalNotifications(harness, messages);
});

afterAll(async () => {
  await harness?.close();
});

// The worklist shows one table per group (issue 21): the open tab holds them all.
const table = () => page.getByRole("tabpanel");
const rowOf = (name: string) => table().locator("tr", { hasText: name }).first();
/** The history of the municipality's handover of the discharge at `dischargedAt`. */
const kindsOf = async (dischargedAt: string) => {
  const rows = await harness.server.database.db
    .selectFrom("handoverTransition as t")
    .innerJoin("handover as h", "h.id", "t.handoverId")
    .select("t.kind")
    .where("h.sector", "=", "municipality")
    .where("h.dischargedAt", "=", new Date(dischargedAt))
    .orderBy("t.id")
    .execute();
  return rows.map((r) => r.kind);
};

describe("a decline is deliberate and can be undone", () => {
  it("starts with no reason, and says at the field that one must be chosen", async () => {
    await logInAsDemo(harness, page, "Villads Visitator (demo)");
    await page.getByRole("link", { name: "Arbejdsliste" }).click();
    await expect.poll(() => table().textContent()).toContain("Freja Fortrydsen");
    const row = rowOf("Freja Fortrydsen");
    await row.getByRole("button", { name: /Afvis/ }).click();
    await expect(row.getByLabel("Årsag").inputValue()).resolves.toBe("");
    await row.getByRole("button", { name: "Send afvisning" }).click();
    await expect
      .poll(() => row.locator(".form-error-message").textContent())
      .toContain("Vælg, hvorfor I afviser overdragelsen.");
    await expect(row.getByLabel("Årsag").getAttribute("aria-invalid")).resolves.toBe("true");
    await screenshot(page, "decline-no-reason");
    await expectAccessible(page, "decline form without a reason");
  });

  it("asks for words with 'Andet', then sends the decline with them", async () => {
    const row = rowOf("Freja Fortrydsen");
    await row.getByLabel("Årsag").selectOption({ label: "Andet" });
    await row.getByRole("button", { name: "Send afvisning" }).click();
    await expect
      .poll(() => row.locator(".form-error-message").textContent())
      .toContain("Skriv, hvorfor I afviser, når årsagen er »Andet«.");
    await screenshot(page, "decline-other-needs-words");
    await expectAccessible(page, "decline form, 'Andet' without words");
    await row.getByLabel(/Uddybning/).fill("Borgeren er på ophold hos sin datter i Aarhus");
    await row.getByRole("button", { name: "Send afvisning" }).click();
    await expect.poll(() => row.textContent()).toContain("Afvist");
    await expect(row.textContent()).resolves.toMatch(
      /(10:00|[89]:\d\d) min\. tilbage til at fortryde/,
    );
    await screenshot(page, "decline-sent-with-undo");
    await expectAccessible(page, "declined row with its undo");
  });

  it("undoes the decline: the handover waits again, and the history says so", async () => {
    const row = rowOf("Freja Fortrydsen");
    await row.getByRole("button", { name: "Fortryd afvisningen af Freja Fortrydsen" }).click();
    await expect
      .poll(() => page.locator(".alert-success").textContent())
      .toContain("Beslutningen er fortrudt");
    await expect.poll(() => row.textContent()).toContain("Afventer");
    await expect(
      row.getByRole("button", { name: /^Fortryd (afvisningen|bekræftelsen)/ }).count(),
    ).resolves.toBe(0);
    expect(await kindsOf(firstDischarge)).toEqual(["created", "declined", "undone"]);
    await screenshot(page, "decline-undone");
  });

  it("confirms: the row stays, with 'Fortryd' and the time left", async () => {
    await page.getByRole("button", { name: "Bekræft: vi overtager Freja Fortrydsen" }).click();
    await expect
      .poll(() => page.locator(".alert-success").textContent())
      .toContain("I har nu ansvaret");
    const row = rowOf("Freja Fortrydsen");
    await expect.poll(() => row.textContent()).toContain("Bekræftet");
    await row.getByRole("button", { name: "Fortryd bekræftelsen af Freja Fortrydsen" }).waitFor();
    await expect(row.textContent()).resolves.toContain("min. tilbage til at fortryde");
    await screenshot(page, "confirm-with-undo");
    await expectAccessible(page, "confirmed row with its undo");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "confirm-with-undo-390px");
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe("a handover sent on", () => {
  it("lets the municipality decline the second handover", async () => {
    const row = rowOf("Viggo Videresen");
    await row.getByRole("button", { name: /Afvis/ }).click();
    await row.getByLabel("Årsag").selectOption({ label: "Borgeren er flyttet" });
    await row.getByLabel(/Uddybning/).fill("Flyttet til Slagelse");
    await row.getByRole("button", { name: "Send afvisning" }).click();
    await expect.poll(() => row.textContent()).toContain("Afvist");
  });

  it("tells the ward where the handover went", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await logInAsDemo(harness, page, "Sofie Sygeplejerske (demo)");
    await page.getByRole("link", { name: "Arbejdsliste" }).click();
    const row = rowOf("Viggo Videresen");
    await expect.poll(() => row.textContent()).toContain("Borgeren er flyttet");
    await row.getByRole("button", { name: "Send videre" }).click();
    await row.getByLabel("Søg modtager efter navn").fill("Slagelse");
    await row.getByRole("radio", { name: "Slagelse Kommune" }).check();
    await row.getByRole("button", { name: "Send til ny modtager" }).click();
    await expect
      .poll(() => page.locator(".worklist-sent-on").textContent())
      .toContain("Overdragelsen er sendt videre til Slagelse Kommune.");
    await screenshot(page, "sent-on-feedback");
    await expectAccessible(page, "worklist after sending on");
  });
});
