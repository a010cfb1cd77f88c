import type { CodeList } from "./parameters.ts";
import { AGE_BANDS } from "./periods.ts";

/**
 * The definition records: what each indicator counts, in words a leader or a
 * citizen can read, where Tovholder's definition differs from the national
 * one, and which lists and rates it rests on (with whether they are verified).
 * The API serves them and the pages show them next to every chart.
 */

export type Text = { da: string; en: string };
export type Attribution = "residence" | "practice" | "hospital";
export type ValueKind = "per-1000" | "share" | "hours";
/** How a value is computed from the cells; see `cube.ts`. */
export type Measure =
  | { kind: "population-rate"; ages: "all" | "65+" }
  | { kind: "count-rate" }
  | { kind: "share" }
  | { kind: "duration"; quantile: number };

export type IndicatorDefinition = {
  id: string;
  family: "population" | "loop";
  title: Text;
  summary: Text;
  numerator: Text;
  denominator: Text;
  valueKind: ValueKind;
  higherIsBetter: boolean | null;
  ageBands: string[];
  sectors: string[];
  groups: { key: string; label: Text }[];
  attributions: Attribution[];
  standardised: boolean;
  definedBy: "national" | "tovholder";
  nationalDifference: Text | null;
  exclusions: { id: string; label: Text; applied: boolean; verified: boolean }[];
  codeLists: {
    id: string;
    label: Text;
    verified: boolean;
    source: string | null;
    codes: string[];
  }[];
  dayRates: {
    regionalPerDay: number;
    statePerDayFirstTwo: number;
    statePerDayFromThird: number;
    priceLevel: string;
    verified: boolean;
  } | null;
  sources: { title: string; url: string | null }[];
  /**
   * Days after a period's end before its figures are final: what the period
   * counts needs that long to have happened (a 30-day readmission, a deadline).
   * Until then the period's rows are provisional (`complete: false`).
   */
  settlesAfterDays: number;
};

/** A definition with how the engine computes it (not served). */
export type IndicatorSpec = IndicatorDefinition & {
  /** The cells' indicator name (the two duration indicators share one). */
  cells: string;
  measure: Measure;
};

export const ESUNDHED_READMISSIONS = {
  title: "eSundhed: Genindlæggelser i somatik og psykiatri",
  url: "https://www.esundhed.dk",
};
export const DST_HOSPITAL = {
  title: "Danmarks Statistik: Sygehusbenyttelse",
  url: "https://www.dst.dk",
};
export const SDS_2020 = {
  title: "Sundhedsdatastyrelsen 2020-02-28: uhensigtsmæssige sygehusophold",
  url: "https://sundhedsdatastyrelsen.dk",
};
export const SUNDHEDSAFTALER = {
  title: "eSundhed: Sundhedsaftaler (monitorering)",
  url: "https://www.esundhed.dk/Emner/Patienter-og-sygehuse/Sundhedsaftaler",
};
export const TOVHOLDER = { title: "Tovholder: issue 20, definitionerne", url: null };

export const ALL: Attribution[] = ["residence", "practice", "hospital"];
export const LOOP_SECTORS = ["municipality", "general-practice"];
export const BANDS = [...AGE_BANDS];

export const STAY: Text = {
  da: "Et sygehusophold samler en borgers ophold, der overlapper eller ligger højst 4 timer fra hinanden; en indlæggelse er et sygehusophold på mindst 12 timer, akut når dets første ophold er akut.",
  en: "A hospital stay joins a citizen's stays that overlap or lie at most 4 hours apart; an admission is a hospital stay of at least 12 hours, acute when its first stay is acute.",
};

export function listRecord(list: CodeList) {
  return {
    id: list.id,
    label: list.label,
    verified: list.verified,
    source: list.source,
    codes: list.groups.flatMap((g) => g.codes),
  };
}

export function join(a: Text, b: Text): Text {
  return { da: `${a.da} ${b.da}`, en: `${a.en} ${b.en}` };
}

export function base(id: string, family: "population" | "loop") {
  return {
    id,
    family,
    cells: id,
    ageBands: [] as string[],
    sectors: [] as string[],
    groups: [] as { key: string; label: Text }[],
    attributions: ALL,
    standardised: false,
    exclusions: [],
    codeLists: [],
    dayRates: null,
    settlesAfterDays: 0,
  };
}
