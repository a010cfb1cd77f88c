import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { danish, english } from "../i18n/bundles";
import { viewerOf, viewerText } from "./viewer";

const da = i18next.createInstance();
const en = i18next.createInstance();
beforeAll(async () => {
  const interpolation = { escapeValue: false };
  await da.init({ lng: "da", resources: { da: { translation: danish } }, interpolation });
  await en.init({ lng: "en", resources: { en: { translation: english } }, interpolation });
});

const reason = "discharged-awaiting-handover";
const say = (t: typeof da.t, kind: string) =>
  viewerText(t, viewerOf(kind, "Karen Jensen"), `reasons.${reason}`, `pathway.reasons.${reason}`);

describe("a course of care speaks to whoever reads it", () => {
  it("addresses the citizen as du / you", () => {
    expect(say(da.t, "citizen")).toMatch(/^Du er udskrevet\. Sygehuset har ansvaret for dig/);
    expect(say(en.t, "citizen")).toMatch(/^You have been discharged/);
  });

  it("names the citizen to a relative, never du", () => {
    const text = say(da.t, "relative");
    expect(text).toMatch(/^Karen Jensen er udskrevet/);
    expect(text).not.toMatch(/\b(du|dig|din|dit|dine)\b/i);
    expect(say(en.t, "relative")).toMatch(/^Karen Jensen has been discharged/);
  });

  it("keeps the third person for staff", () => {
    expect(say(da.t, "staff")).toMatch(/^Borgeren er udskrevet/);
  });

  it("falls back to the staff's text for a reason the viewer's words lack", () => {
    expect(
      viewerText(da.t, { as: "you" }, "reasons.new-reason", "pathway.reasons.in-hospital"),
    ).toBe("Borgeren er på sygehuset. Sygehuset har ansvaret.");
  });

  it("has the citizen's and the relative's words for every reason staff have", () => {
    for (const bundle of [danish, english]) {
      const staff = Object.keys(bundle.pathway.reasons).sort();
      expect(Object.keys(bundle.words.viewer.you.reasons).sort()).toEqual(staff);
      expect(Object.keys(bundle.words.viewer.relative.reasons).sort()).toEqual(staff);
      for (const text of Object.values(bundle.words.viewer.relative.reasons))
        expect(text).toContain("{{name}}");
    }
  });
});
