/**
 * GP capacity (issue 22 §5): pure rules. Facts are kept per general practice
 * with the date they describe; a municipality's, a body's or a region's
 * capacity is the sum of its practices' newest facts on the date asked.
 */

export const CAPACITY_SOURCES = ["register", "csv-import", "synthetic"] as const;
export type CapacitySource = (typeof CAPACITY_SOURCES)[number];

/** The thin-area threshold until a body sets its own: listed patients per doctor. */
export const DEFAULT_MAX_PATIENTS_PER_DOCTOR = 1900;
/** The range a body's threshold may take (a sanity bound, not a policy). */
export const THRESHOLD_RANGE = { min: 100, max: 10_000 } as const;

/** One practice's capacity on a date, as stored. */
export type PracticeFact = {
  organisationId: string;
  municipalityCode: string;
  asOf: string;
  doctors: number;
  listedPatients: number;
  closedToNew: boolean;
  source: CapacitySource;
};

/**
 * The capacity of an area (a municipality, a body, a region): its practices'
 * facts summed. An area with no fact at all has no figures (null), never
 * zeros: "no practice known" is not "no practice".
 */
export type AreaCapacity = {
  practices: number | null;
  doctors: number | null;
  listedPatients: number | null;
  /** Listed patients per doctor, to one decimal; null with no doctors or no facts. */
  patientsPerDoctor: number | null;
  closedPractices: number | null;
  /** The oldest and newest date among the facts summed; null with none. */
  oldestAsOf: string | null;
  newestAsOf: string | null;
  /** Every source among the facts, in CAPACITY_SOURCES order. */
  sources: CapacitySource[];
  /** Whether any fact summed is synthetic. */
  synthetic: boolean;
};

/** Each practice's newest fact on or before `date`. */
export function newestOn(facts: readonly PracticeFact[], date: string): PracticeFact[] {
  const newest = new Map<string, PracticeFact>();
  for (const f of facts) {
    if (f.asOf > date) continue;
    const seen = newest.get(f.organisationId);
    if (!seen || f.asOf > seen.asOf) newest.set(f.organisationId, f);
  }
  return [...newest.values()];
}

/** The sum of the facts (each practice's one fact; see newestOn); no figures without facts. */
export function aggregate(facts: readonly PracticeFact[]): AreaCapacity {
  if (facts.length === 0)
    return {
      practices: null,
      doctors: null,
      listedPatients: null,
      patientsPerDoctor: null,
      closedPractices: null,
      oldestAsOf: null,
      newestAsOf: null,
      sources: [],
      synthetic: false,
    };
  const doctors = facts.reduce((n, f) => n + f.doctors, 0);
  const listedPatients = facts.reduce((n, f) => n + f.listedPatients, 0);
  const dates = facts.map((f) => f.asOf).sort();
  const sources = CAPACITY_SOURCES.filter((s) => facts.some((f) => f.source === s));
  return {
    practices: facts.length,
    doctors,
    listedPatients,
    patientsPerDoctor: doctors > 0 ? Math.round((listedPatients / doctors) * 10) / 10 : null,
    closedPractices: facts.filter((f) => f.closedToNew).length,
    oldestAsOf: dates[0] ?? null,
    newestAsOf: dates.at(-1) ?? null,
    sources,
    synthetic: sources.includes("synthetic"),
  };
}

/**
 * Whether an area is thin: more listed patients per doctor than the body's
 * threshold. Compared exactly (patients > threshold × doctors), never on the
 * rounded ratio, so 1,900.04 per doctor is thin at 1,900. No doctors or no
 * facts: not judged.
 */
export function isThin(area: Pick<AreaCapacity, "doctors" | "listedPatients">, threshold: number) {
  const { doctors, listedPatients } = area;
  return doctors !== null && listedPatients !== null && doctors > 0
    ? listedPatients > threshold * doctors
    : false;
}

/** Whether the area has any fact to show (else "no data", not zeros). */
export const hasFacts = (area: Pick<AreaCapacity, "practices">) => area.practices !== null;

/** Groups facts by a key (the municipality, its body, its region). */
export function groupBy<K>(
  facts: readonly PracticeFact[],
  keyOf: (f: PracticeFact) => K | null,
): Map<K, PracticeFact[]> {
  const groups = new Map<K, PracticeFact[]>();
  for (const f of facts) {
    const key = keyOf(f);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return groups;
}

/** Why a threshold is refused, or null. */
export function thresholdProblem(value: number): string | null {
  if (!Number.isInteger(value)) return "must be a whole number of listed patients per doctor";
  if (value < THRESHOLD_RANGE.min || value > THRESHOLD_RANGE.max)
    return `must be between ${THRESHOLD_RANGE.min} and ${THRESHOLD_RANGE.max}`;
  return null;
}
