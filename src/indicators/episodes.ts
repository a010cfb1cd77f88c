/**
 * The national building blocks, for one citizen's stays at a time: stays join
 * into hospital episodes (sygehusophold), and episodes of at least 12 hours
 * are admissions (indlæggelser). The national statistics join transfers this
 * way, so a move between departments or hospitals is one admission, not two.
 */

export type StayInput = {
  stayId: string;
  hospitalId: string;
  admittedAt: Date;
  /** When the stay ended (discharge, death, or transfer to the next stay); null while it is still open. */
  endedAt: Date | null;
  cancelled: boolean;
  /** The citizen died during this stay. */
  diedAt: Date | null;
  /** From the stay's clinical facts; null when unknown. */
  admissionKind: "acute" | "planned" | null;
  /** The stay began as an acute ambulant arrival (MedCom STAA); the fallback when admissionKind is null. */
  beganAcuteAmbulant: boolean;
  /** ICD-10 primary diagnosis, e.g. "J18.9". */
  diagnosis: string | null;
  medicallyReadyAt: Date | null;
};

/** A sygehusophold: stays (any encounter class) that overlap or lie at most 4 hours apart; cancelled stays ignored. */
export type HospitalEpisode = {
  stays: StayInput[];
  startedAt: Date;
  /** null: still open. */
  endedAt: Date | null;
};

/** An indlæggelse: an episode of at least 12 hours (an open one counts once `now` is 12 h after its start). */
export type Admission = {
  firstStayId: string;
  lastStayId: string;
  firstHospitalId: string;
  lastHospitalId: string;
  startedAt: Date;
  endedAt: Date | null;
  /** The FIRST stay is acute (admissionKind 'acute', or, when null, beganAcuteAmbulant). */
  acute: boolean;
  /** The first stay's diagnosis: the reason for admission. */
  diagnosis: string | null;
  /** Any stay of it has diedAt. */
  diedDuring: boolean;
  /** The last stay's medicallyReadyAt, else the latest non-null of its stays. */
  medicallyReadyAt: Date | null;
  /** Per started day after medically ready; 0 when not ready, not ended, or died. */
  daysAfterMedicallyReady: number;
};

export type DayRates = {
  regionalPerDay: number;
  statePerDayFirstTwo: number;
  statePerDayFromThird: number;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const JOIN_GAP_MS = 4 * HOUR;
const MIN_ADMISSION_MS = 12 * HOUR;

/**
 * When a stay ended, or null while open. A death ends a stay even where no
 * discharge was recorded; a stay recorded as ending before it began is taken
 * to end when it began, so it can never pull an episode's end before its start.
 */
function stayEnd(stay: StayInput): number | null {
  const end = stay.endedAt ?? stay.diedAt;
  return end === null ? null : Math.max(end.getTime(), stay.admittedAt.getTime());
}

/** By admission, then by id, so the first stay does not depend on the input's order. */
function byAdmission(a: StayInput, b: StayInput): number {
  const diff = a.admittedAt.getTime() - b.admittedAt.getTime();
  if (diff !== 0) return diff;
  return a.stayId < b.stayId ? -1 : a.stayId > b.stayId ? 1 : 0;
}

/** Sorted by start. */
export function hospitalEpisodes(stays: StayInput[]): HospitalEpisode[] {
  const groups: { stays: StayInput[]; start: number; end: number | null }[] = [];
  let current: (typeof groups)[number] | undefined;
  for (const stay of stays.filter((s) => !s.cancelled).sort(byAdmission)) {
    const start = stay.admittedAt.getTime();
    const end = stayEnd(stay);
    // Stays come in admission order, so a stay that starts more than 4 hours
    // after everything so far has ended cannot be joined by any later stay.
    if (current && (current.end === null || start - current.end <= JOIN_GAP_MS)) {
      current.stays.push(stay);
      current.end = current.end === null || end === null ? null : Math.max(current.end, end);
    } else {
      current = { stays: [stay], start, end };
      groups.push(current);
    }
  }
  return groups.map((g) => ({
    stays: g.stays,
    startedAt: new Date(g.start),
    endedAt: g.end === null ? null : new Date(g.end),
  }));
}

function isAcute(stay: StayInput): boolean {
  return stay.admissionKind === null ? stay.beganAcuteAmbulant : stay.admissionKind === "acute";
}

/** The stay the citizen leaves from: the latest end (an open stay ends last), ties to the later admission. */
function lastStayOf(stays: StayInput[]): StayInput {
  let last = stays[0]!;
  for (const stay of stays) {
    const end = stayEnd(stay);
    const lastEnd = stayEnd(last);
    if (end === null || (lastEnd !== null && end >= lastEnd)) last = stay;
  }
  return last;
}

function latestReady(stays: StayInput[]): Date | null {
  let latest: Date | null = null;
  for (const { medicallyReadyAt: ready } of stays)
    if (ready && (!latest || ready.getTime() > latest.getTime())) latest = ready;
  return latest;
}

function toAdmission(episode: HospitalEpisode): Admission {
  const first = episode.stays[0]!;
  const last = lastStayOf(episode.stays);
  const diedDuring = episode.stays.some((s) => s.diedAt !== null);
  const medicallyReadyAt = last.medicallyReadyAt ?? latestReady(episode.stays);
  // A citizen who dies was not waiting to be discharged, so no days are owed.
  const owed = medicallyReadyAt !== null && episode.endedAt !== null && !diedDuring;
  return {
    firstStayId: first.stayId,
    lastStayId: last.stayId,
    firstHospitalId: first.hospitalId,
    lastHospitalId: last.hospitalId,
    startedAt: episode.startedAt,
    endedAt: episode.endedAt,
    acute: isAcute(first),
    diagnosis: first.diagnosis,
    diedDuring,
    medicallyReadyAt,
    daysAfterMedicallyReady: owed ? daysAfterMedicallyReady(medicallyReadyAt, episode.endedAt!) : 0,
  };
}

/** The admissions among one citizen's stays, sorted by start. */
export function admissionsOf(stays: StayInput[], now: Date): Admission[] {
  return hospitalEpisodes(stays)
    .filter((e) => (e.endedAt ?? now).getTime() - e.startedAt.getTime() >= MIN_ADMISSION_MS)
    .map(toAdmission);
}

/** Days after "medically ready": per started day (ceil of (end - ready) / 24 h), 0 if end <= ready. */
export function daysAfterMedicallyReady(readyAt: Date, endedAt: Date): number {
  const ms = endedAt.getTime() - readyAt.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / DAY);
}

/**
 * The municipality's payment for n days after medically ready: the regional
 * rate every day, plus the state rate (first 2 days at the low rate, from day
 * 3 the high one), as in sundhedsloven § 238.
 */
export function medicallyReadyCharge(days: number, rates: DayRates): number {
  if (!Number.isInteger(days) || days < 0) throw new RangeError("days must be a whole number >= 0");
  const low = Math.min(days, 2);
  const high = days - low;
  return (
    days * rates.regionalPerDay +
    low * rates.statePerDayFirstTwo +
    high * rates.statePerDayFromThird
  );
}
