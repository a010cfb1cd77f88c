import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { problemSentences } from "../admin/message-text";
import { danish, english } from "../i18n/bundles";
import { eventLabel, messageTypeLabel } from "../pathways/labels";
import { purposeLabel, whatLabel } from "./labels";

const da = i18next.createInstance();
const en = i18next.createInstance();
beforeAll(async () => {
  const interpolation = { escapeValue: false };
  await da.init({ lng: "da", resources: { da: { translation: danish } }, interpolation });
  await en.init({ lng: "en", resources: { en: { translation: english } }, interpolation });
});

describe("the citizen's access log in words", () => {
  it("says what was done as one sentence to the citizen, never the codes", () => {
    expect(whatLabel(da.t, "confirm", "handover")).toBe(
      "Bekræftede overdragelsen efter din udskrivelse",
    );
    expect(whatLabel(da.t, "read", "worklist")).toBe("Læste dit navn på en arbejdsliste");
    expect(whatLabel(en.t, "read", "fhir:Encounter")).toBe(
      "Read your hospital stays (looked up by an IT system)",
    );
  });

  it("says a value this build does not know in general words", () => {
    expect(whatLabel(da.t, "frobnicate", "gizmo")).toBe("Slog dine oplysninger op");
    expect(whatLabel(da.t, "toString", "constructor")).toBe("Slog dine oplysninger op");
  });

  it("says the system's own purposes in words, and a person's as written", () => {
    expect(purposeLabel(da.t, "discharge")).toBe("For at udskrive dig");
    expect(purposeLabel(en.t, "not on the acting organisation's worklist")).toBe(
      "The handover was not on their worklist",
    );
    expect(purposeLabel(da.t, "Udskrivelse i morgen")).toBe("Udskrivelse i morgen");
  });
});

describe("the hospital's messages in words", () => {
  it("names a MedCom type in words with its code after it", () => {
    expect(messageTypeLabel(da.t, "STIN")).toBe("Indlæggelse (STIN)");
    expect(messageTypeLabel(da.t, "RE_SLHJ")).toBe("Rettelse af udskrivelse (RE_SLHJ)");
    expect(messageTypeLabel(en.t, "AN_STOR")).toBe("Cancellation of leave started (AN_STOR)");
    expect(messageTypeLabel(da.t, "admit-inpatient")).toBeNull();
    expect(messageTypeLabel(da.t, null)).toBeNull();
  });

  it("never shows an unknown event kind as its code", () => {
    expect(eventLabel(da.t, "hospital.discharge")).toBe("Udskrevet");
    expect(eventLabel(da.t, "hospital.teleport")).toBe("Besked fra sygehuset");
  });

  it("says a message's problems once per kind, in words", () => {
    const problems = [
      { severity: "error", code: "not-found", expression: "Bundle.entry[1]", rule: "SOR 1 …" },
      { severity: "error", code: "not-found", expression: "Bundle.entry[2]", rule: "SOR 2 …" },
      { severity: "warning", code: "value", expression: "Bundle.x", rule: "odd" },
      { severity: "error", expression: "Bundle", rule: "old row without a code" },
    ];
    expect(problemSentences(da.t, problems)).toEqual([
      "Afsender eller modtager findes ikke i organisationsregistret.",
      "Advarsel: Et felt i beskeden har en ugyldig værdi.",
      "Beskeden har et problem.",
    ]);
  });
});
