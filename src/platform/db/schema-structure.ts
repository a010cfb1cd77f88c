import type { ColumnType, Generated } from "kysely";
import type { DateString, DefaultedTimestamp, Json, Timestamp } from "./column-types.ts";

/** The Danish structure: regions, bodies, municipalities, hospitals, practices, organisations. */
export type BodyMembershipKind = "primary" | "partial";

export type OrganisationKind =
  | "hospital"
  | "hospital_department"
  | "municipality"
  | "municipal_unit"
  | "general_practice"
  | "body_secretariat"
  | "region";

/** What a SOR-coded unit does; the register's finer grain below `kind`. */
export type OrganisationUnitType =
  | "hospital_department"
  | "home_care"
  | "home_nursing"
  | "care_centre"
  | "visitation"
  | "rehabilitation"
  | "general_practice"
  | "other";

/** The kind of local body a municipality belongs to: a cluster until 2026, a council from 2027. */
export type BodyKind = "sundhedsklynge" | "sundhedsraad";

export interface RegionTable {
  /** The 4-digit region code, or an id where the code is not known (`codeVerified` false). */
  code: string;
  name: string;
  codeVerified: Generated<boolean>;
  seat: ColumnType<string | null, string | null | undefined, string | null>;
  validFrom: DateString;
  validTo: ColumnType<DateString | null, DateString | null | undefined, DateString | null>;
}

/** A region's health collaboration committee (sundhedssamarbejdsudvalg), until 2026. */
export interface RegionalCommitteeTable {
  regionCode: string;
  name: string;
  verified: boolean;
  validFrom: DateString;
  validTo: DateString | null;
}

/** The documented mapping: on validFrom, the municipality's body changed from one to the other. */
export interface BodySuccessionTable {
  municipalityCode: string;
  fromBodyId: string;
  toBodyId: string;
  validFrom: DateString;
}

/** One thing the transition carried from an ended body to its successor (a rule, a membership). */
export interface BodyCarryOverTable {
  id: ColumnType<number, never, never>;
  validFrom: DateString;
  kind: "rule" | "membership";
  fromBodyId: string;
  toBodyId: string;
  detail: Json<Record<string, unknown>>;
  appliedAt: Timestamp;
}

export interface MunicipalityTable {
  code: string;
  name: string;
  regionCode: string;
  population: number | null;
  populationYear: number | null;
  population65plus: number | null;
}

export interface BodyTable {
  id: string;
  kind: BodyKind;
  name: string;
  regionCode: string;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  verified: boolean;
  verification: Json<Record<string, boolean>>;
  sources: Json<string[]>;
  notes: string | null;
  validFrom: DateString;
  validTo: DateString | null;
}

export interface HospitalTable {
  id: string;
  name: string;
  regionCode: string;
  sorCode: string | null;
  acute: Generated<boolean>;
}

export interface BodyHospitalTable {
  bodyId: string;
  hospitalId: string;
  validFrom: DateString;
  validTo: DateString | null;
}

export interface BodyMembershipTable {
  id: ColumnType<number, never, never>;
  bodyId: string;
  municipalityCode: string;
  kind: BodyMembershipKind;
  validFrom: DateString;
  validTo: DateString | null;
}

export interface GeneralPracticeTable {
  id: Generated<string>;
  providerNumber: string;
  name: string;
  municipalityCode: string;
  sorCode: string | null;
  createdAt: DefaultedTimestamp;
  synthetic: Generated<boolean>;
}

export interface OrganisationTable {
  id: Generated<string>;
  kind: OrganisationKind;
  name: string;
  sorCode: string | null;
  regionCode: string | null;
  municipalityCode: string | null;
  hospitalId: string | null;
  generalPracticeId: string | null;
  bodyId: string | null;
  parentId: string | null;
  /** The day an organisation ended (a cluster's secretariat on 2027-01-01); null while it lasts. */
  validTo: ColumnType<DateString | null, DateString | null | undefined, DateString | null>;
  gln: string | null;
  unitType: OrganisationUnitType | null;
  synthetic: Generated<boolean>;
  createdAt: DefaultedTimestamp;
}

/** How to reach an organisation (not personal data); see migration 0007. */
export interface OrganisationContactTable {
  organisationId: string;
  phone: string | null;
  email: string | null;
  openingHours: string | null;
  webUrl: string | null;
  updatedBy: string | null;
  updatedAt: DefaultedTimestamp;
}

export interface StructureVersionTable {
  asOf: DateString;
  sourceSha256: string;
  loadedAt: DefaultedTimestamp;
  summary: Json<Record<string, number>>;
}
