import type { ColumnType, Generated } from "kysely";
import type { DateString, Json, Timestamp } from "./column-types.ts";

type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

/** The indicators' tables (migration 0018); `DB` in schema.ts names every table. */

/** Where a citizen lived and was listed, from when (null: before Tovholder knew) to when (exclusive). */
export interface CitizenResidenceTable {
  id: ColumnType<number, never, never>;
  citizenId: string;
  municipalityCode: string | null;
  practiceId: string | null;
  validFrom: DateString | null;
  validTo: DateString | null;
}

export interface IndicatorAdmissionTable {
  citizenId: string;
  seq: number;
  firstStayId: string;
  lastStayId: string;
  firstHospitalId: string;
  lastHospitalId: string;
  startedAt: Timestamp;
  endedAt: NullableTimestamp;
  startMonth: string;
  endMonth: string | null;
  acute: boolean;
  diagnosis: string | null;
  preventableGroup: string | null;
  diedDuring: boolean;
  daysAfterReady: number;
  charge: ColumnType<string, number | string, number | string>;
  isIndex: boolean;
  indexExcludedBy: string[];
  readmissionExcluded: boolean;
  readmittedAt: NullableTimestamp;
  sex: string;
  ageBandAtStart: string;
  ageBandAtEnd: string | null;
  residenceAtStart: string | null;
  residenceAtEnd: string | null;
  practiceAtStart: string | null;
  practiceAtEnd: string | null;
}

export type Attribution = "residence" | "practice" | "hospital";

export interface IndicatorCellTable {
  indicator: string;
  attribution: Attribution;
  month: string;
  key: string;
  ageBand: string;
  sex: string;
  sector: Generated<string>;
  grp: Generated<string>;
  numerator: ColumnType<string, number | string, number | string>;
  denominator: ColumnType<string | null, number | string | null, number | string | null>;
  amount: ColumnType<string | null, number | string | null, number | string | null>;
  /** Times from discharge to confirmation, as counts per bucket (see loop-cells.ts). */
  durations: Json<Record<string, number>> | null;
}

export interface IndicatorPopulationTable {
  month: string;
  attribution: "residence" | "practice";
  key: string;
  ageBand: string;
  sex: string;
  persons: ColumnType<string, number | string, number | string>;
}

export interface IndicatorDirtyCitizenTable {
  citizenId: string;
  markedAt: Generated<Date>;
}

export interface IndicatorDirtyMonthTable {
  source: "admission" | "population" | "loop";
  month: string;
}

export interface IndicatorStateTable {
  id: Generated<boolean>;
  computedAt: NullableTimestamp;
  generation: ColumnType<string, never, string | number>;
  /** When every month's residents were last counted (see maintain.ts). */
  populationCountedAt: NullableTimestamp;
  parametersSha256: string | null;
  firstMonth: string | null;
  lastMonth: string | null;
}

export interface IndicatorMonthStateTable {
  month: string;
  version: ColumnType<string, number | string, number | string>;
}
