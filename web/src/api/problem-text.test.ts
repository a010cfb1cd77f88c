import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { resources } from "../i18n";
import { fieldReason, problemDetail, problemTitle } from "./problem-text";
import type { Problem } from "./types";

const t = (language: "da" | "en") => i18next.getFixedT(language);

beforeAll(async () => {
  await i18next.init({ resources, lng: "da", interpolation: { escapeValue: false } });
});

const conflict: Problem = {
  type: "urn:tovholder:problem:TOV_ERR_CONFLICT",
  title: "Conflict",
  status: 409,
  code: "TOV_ERR_CONFLICT",
  detail: "The handover has changed: it is confirmed (version 2)",
  i18n: { key: "handovers.changed", values: { status: "confirmed", version: 2 } },
  errors: [
    {
      in: "body",
      field: "version",
      reason: "is not the current version 2",
      i18n: { key: "handovers.staleVersion", values: { version: 2 } },
    },
  ],
};

describe("a problem in the user's language", () => {
  it("says a stale decision in Danish, with the handover's status in words", () => {
    expect(problemTitle(t("da"), conflict)).toBe("Konflikt");
    expect(problemDetail(t("da"), conflict)).toBe(
      "Overdragelsen er ændret i mellemtiden og er nu »Bekræftet«. Listen er hentet igen.",
    );
    const [field] = conflict.errors ?? [];
    if (!field) throw new Error("no field error");
    expect(fieldReason(t("da"), field)).toBe("er ikke den nyeste version (2)");
  });

  it("says it in English too", () => {
    expect(problemDetail(t("en"), conflict)).toContain("is now “Confirmed”");
  });

  it("falls back to the server's words for a key or code it does not know", () => {
    const unknown: Problem = {
      ...conflict,
      code: "TOV_ERR_SOMETHING_NEW",
      title: "Something new",
      i18n: { key: "handovers.notYetTranslated" },
    };
    expect(problemTitle(t("da"), unknown)).toBe("Something new");
    expect(problemDetail(t("da"), unknown)).toBe(conflict.detail);
    expect(fieldReason(t("da"), { reason: "must be a Danish phone number" })).toBe(
      "must be a Danish phone number",
    );
  });
});
