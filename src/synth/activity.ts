import {
  type Geography,
  hospitalPlaceOf,
  placeOf,
  type SynthHospital,
  type SynthMunicipality,
} from "./geography.ts";
import {
  type AgeBandName,
  bandOf,
  OTHER_DIAGNOSES,
  PARAMETERS,
  PREVENTABLE_DIAGNOSES,
} from "./parameters.ts";
import type { SynthCitizen } from "./population.ts";
import type { Random } from "./random.ts";
import { DEPARTMENTS } from "./synthetic-codes.ts";

/**
 * A citizen's hospital activity over the simulated period: admissions by age,
 * where they are treated, how long, leaves, deaths, readmissions and the
 * facts MedCom messages do not carry (diagnosis, medically ready). Pure: the
 * same citizen and random stream give the same stays.
 */

export type SynthStay = {
  /** Running number of the stay within the citizen's activity. */
  n: number;
  hospital: SynthHospital;
  department: number;
  admission: "acute" | "planned";
  /** Arrived acute ambulant (STAA) before the inpatient admission, or only that. */
  ambulant: "none" | "then-admitted" | "only";
  arrivedAt: number;
  admittedAt: number;
  endedAt: number;
  died: boolean;
  leave: { start: number; end: number } | null;
  diagnosis: string;
  preventableGroup: string | null;
  medicallyReadyAt: number | null;
  readmission: boolean;
  revisedDischarge: boolean;
};

export type ActivityContext = {
  geography: Geography;
  byCode: ReadonlyMap<string, SynthMunicipality>;
  start: number;
  end: number;
  onDate: number;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Knuth's Poisson sampler: fine for the small means of admissions per citizen. */
function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random.next();
  while (p > limit) {
    k++;
    p *= random.next();
  }
  return k;
}

/** Age in whole years at `at` (a year of 365.25 days: the generator's, not the civil rule). */
export function ageAt(citizen: Pick<SynthCitizen, "birthDate">, at: number): number {
  const birth = Date.parse(`${citizen.birthDate}T00:00:00Z`);
  return Math.floor((at - birth) / (365.25 * DAY));
}

type Choices = { own: SynthHospital[]; inRegion: SynthHospital[]; across: SynthHospital[] };

/** The hospitals a home's citizens choose among, by the structure in force at `at`. */
function choicesAt(home: SynthMunicipality, ctx: ActivityContext, at: number): Choices {
  const hospitals = ctx.geography.hospitals;
  const place = placeOf(home, at);
  const placed = hospitals.map((h) => ({ h, at: hospitalPlaceOf(h, at) }));
  const own = placed.filter((p) => p.at.bodyIds.includes(place.bodyId)).map((p) => p.h);
  const inRegion = placed
    .filter((p) => p.at.regionCode === place.regionCode && !own.includes(p.h))
    .map((p) => p.h);
  const neighbourRegions = new Set(
    home.neighbours
      .map((n) => {
        const m = ctx.byCode.get(n);
        return m ? placeOf(m, at).regionCode : undefined;
      })
      .filter((r) => r !== place.regionCode),
  );
  const across = placed.filter((p) => neighbourRegions.has(p.at.regionCode)).map((p) => p.h);
  return { own, inRegion, across };
}

/** Choices change only when the structure does: one set per home and structure in force. */
const choiceCache = new WeakMap<Geography, Map<string, Choices>>();

/**
 * Own body's acute hospital mostly; else another in the region, or a
 * neighbouring region's. Body and region are those of the stay's own time `at`:
 * the cluster's hospital in 2026, one of the council's from 2027.
 */
export function chooseHospital(
  random: Random,
  home: SynthMunicipality,
  ctx: ActivityContext,
  at: number,
) {
  const cache = choiceCache.get(ctx.geography) ?? new Map<string, Choices>();
  choiceCache.set(ctx.geography, cache);
  const key = `${home.code}@${placeOf(home, at).from}`;
  let choices = cache.get(key);
  if (!choices) {
    choices = choicesAt(home, ctx, at);
    cache.set(key, choices);
  }
  const { own, inRegion, across } = choices;
  if (own.length > 0 && random.chance(PARAMETERS.ownBodyHospital)) return random.pick(own);
  if (inRegion.length > 0 && random.chance(PARAMETERS.elsewhereInRegion))
    return random.pick(inRegion);
  return random.pick(across.length > 0 ? across : inRegion.length > 0 ? inRegion : own);
}

function chooseDiagnosis(random: Random, band: AgeBandName, female: boolean) {
  const elderly = band === "old" || band === "oldest";
  if (elderly && random.chance(PARAMETERS.preventableShareOf65Plus)) {
    const d = random.weighted(PREVENTABLE_DIAGNOSES.map((x) => ({ value: x, weight: x.weight })));
    return { diagnosis: d.code, preventableGroup: d.group };
  }
  // Births only for women of child-bearing age; otherwise the common mix.
  const pool = OTHER_DIAGNOSES.filter((x) => x.code !== "O80.9" || (female && band === "adults"));
  const d = random.weighted(pool.map((x) => ({ value: x.code, weight: x.weight })));
  return { diagnosis: d, preventableGroup: null };
}

function departmentFor(diagnosis: string): number {
  const key = /^[SM]/.test(diagnosis)
    ? "ortopaedi"
    : /^[KC]/.test(diagnosis)
      ? "kirurgi"
      : /^O/.test(diagnosis)
        ? "obstetrik"
        : "medicin";
  return DEPARTMENTS.findIndex((d) => d.key === key);
}

/** A time on the day of `at`: planned admissions in the morning, acute ones any time. */
function arrivalTime(random: Random, at: number, acute: boolean) {
  const day = Math.floor(at / DAY) * DAY;
  if (!acute) return day + (6 + random.int(0, 3)) * HOUR + random.int(0, 59) * 60_000;
  return day + random.int(0, 23) * HOUR + random.int(0, 59) * 60_000;
}

type Course = Pick<
  SynthStay,
  "ambulant" | "arrivedAt" | "admittedAt" | "endedAt" | "died" | "leave"
>;

/** Arrival, length, leave and death: the course of one stay. */
function courseOf(random: Random, band: AgeBandName, arrivedAt: number, acute: boolean): Course {
  let ambulant: SynthStay["ambulant"] = "none";
  if (acute && random.chance(PARAMETERS.acuteAmbulantFirst))
    ambulant = random.chance(PARAMETERS.acuteAmbulantOnly) ? "only" : "then-admitted";
  if (ambulant === "only") {
    const endedAt = arrivedAt + random.int(2, 10) * HOUR;
    return { ambulant, arrivedAt, admittedAt: arrivedAt, endedAt, died: false, leave: null };
  }
  const admittedAt = ambulant === "then-admitted" ? arrivedAt + random.int(2, 8) * HOUR : arrivedAt;
  const los = PARAMETERS.lengthOfStayDays[band];
  // An admission lasts at least 12 hours (the national definition of an admission).
  const days = Math.max(0.5, random.logNormal(los.median, los.sigma));
  const endedAt = admittedAt + Math.round(days * 24) * HOUR;
  const died = random.chance(PARAMETERS.deathInHospital[band]);
  let leave: SynthStay["leave"] = null;
  if (days >= PARAMETERS.leaveMinimumDays && random.chance(PARAMETERS.leaveShare)) {
    const start = admittedAt + random.int(1, Math.floor(days) - 3) * DAY + 14 * HOUR;
    leave = { start, end: start + random.int(12, 48) * HOUR };
  }
  return { ambulant, arrivedAt, admittedAt, endedAt, died, leave };
}

/** Some elderly citizens wait in hospital after they are medically ready for discharge. */
function medicallyReadyAt(random: Random, band: AgeBandName, c: Course): number | null {
  const elderly = band === "old" || band === "oldest";
  if (c.ambulant === "only" || c.died || !elderly) return null;
  if (!random.chance(PARAMETERS.medicallyReady.shareOf65Plus)) return null;
  const waitHours = Math.round(random.exponential(PARAMETERS.medicallyReady.meanWaitDays) * 24);
  return Math.max(c.admittedAt + 12 * HOUR, c.endedAt - waitHours * HOUR);
}

function oneStay(
  random: Random,
  citizen: SynthCitizen,
  home: SynthMunicipality,
  ctx: ActivityContext,
  at: number,
  readmission: boolean,
): Omit<SynthStay, "n"> {
  const band = bandOf(ageAt(citizen, at));
  const acute = readmission || random.chance(PARAMETERS.acuteShare[band]);
  const { diagnosis, preventableGroup } = chooseDiagnosis(random, band, citizen.sex === "female");
  const course = courseOf(random, band, arrivalTime(random, at, acute), acute);
  return {
    ...course,
    hospital: chooseHospital(random, home, ctx, course.arrivedAt),
    department: departmentFor(diagnosis),
    admission: acute ? "acute" : "planned",
    diagnosis,
    preventableGroup,
    medicallyReadyAt: medicallyReadyAt(random, band, course),
    readmission,
    revisedDischarge: !course.died && random.chance(PARAMETERS.correctionShare),
  };
}

/** One new acute or planned stay arriving on the day of `at`: the living demo's new patients. */
export function stayAt(
  random: Random,
  citizen: SynthCitizen,
  home: SynthMunicipality,
  ctx: ActivityContext,
  at: number,
  n: number,
): SynthStay {
  return { n, ...oneStay(random, citizen, home, ctx, at, false) };
}

/** The citizen's stays in [start, end), in time order, never overlapping, none after a death. */
export function activityOf(
  random: Random,
  citizen: SynthCitizen,
  home: SynthMunicipality,
  ctx: ActivityContext,
): SynthStay[] {
  return activityWithCauses(random, citizen, home, ctx).stays;
}

/**
 * The citizen's stays and, for each readmission, the stay that led to it
 * (`causes`: readmission's n to its cause's n), so an initiative that prevents
 * a readmission can take away what followed from it too (initiative-effect.ts).
 * The same draws as `activityOf`: the causes are bookkeeping only.
 */
export function activityWithCauses(
  random: Random,
  citizen: SynthCitizen,
  home: SynthMunicipality,
  ctx: ActivityContext,
): { stays: SynthStay[]; causes: Map<number, number> } {
  const years = (ctx.end - ctx.start) / (365.25 * DAY);
  const band = bandOf(ageAt(citizen, ctx.onDate));
  const count = poisson(random, PARAMETERS.admissionsPerYear[band] * years);
  const starts = Array.from(
    { length: count },
    () => ctx.start + random.next() * (ctx.end - ctx.start),
  );
  starts.sort((a, b) => a - b);
  const stays: SynthStay[] = [];
  const causes = new Map<number, number>();
  let free = ctx.start;
  type Next = { at: number; readmission: boolean; cause: number | null };
  const queue: Next[] = starts.map((at) => ({ at, readmission: false, cause: null }));
  while (queue.length > 0) {
    const next = queue.shift() as Next;
    const at = Math.max(next.at, free + (next.readmission ? 0 : 2 * DAY));
    if (at >= ctx.end) break;
    const stay = { n: stays.length, ...oneStay(random, citizen, home, ctx, at, next.readmission) };
    stays.push(stay);
    if (next.cause !== null) causes.set(stay.n, next.cause);
    if (stay.died) break;
    free = stay.endedAt + 6 * HOUR;
    const readmitted =
      stay.ambulant !== "only" &&
      random.chance(PARAMETERS.readmission30Days[bandOf(ageAt(citizen, at))]);
    if (readmitted) {
      queue.unshift({
        at: stay.endedAt + random.int(1, 29) * DAY,
        readmission: true,
        cause: stay.n,
      });
      queue.sort((a, b) => a.at - b.at);
    }
  }
  return { stays, causes };
}
