import type { BodyKind } from "./model.ts";

/** The structure's answers as the API and the other capabilities see them. */

export type Committee = { name: string; verified: boolean };

export type RegionView = {
  code: string;
  name: string;
  /** False where the id is not the official region code (Region Østdanmark's was not found). */
  codeVerified: boolean;
  seat: string | null;
  validFrom: string;
  validTo: string | null;
  /** The health collaboration committee on that date; none from 2027. */
  committee: Committee | null;
  bodyIds: string[];
};

export type BodyRef = { id: string; kind: BodyKind; name: string; verified: boolean };

/** A body as an event names it, with the day the body ended (null while it lasts). */
export type DatedBodyRef = BodyRef & { validTo: string | null };

/** Where municipalities and hospitals belonged on any date (`bodyTimelines`). */
export type BodyTimelines = {
  /** The body a municipality belonged to on a date (its primary membership); null if none. */
  ofMunicipality(code: string, date: string): DatedBodyRef | null;
  /** The bodies a hospital served on a date (Aalborg UH served two clusters). */
  ofHospital(hospitalId: string, date: string): DatedBodyRef[];
};

/** One body a municipality belonged to, and when. */
export type BodyPeriod = BodyRef & {
  regionCode: string;
  regionName: string;
  validFrom: string;
  validTo: string | null;
};

export type HospitalRef = { id: string; name: string; sorCode: string | null };

export type BodySummary = {
  id: string;
  kind: BodyKind;
  name: string;
  regionCode: string;
  verified: boolean;
  verification: Record<string, boolean>;
  aliases: string[];
  acuteHospitals: HospitalRef[];
  municipalityCodes: string[];
  partialMunicipalityCodes: string[];
  validFrom: string;
  validTo: string | null;
};

/** A body before or after another, and the municipalities that moved between them. */
export type LinkedBody = { id: string; kind: BodyKind; name: string; municipalityCodes: string[] };

export type BodyDetail = BodySummary & {
  /** The date the detail describes (the body's municipalities and hospitals on it). */
  date: string;
  region: { code: string; name: string; codeVerified: boolean; committee: Committee | null };
  /** Where the body's municipalities came from, or went to, when the structure changed. */
  predecessors: LinkedBody[];
  successors: LinkedBody[];
  municipalities: {
    code: string;
    name: string;
    population: number | null;
    populationYear: number | null;
    membership: "primary" | "partial";
  }[];
  hospitals: (HospitalRef & { acute: boolean })[];
  sources: string[];
  notes: string | null;
};

export type MunicipalityView = {
  code: string;
  name: string;
  /** The region on that date: its body's region (Hovedstaden until 2026, Østdanmark from 2027). */
  region: { code: string; name: string; codeVerified: boolean };
  population: number | null;
  populationYear: number | null;
  date: string;
  body: BodyRef | null;
  partialBodies: { id: string; name: string }[];
  /** Every body the municipality has belonged to, oldest first. */
  bodyHistory: BodyPeriod[];
};

export type MunicipalityListItem = {
  code: string;
  name: string;
  regionCode: string;
  population: number | null;
  bodyId: string | null;
  partialBodyIds: string[];
};
