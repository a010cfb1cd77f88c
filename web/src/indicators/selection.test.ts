import { describe, expect, it } from "vitest";
import {
  countryPath,
  fitSelection,
  funnelPath,
  type Selection,
  selectionFromParams,
  selectionToParams,
  valuesPath,
} from "./selection";
import type { IndicatorDefinition } from "./types";

const text = { da: "x", en: "x" };
const definition = (patch: Partial<IndicatorDefinition>): IndicatorDefinition => ({
  id: "admissions",
  family: "population",
  title: text,
  summary: text,
  numerator: text,
  denominator: text,
  valueKind: "per-1000",
  higherIsBetter: false,
  ageBands: ["0-17", "18-64", "65-79", "80+"],
  sectors: [],
  groups: [],
  attributions: ["residence", "practice", "hospital"],
  standardised: false,
  definedBy: "national",
  nationalDifference: null,
  exclusions: [],
  codeLists: [],
  dayRates: null,
  sources: [],
  settlesAfterDays: 0,
  ...patch,
});

describe("the Kvalitet page's choice in the address", () => {
  it("reads the address, with defaults for what it leaves out", () => {
    const s = selectionFromParams(
      new URLSearchParams("indikator=admissions&enhed=body&alder=80%2B"),
    );
    expect(s).toEqual({
      indicator: "admissions",
      periodKind: "quarter",
      at: "",
      unit: "body",
      attribution: "residence",
      ageBand: "80+",
      sector: "",
      group: "",
      region: "",
    });
  });

  it("ignores a period of another kind than the one chosen, and unknown values", () => {
    const s = selectionFromParams(new URLSearchParams("periode=month&tid=2026-Q3&enhed=planet"));
    expect(s.at).toBe("");
    expect(s.unit).toBe("municipality");
  });

  it("writes back only what differs from the defaults", () => {
    const s = selectionFromParams(
      new URLSearchParams("indikator=admissions&periode=month&tid=2026-03"),
    );
    expect(selectionToParams(s).toString()).toBe("indikator=admissions&periode=month&tid=2026-03");
    expect(selectionFromParams(selectionToParams(s))).toEqual(s);
  });

  it("drops what the indicator does not allow, and picks its first sector", () => {
    const asked = selectionFromParams(
      new URLSearchParams("alder=80%2B&tilknytning=hospital&gruppe=x"),
    );
    const loop = definition({
      id: "loop-confirmed-by-deadline",
      ageBands: [],
      sectors: ["municipality", "general-practice"],
      attributions: ["residence", "practice"],
    });
    const fitted = fitSelection(asked, loop);
    expect(fitted).toMatchObject({
      indicator: "loop-confirmed-by-deadline",
      ageBand: "",
      attribution: "residence",
      sector: "municipality",
      group: "",
    });
  });

  it("asks the API for one period, its funnel and the country's periods", () => {
    const s: Selection = {
      ...selectionFromParams(new URLSearchParams()),
      indicator: "admissions",
      ageBand: "80+",
    };
    expect(valuesPath(s, "2026-Q3")).toBe(
      "/api/indicators/admissions/values?unit=municipality&period=quarter&attribution=residence&ageBand=80%2B&from=2026-07-01&to=2026-07-01",
    );
    expect(funnelPath({ ...s, at: "2026-Q2" })).toBe(
      "/api/indicators/admissions/funnel?unit=municipality&period=quarter&attribution=residence&ageBand=80%2B&at=2026-Q2",
    );
    expect(countryPath(s)).toBe(
      "/api/indicators/admissions/values?unit=country&period=quarter&attribution=residence&ageBand=80%2B",
    );
  });
});
