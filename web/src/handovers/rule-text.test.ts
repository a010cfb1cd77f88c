import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { danish, english } from "../i18n/bundles";
import { draftOf, inputOf, ruleOf } from "./rule-draft";
import {
  bodyKindKey,
  explainRule,
  fieldKey,
  formatDuration,
  type HandoverRule,
  ladderStepLabel,
  ladderStepName,
  ladderStepNumber,
} from "./rule-text";

const municipality: HandoverRule = {
  deadlineMinutes: 240,
  hours: { weekday: { start: "07:00", end: "22:00" }, weekend: { start: "08:00", end: "20:00" } },
  ladder: [
    { afterMinutes: 0, target: "receiver" },
    { afterMinutes: 60, target: "body-coordinator" },
    { afterMinutes: 120, target: "discharging-department" },
  ],
};

const da = i18next.createInstance();
const en = i18next.createInstance();
beforeAll(async () => {
  // As the app does (src/i18n/index.ts): React escapes, so i18next does not.
  const interpolation = { escapeValue: false };
  await da.init({ lng: "da", resources: { da: { translation: danish } }, interpolation });
  await en.init({ lng: "en", resources: { en: { translation: english } }, interpolation });
});

describe("a handover rule in plain words", () => {
  it("says the municipality's default the way people say it", () => {
    expect(explainRule(da.t, "municipality", municipality, "sundhedsklynge")).toEqual([
      "Kommunen skal bekræfte inden for 4 timer, regnet kl. 07–22 på hverdage og kl. 08–20 i weekender og på helligdage.",
      "Sker det ikke, rykkes kommunen selv ved fristen, klyngens koordinator 1 time senere og derefter den udskrivende afdeling 2 timer senere.",
      "Rykkernes tider er almindelig tid efter fristen, også uden for åbningstiden.",
    ]);
    expect(explainRule(en.t, "municipality", municipality)[0]).toBe(
      "The municipality must confirm within 4 hours, counted 07–22 on weekdays and 08–20 at weekends and on public holidays.",
    );
  });

  it("names the coordinators by the body's kind: a council's, or neutrally where unknown", () => {
    expect(explainRule(da.t, "municipality", municipality, "sundhedsraad")[1]).toBe(
      "Sker det ikke, rykkes kommunen selv ved fristen, sundhedsrådets koordinator 1 time senere og derefter den udskrivende afdeling 2 timer senere.",
    );
    expect(explainRule(en.t, "municipality", municipality, "sundhedsraad")[1]).toContain(
      "the health council's coordinator 1 hour later",
    );
    expect(explainRule(da.t, "municipality", municipality)[1]).toContain(
      "koordinatoren i klyngen eller sundhedsrådet 1 time senere",
    );
    expect(bodyKindKey("sundhedsraad")).toBe("sundhedsraad");
    expect(bodyKindKey(undefined)).toBe("neutral");
  });

  it("says when the deadline stands still, and minutes that are not whole hours", () => {
    const gp: HandoverRule = {
      deadlineMinutes: 16 * 60 + 30,
      hours: { weekday: { start: "08:30", end: "16:00" }, weekend: null },
      ladder: [{ afterMinutes: 0, target: "receiver" }],
    };
    expect(explainRule(da.t, "general-practice", gp).slice(0, 2)).toEqual([
      "Lægen skal bekræfte inden for 16 timer og 30 minutter, regnet kl. 08.30–16 på hverdage (ikke i weekender og på helligdage).",
      "Sker det ikke, rykkes lægen selv ved fristen.",
    ]);
    expect(formatDuration(da.t, 1)).toBe("1 minut");
    expect(formatDuration(en.t, 61)).toBe("1 hour and 1 minute");
  });
});

describe("the rule editor's draft", () => {
  it("turns the API's rule into inputs and back", () => {
    expect(ruleOf(draftOf(municipality))).toEqual(municipality);
    const closed = { ...municipality, hours: { ...municipality.hours, weekend: null } };
    expect(ruleOf(draftOf(closed))).toEqual(closed);
  });

  it("leaves an emptied step empty, for the server to name, rather than reading 0", () => {
    const draft = draftOf(municipality);
    const second = draft.ladder[1];
    if (!second) throw new Error("no second step");
    second.afterMinutes = "";
    expect(Number.isNaN(ruleOf(draft).ladder[1]?.afterMinutes)).toBe(true);
    expect(JSON.parse(JSON.stringify(ruleOf(draft))).ladder[1].afterMinutes).toBeNull();
  });

  it("finds the input a server problem names", () => {
    const draft = draftOf(municipality);
    expect(inputOf("municipality", "ladder.1.afterMinutes", draft)).toBe(
      "municipality-step-1-minutes",
    );
    expect(inputOf("municipality", "ladder.2.target", draft)).toBe("municipality-step-2-target");
    expect(inputOf("municipality", "ladder.7.afterMinutes", draft)).toBeNull();
    expect(inputOf("municipality", "deadlineMinutes", draft)).toBe("municipality-deadline-hours");
    expect(fieldKey("hours.weekend.start")).toBe("hours.weekend");
    expect(inputOf("municipality", "hours.weekend.start", draft)).toBe(
      "municipality-weekend-start",
    );
  });
});

describe("a ladder step's name", () => {
  it("counts from 1 where the server counts from 0, in both languages", () => {
    expect(ladderStepNumber(0)).toBe(1);
    expect(ladderStepLabel(da.t, 1)).toBe("Trin 2");
    expect(ladderStepLabel(en.t, 1)).toBe("Step 2");
  });

  it("says whom the step reminds, naming the body's coordinator by its kind", () => {
    expect(ladderStepName(da.t, "municipality", 1, "body-coordinator", "sundhedsklynge")).toBe(
      "Trin 2: klyngens koordinator",
    );
    expect(ladderStepName(da.t, "general-practice", 0, "receiver")).toBe("Trin 1: lægen selv");
    expect(ladderStepName(en.t, "municipality", 2, "discharging-department")).toBe(
      "Step 3: the discharging department",
    );
  });
});
