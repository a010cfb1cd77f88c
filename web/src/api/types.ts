// Shapes of the Tovholder structure API (see src/structure/routes.ts on the server).

export type Committee = { name: string; verified: boolean };

/** The local body a municipality belongs to: a cluster (until 2026) or a council (from 2027). */
export type BodyKind = "sundhedsklynge" | "sundhedsraad";

export type Region = {
  code: string;
  name: string;
  /** False where the code is a stand-in (Region Østdanmark's official code was not found). */
  codeVerified: boolean;
  seat: string | null;
  validFrom: string;
  /** Exclusive: the first day the region no longer exists. */
  validTo: string | null;
  /** The health collaboration committee; none from 2027. */
  committee: Committee | null;
  bodyIds: string[];
};

export type HospitalRef = { id: string; name: string; sorCode: string | null };

export type Verification = { name?: boolean; membership?: boolean; acuteHospitals?: boolean };

export type BodySummary = {
  id: string;
  kind: BodyKind;
  name: string;
  regionCode: string;
  verified: boolean;
  verification: Verification;
  aliases: string[];
  acuteHospitals: HospitalRef[];
  /** Primary members. */
  municipalityCodes: string[];
  partialMunicipalityCodes: string[];
  validFrom: string;
  /** Exclusive: the first day the body no longer exists. */
  validTo: string | null;
};

export type Membership = "primary" | "partial";

export type BodyMunicipality = {
  code: string;
  name: string;
  population: number | null;
  populationYear: number | null;
  membership: Membership;
};

/** A body that came before or after another, and the municipalities that moved between them. */
export type LinkedBody = { id: string; kind: BodyKind; name: string; municipalityCodes: string[] };

export type BodyDetail = BodySummary & {
  /** The date described (asked for, or the body's nearest day when none was). */
  date: string;
  region: { code: string; name: string; codeVerified: boolean; committee: Committee | null };
  predecessors: LinkedBody[];
  successors: LinkedBody[];
  municipalities: BodyMunicipality[];
  hospitals: (HospitalRef & { acute: boolean })[];
  sources: string[];
  notes: string | null;
};

export type MunicipalityListItem = {
  code: string;
  name: string;
  regionCode: string;
  population: number | null;
  bodyId: string | null;
  partialBodyIds: string[];
};

/** A date on which the structure changed, from the loaded structure files. */
export type StructureVersion = { asOf: string; summary: Record<string, number> };

/** RFC 9457 problem details, as the API sends every error. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
  /** Which field is wrong and why (the server's FieldError). */
  errors?: { in: string; field: string; reason: string; i18n?: Translatable }[];
  /** The detail as a key and values (web/src/api/problem-text.ts). */
  i18n?: Translatable;
};

/** A server text as a key and its values, for the web to say in the user's language. */
export type Translatable = { key: string; values?: Record<string, string | number> };

export type MunicipalityFeature = {
  type: "Feature";
  properties: { lau_1: string; label_dk: string };
  geometry:
    | { type: "Polygon"; coordinates: number[][][] }
    | { type: "MultiPolygon"; coordinates: number[][][][] };
};

export type MunicipalityGeo = { type: "FeatureCollection"; features: MunicipalityFeature[] };
