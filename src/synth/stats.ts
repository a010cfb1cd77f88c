import type { SynthStay } from "./activity.ts";
import { hospitalPlaceOf, placeOf, type SynthMunicipality } from "./geography.ts";
import { AGE_BANDS, type AgeBandName } from "./parameters.ts";

/**
 * Counts gathered while generating, summed over municipalities (each worker
 * counts its own), from which the summary's rate checks are computed.
 */
export type Stats = {
  citizens: number;
  female: number;
  byBand: Record<AgeBandName, number>;
  listing: { own: number; neighbour: number; otherBody: number; none: number };
  homeCare: number;
  practices: number;
  admissions: number;
  admissionsByBand: Record<AgeBandName, number>;
  ambulantOnly: number;
  acute: number;
  treatedInOtherBody: number;
  deaths: number;
  leaves: number;
  /** Admissions ending alive, and those followed by an acute admission within 30 days. */
  indexAdmissions: number;
  readmittedWithin30Days: number;
  preventable65Plus: number;
  medicallyReady: number;
  /** Stays an initiative's effect took away (initiative-effect.ts); 0 without one. */
  preventedByInitiatives: number;
  messages: number;
  messagesByActivity: Record<string, number>;
};

const bands = () =>
  Object.fromEntries(Object.keys(AGE_BANDS).map((b) => [b, 0])) as Record<AgeBandName, number>;

export function emptyStats(): Stats {
  return {
    citizens: 0,
    female: 0,
    byBand: bands(),
    listing: { own: 0, neighbour: 0, otherBody: 0, none: 0 },
    homeCare: 0,
    practices: 0,
    admissions: 0,
    admissionsByBand: bands(),
    ambulantOnly: 0,
    acute: 0,
    treatedInOtherBody: 0,
    deaths: 0,
    leaves: 0,
    indexAdmissions: 0,
    readmittedWithin30Days: 0,
    preventable65Plus: 0,
    medicallyReady: 0,
    preventedByInitiatives: 0,
    messages: 0,
    messagesByActivity: {},
  };
}

/** Adds b into a, field by field. */
export function addStats(a: Stats, b: Stats): Stats {
  const sum = (x: Record<string, number>, y: Record<string, number>) => {
    for (const [k, v] of Object.entries(y)) x[k] = (x[k] ?? 0) + v;
  };
  for (const key of Object.keys(a) as (keyof Stats)[]) {
    const value = a[key];
    if (typeof value === "number") (a[key] as number) = value + (b[key] as number);
    else sum(value as Record<string, number>, b[key] as Record<string, number>);
  }
  return a;
}

const DAY = 86_400_000;

/**
 * Counts one citizen's stays: admissions, where, readmissions within 30 days.
 * "Treated in another body" compares the bodies of the stay's own time: the
 * home's and the hospital's clusters in 2026, their councils from 2027.
 */
export function countStays(
  stats: Stats,
  stays: readonly SynthStay[],
  band: AgeBandName,
  home: SynthMunicipality,
) {
  const admissions = stays.filter((s) => s.ambulant !== "only");
  stats.ambulantOnly += stays.length - admissions.length;
  for (const [i, s] of admissions.entries()) {
    stats.admissions++;
    stats.admissionsByBand[band]++;
    if (s.admission === "acute") stats.acute++;
    const homeBody = placeOf(home, s.admittedAt).bodyId;
    if (!hospitalPlaceOf(s.hospital, s.admittedAt).bodyIds.includes(homeBody))
      stats.treatedInOtherBody++;
    if (s.died) stats.deaths++;
    if (s.leave) stats.leaves++;
    if (s.preventableGroup) stats.preventable65Plus++;
    if (s.medicallyReadyAt !== null) stats.medicallyReady++;
    if (s.died) continue;
    stats.indexAdmissions++;
    const next = admissions[i + 1];
    if (next && next.admission === "acute" && next.admittedAt - s.endedAt <= 30 * DAY)
      stats.readmittedWithin30Days++;
  }
}
