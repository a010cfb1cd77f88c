// Shapes of the indicators API (see /work/wt/API-20.md and src/indicators/routes.ts on the server).

/** A text the server gives in both languages. */
export type Text = { da: string; en: string };

export type ValueKind = "per-1000" | "share" | "hours";
export type Attribution = "residence" | "practice" | "hospital";
export type PeriodKind = "month" | "quarter" | "year";
export type UnitKind = "municipality" | "body" | "region" | "country" | "practice" | "hospital";
/** The units the Kvalitet page maps and compares. */
export type MapUnit = "municipality" | "body";

export type Exclusion = { id: string; label: Text; applied: boolean; verified: boolean };

export type CodeList = {
  id: string;
  label: Text;
  verified: boolean;
  source: string | null;
  codes: string[];
};

export type DayRates = {
  regionalPerDay: number;
  statePerDayFirstTwo: number;
  statePerDayFromThird: number;
  priceLevel: string;
  verified: boolean;
};

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
  exclusions: Exclusion[];
  codeLists: CodeList[];
  dayRates: DayRates | null;
  sources: { title: string; url: string | null }[];
  /** Days after a period's end before its figures are final. */
  settlesAfterDays: number;
};

export type IndicatorList = { computedAt: string | null; indicators: IndicatorDefinition[] };

export type Row = {
  unit: UnitKind;
  code: string;
  name: string;
  bodyKind?: "sundhedsklynge" | "sundhedsraad";
  /** "2026-03" | "2026-Q1" | "2026" */
  period: string;
  /** The period's first day, YYYY-MM-DD. */
  periodStart: string;
  ageBand: string | null;
  sector: string | null;
  group: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  suppressed: boolean;
  standardisedValue?: number | null;
  /** Days after "medically ready": the kroner the municipalities would pay. */
  amount?: number | null;
  /** The period has ended and the definition's settlesAfterDays have passed: final, not provisional. */
  complete: boolean;
};

export type ValuesAnswer = {
  indicator: string;
  computedAt: string | null;
  unit: UnitKind;
  period: PeriodKind;
  attribution: Attribution;
  rows: Row[];
};

export type FunnelPosition = "above998" | "above95" | "within" | "below95" | "below998";

export type FunnelPoint = {
  code: string;
  name: string;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
  position: FunnelPosition | null;
};

export type FunnelLimit = {
  n: number;
  low95: number;
  high95: number;
  low998: number;
  high998: number;
};

export type FunnelAnswer = {
  indicator: string;
  computedAt: string | null;
  period: string;
  /** Whether the period's figures are final (see the definition's settlesAfterDays). */
  complete: boolean;
  national: number | null;
  points: FunnelPoint[];
  curve: FunnelLimit[];
};

export type DashboardSeries = { indicator: string; body: Row[]; region: Row[]; country: Row[] };
/** One loop indicator per unit; `sector` is the receiving sector (null where it has none). */
export type LoopTable = { indicator: string; sector: string | null; rows: Row[] };

export type DashboardAnswer = {
  body: { id: string; name: string; kind: "sundhedsklynge" | "sundhedsraad" };
  region: { code: string; name: string };
  computedAt: string | null;
  months: string[];
  series: DashboardSeries[];
  loopByMunicipality: LoopTable[];
  loopByPractice: LoopTable[];
};
