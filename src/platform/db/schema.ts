import type { ColumnType, Generated } from "kysely";

/** A calendar date as "YYYY-MM-DD". */
export type DateString = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type ClusterMembershipKind = "primary" | "partial";

export type OrganisationKind =
  | "hospital"
  | "hospital_department"
  | "municipality"
  | "municipal_unit"
  | "general_practice"
  | "cluster_secretariat"
  | "region";

export interface RegionTable {
  code: string;
  name: string;
  committeeName: string;
  committeeVerified: boolean;
}

export interface MunicipalityTable {
  code: string;
  name: string;
  regionCode: string;
  population: number | null;
  populationYear: number | null;
  population65plus: number | null;
}

export interface ClusterTable {
  id: string;
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

export interface ClusterHospitalTable {
  clusterId: string;
  hospitalId: string;
  validFrom: DateString;
  validTo: DateString | null;
}

export interface ClusterMembershipTable {
  id: ColumnType<number, never, never>;
  clusterId: string;
  municipalityCode: string;
  kind: ClusterMembershipKind;
  validFrom: DateString;
  validTo: DateString | null;
}

export interface GeneralPracticeTable {
  id: Generated<string>;
  providerNumber: string;
  name: string;
  municipalityCode: string;
  sorCode: string | null;
  createdAt: Generated<Timestamp>;
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
  clusterId: string | null;
  parentId: string | null;
  createdAt: Generated<Timestamp>;
}

export interface StructureVersionTable {
  asOf: DateString;
  sourceSha256: string;
  loadedAt: Generated<Timestamp>;
  summary: Json<Record<string, number>>;
}

export interface DB {
  region: RegionTable;
  municipality: MunicipalityTable;
  cluster: ClusterTable;
  hospital: HospitalTable;
  clusterHospital: ClusterHospitalTable;
  clusterMembership: ClusterMembershipTable;
  generalPractice: GeneralPracticeTable;
  organisation: OrganisationTable;
  structureVersion: StructureVersionTable;
}
