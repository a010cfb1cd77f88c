import { periodKindOf, periodStart } from "./periods";
import type { Attribution, IndicatorDefinition, MapUnit, PeriodKind } from "./types";

/**
 * What the Kvalitet page shows, as it stands in the address so that a view can be
 * linked. Empty strings mean "not chosen": the total over age bands and groups, the
 * API's default period (the last complete one), the first indicator.
 */
export type Selection = {
  indicator: string;
  periodKind: PeriodKind;
  /** A period label ("2026-Q3"), or "" for the last complete period. */
  at: string;
  unit: MapUnit;
  attribution: Attribution;
  ageBand: string;
  sector: string;
  group: string;
  /** A region's code: the table and funnel then single out that region's units. */
  region: string;
};

/** The address's parameter names (Danish, as the page's other addresses). */
export const selectionParams = {
  indicator: "indikator",
  periodKind: "periode",
  at: "tid",
  unit: "enhed",
  attribution: "tilknytning",
  ageBand: "alder",
  sector: "sektor",
  group: "gruppe",
  region: "region",
} as const satisfies Record<keyof Selection, string>;

const periodKinds: readonly PeriodKind[] = ["month", "quarter", "year"];
const units: readonly MapUnit[] = ["municipality", "body"];
const attributions: readonly Attribution[] = ["residence", "practice", "hospital"];

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function selectionFromParams(params: URLSearchParams): Selection {
  const get = (key: keyof Selection) => params.get(selectionParams[key]) ?? "";
  const periodKind = oneOf(params.get(selectionParams.periodKind), periodKinds, "quarter");
  const at = get("at");
  return {
    indicator: get("indicator"),
    periodKind,
    // A label of another kind than the period's would ask for nothing.
    at: periodKindOf(at) === periodKind ? at : "",
    unit: oneOf(params.get(selectionParams.unit), units, "municipality"),
    attribution: oneOf(params.get(selectionParams.attribution), attributions, "residence"),
    ageBand: get("ageBand"),
    sector: get("sector"),
    group: get("group"),
    region: get("region"),
  };
}

const defaults: Partial<Record<keyof Selection, string>> = {
  periodKind: "quarter",
  unit: "municipality",
  attribution: "residence",
};

/** The selection as address parameters, leaving out what is the default. */
export function selectionToParams(selection: Selection): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(selectionParams) as (keyof Selection)[]) {
    const value = selection[key];
    if (value !== "" && value !== defaults[key]) params.set(selectionParams[key], value);
  }
  return params;
}

/**
 * The selection made valid for an indicator: an age band, sector, group or
 * attribution the definition does not allow is dropped. An indicator with sectors
 * is always shown for one of them (its figures are per receiving sector).
 */
export function fitSelection(selection: Selection, definition: IndicatorDefinition): Selection {
  const allowed = (value: string, options: readonly string[]) =>
    options.includes(value) ? value : "";
  return {
    ...selection,
    indicator: definition.id,
    attribution: definition.attributions.includes(selection.attribution)
      ? selection.attribution
      : (definition.attributions[0] ?? "residence"),
    ageBand: allowed(selection.ageBand, definition.ageBands),
    sector: allowed(selection.sector, definition.sectors) || (definition.sectors[0] ?? ""),
    group: allowed(
      selection.group,
      definition.groups.map((g) => g.key),
    ),
  };
}

/** The filters every request about the selection carries. */
function filterParams(selection: Selection): URLSearchParams {
  const params = new URLSearchParams({
    unit: selection.unit,
    period: selection.periodKind,
    attribution: selection.attribution,
  });
  if (selection.ageBand) params.set("ageBand", selection.ageBand);
  if (selection.sector) params.set("sector", selection.sector);
  if (selection.group) params.set("group", selection.group);
  return params;
}

/** GET …/values for the selection's units in one period (the label `at`). */
export function valuesPath(selection: Selection, at: string): string {
  const params = filterParams(selection);
  const start = periodStart(at);
  if (start) {
    params.set("from", start);
    params.set("to", start);
  }
  return `/api/indicators/${encodeURIComponent(selection.indicator)}/values?${params}`;
}

/** GET …/funnel for the selection; without a chosen period the API takes the last complete one. */
export function funnelPath(selection: Selection): string {
  const params = filterParams(selection);
  if (selection.at) params.set("at", selection.at);
  return `/api/indicators/${encodeURIComponent(selection.indicator)}/funnel?${params}`;
}

/** GET …/values for the whole country over the API's default window: the periods to choose from. */
export function countryPath(selection: Selection): string {
  const params = filterParams(selection);
  params.set("unit", "country");
  return `/api/indicators/${encodeURIComponent(selection.indicator)}/values?${params}`;
}
