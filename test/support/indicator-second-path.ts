import { readdir } from "node:fs/promises";
import path from "node:path";
import type { InitiativeEffectTruth } from "../../src/synth/initiative-effect.ts";
import { readNdjsonLines } from "../../src/synth/ndjson-gz.ts";
import type { CitizenTruth, StayTruth, TruthLine } from "../../src/synth/truth.ts";

/**
 * The population indicators computed a second way, from the synthetic
 * generator's truth files (what really happened), to check the product's
 * counts against. Deliberately simple and independent of src/indicators: it
 * reads plain objects, works in memory, and takes Danish dates from Intl
 * rather than from the product's clock helpers.
 *
 * Rules (issue 20's building blocks):
 * - a hospital stay joins a citizen's non-cancelled stays that overlap or lie at
 *   most 4 h apart; an admission is one of at least 12 h; it is acute when its
 *   first stay is; residence is the citizen's municipality;
 * - admissions count in the Danish month they start, by age on that day;
 *   indexes in the month they end, by age on that day (the product's
 *   definition record says so); medically-ready days in the month the
 *   admission ends, for citizens 65+ on the day it started; the population on
 *   a month's first day, by age then;
 * - an admission's diagnosis is its first stay's: the preventable group and
 *   both exclusions look at it;
 * - medically-ready days use the medicallyReadyAt of the stay that ends the
 *   admission (else the latest of its stays'), counted per started day;
 * - a hospital stay still open (endedAt null) has lasted until `asOf`; without
 *   `asOf` it is left out. It never ends, so it is no index.
 */

export type AgeBand = "0-17" | "18-64" | "65-79" | "80+";
export const AGE_BANDS: readonly AgeBand[] = ["0-17", "18-64", "65-79", "80+"];

export type SecondPathRules = {
  /** The preventable group of a diagnosis, or null (the product's list, passed in). */
  preventableGroup: (diagnosis: string) => string | null;
  indexExcluded: (diagnosis: string) => boolean;
  readmissionExcluded: (diagnosis: string) => boolean;
};

export type SecondPathOptions = {
  /** First and last month, "YYYY-MM", Danish calendar. */
  from: string;
  to: string;
  /** Instant (ms) up to which open stays have lasted. */
  asOf?: number;
};

type Share = { indexes: number; readmitted: number };

export type SecondPathRow = {
  municipality: string;
  /** "YYYY-MM" */
  month: string;
  /** Residents alive on the month's first day. */
  population: { total: number; byBand: Record<AgeBand, number>; aged65Plus: number };
  admissions: { total: number; byBand: Record<AgeBand, number> };
  readmission: Share & { byBand: Record<AgeBand, Share>; aged65Plus: Share };
  preventable65: { total: number; byGroup: Record<string, number> };
  /** Days after medically ready (numerator) and the admissions that had any. */
  medicallyReady: { days: number; admissions: number };
};

export type Truth = {
  citizens: Map<string, CitizenTruth>;
  staysOf: Map<string, StayTruth[]>;
  /** The initiatives whose effect the data carries, once each (src/synth/initiative-effect.ts). */
  effects: InitiativeEffectTruth[];
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Reads every truth/<code>.ndjson(.gz) of a generated directory. */
export async function readTruth(dir: string): Promise<Truth> {
  const citizens = new Map<string, CitizenTruth>();
  const staysOf = new Map<string, StayTruth[]>();
  const effects = new Map<string, InitiativeEffectTruth>();
  const folder = path.join(dir, "truth");
  for (const name of (await readdir(folder)).sort()) {
    for await (const text of readNdjsonLines(path.join(folder, name))) {
      const line = JSON.parse(text) as TruthLine;
      if (line.kind === "citizen") citizens.set(line.cpr, line);
      else if (line.kind === "stay") {
        const list = staysOf.get(line.cpr) ?? [];
        list.push(line);
        staysOf.set(line.cpr, list);
      } else if (line.kind === "initiative-effect") effects.set(line.id, line);
      else throw new Error(`${name}: a line of unknown kind`);
    }
  }
  return { citizens, staysOf, effects: [...effects.values()] };
}

const danishParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

function partsOf(ms: number): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const p of danishParts.formatToParts(ms)) parts[p.type] = p.value;
  return parts;
}

/** The Danish calendar date of an instant, "YYYY-MM-DD". */
export function danishDate(ms: number): string {
  const p = partsOf(ms);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Whole years from a birth date to a date, both "YYYY-MM-DD". */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function bandOf(age: number): AgeBand {
  if (age < 18) return "0-17";
  if (age < 65) return "18-64";
  if (age < 80) return "65-79";
  return "80+";
}

export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    if (month > to) return months;
    months.push(month);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
}

type HospitalStay = { start: number; end: number | null; stays: StayTruth[] };

/** Joins a citizen's stays that overlap or lie at most 4 hours apart. */
export function hospitalStaysOf(stays: readonly StayTruth[]): HospitalStay[] {
  const sorted = stays
    .filter((s) => !s.cancelled)
    .map((s) => ({
      s,
      start: Date.parse(s.admittedAt),
      end: s.endedAt ? Date.parse(s.endedAt) : null,
    }))
    .sort((a, b) => a.start - b.start);
  const joined: HospitalStay[] = [];
  for (const x of sorted) {
    const current = joined.at(-1);
    if (current && (current.end === null || x.start - current.end <= 4 * HOUR)) {
      current.stays.push(x.s);
      current.end = current.end === null || x.end === null ? null : Math.max(current.end, x.end);
    } else joined.push({ start: x.start, end: x.end, stays: [x.s] });
  }
  return joined;
}

type Admission = {
  start: number;
  end: number | null;
  month: string;
  endMonth: string | null;
  age: number;
  ageAtEnd: number | null;
  acute: boolean;
  diedDuring: boolean;
  stays: StayTruth[];
};

function admissionsOf(citizen: CitizenTruth, stays: readonly StayTruth[], asOf: number) {
  const died = citizen.diedAt === null ? null : Date.parse(citizen.diedAt);
  return hospitalStaysOf(stays)
    .filter((h) => (h.end ?? asOf) - h.start >= 12 * HOUR)
    .map((h): Admission => {
      const startDate = danishDate(h.start);
      const endDate = h.end === null ? null : danishDate(h.end);
      const first = h.stays[0] as StayTruth;
      return {
        start: h.start,
        end: h.end,
        month: startDate.slice(0, 7),
        endMonth: endDate === null ? null : endDate.slice(0, 7),
        age: ageOn(citizen.birthDate, startDate),
        ageAtEnd: endDate === null ? null : ageOn(citizen.birthDate, endDate),
        acute: first.admission === "acute",
        diedDuring:
          h.stays.some((s) => s.diedAt !== null) ||
          (died !== null && died >= h.start && (h.end === null || died <= h.end)),
        stays: h.stays,
      };
    });
}

/** When the admission's citizen was medically ready: see the rules above. */
function readyOf(a: Admission): string | null {
  let last = a.stays[0] as StayTruth;
  // The stay that ends it: the latest to end, the later to start on a tie.
  for (const s of a.stays)
    if (Date.parse(s.endedAt ?? "") >= Date.parse(last.endedAt ?? "")) last = s;
  if (last.medicallyReadyAt !== null) return last.medicallyReadyAt;
  const times = a.stays.flatMap((s) =>
    s.medicallyReadyAt ? [Date.parse(s.medicallyReadyAt)] : [],
  );
  return times.length === 0 ? null : new Date(Math.max(...times)).toISOString();
}

const excluded = (a: Admission, rule: (diagnosis: string) => boolean) =>
  rule((a.stays[0] as StayTruth).diagnosis);

function emptyRow(municipality: string, month: string): SecondPathRow {
  const bands = () => ({ "0-17": 0, "18-64": 0, "65-79": 0, "80+": 0 });
  const shares = () => ({
    "0-17": { indexes: 0, readmitted: 0 },
    "18-64": { indexes: 0, readmitted: 0 },
    "65-79": { indexes: 0, readmitted: 0 },
    "80+": { indexes: 0, readmitted: 0 },
  });
  return {
    municipality,
    month,
    population: { total: 0, byBand: bands(), aged65Plus: 0 },
    admissions: { total: 0, byBand: bands() },
    readmission: {
      indexes: 0,
      readmitted: 0,
      byBand: shares(),
      aged65Plus: { indexes: 0, readmitted: 0 },
    },
    preventable65: { total: 0, byGroup: {} },
    medicallyReady: { days: 0, admissions: 0 },
  };
}

type RowOf = (municipality: string, month: string | null) => SecondPathRow | undefined;

function countAdmission(row: SecondPathRow | undefined, a: Admission, rules: SecondPathRules) {
  if (!row) return;
  row.admissions.total++;
  row.admissions.byBand[bandOf(a.age)]++;
  const group = rules.preventableGroup((a.stays[0] as StayTruth).diagnosis);
  if (a.acute && a.age >= 65 && group !== null) {
    row.preventable65.total++;
    row.preventable65.byGroup[group] = (row.preventable65.byGroup[group] ?? 0) + 1;
  }
}

function countIndex(
  row: SecondPathRow | undefined,
  a: Admission,
  all: readonly Admission[],
  rules: SecondPathRules,
) {
  if (!row || a.end === null || a.diedDuring || excluded(a, rules.indexExcluded)) return;
  const end = a.end;
  const age = a.ageAtEnd ?? a.age;
  const readmitted = all.some(
    (b) =>
      b.acute &&
      !excluded(b, rules.readmissionExcluded) &&
      b.start - end > 0 &&
      b.start - end <= 30 * DAY,
  );
  const shares = [row.readmission, row.readmission.byBand[bandOf(age)]];
  if (age >= 65) shares.push(row.readmission.aged65Plus);
  for (const share of shares) {
    share.indexes++;
    if (readmitted) share.readmitted++;
  }
}

function countMedicallyReady(row: SecondPathRow | undefined, a: Admission) {
  if (!row || a.end === null || a.diedDuring || a.age < 65) return;
  const ready = readyOf(a);
  if (ready === null) return;
  const days = Math.ceil((a.end - Date.parse(ready)) / DAY);
  if (days <= 0) return;
  row.medicallyReady.days += days;
  row.medicallyReady.admissions++;
}

function countPopulation(rowOf: RowOf, citizen: CitizenTruth, months: readonly string[]) {
  const died = citizen.diedAt === null ? null : danishDate(Date.parse(citizen.diedAt));
  for (const month of months) {
    const firstDay = `${month}-01`;
    // Alive on the first day: born by then, and not died on an earlier date.
    if (citizen.birthDate > firstDay || (died !== null && died < firstDay)) continue;
    const row = rowOf(citizen.municipalityCode, month);
    if (!row) continue;
    const age = ageOn(citizen.birthDate, firstDay);
    row.population.total++;
    row.population.byBand[bandOf(age)]++;
    if (age >= 65) row.population.aged65Plus++;
  }
}

/**
 * The second path's counts per residence municipality and month in
 * [from, to], a row for every municipality with citizens and every month
 * (zeros included), ordered by municipality, then month.
 */
export function secondPath(
  truth: Truth,
  rules: SecondPathRules,
  options: SecondPathOptions,
): SecondPathRow[] {
  const months = monthsBetween(options.from, options.to);
  const rows = new Map<string, SecondPathRow>();
  const municipalities = [...new Set([...truth.citizens.values()].map((c) => c.municipalityCode))];
  for (const m of municipalities.sort())
    for (const month of months) rows.set(`${m}:${month}`, emptyRow(m, month));
  const rowOf: RowOf = (m, month) => (month === null ? undefined : rows.get(`${m}:${month}`));
  for (const citizen of truth.citizens.values()) {
    countPopulation(rowOf, citizen, months);
    const stays = truth.staysOf.get(citizen.cpr) ?? [];
    const admissions = admissionsOf(citizen, stays, options.asOf ?? Number.NEGATIVE_INFINITY);
    const home = citizen.municipalityCode;
    for (const a of admissions) {
      countAdmission(rowOf(home, a.month), a, rules);
      countIndex(rowOf(home, a.endMonth), a, admissions, rules);
      countMedicallyReady(rowOf(home, a.endMonth), a);
    }
  }
  return [...rows.values()];
}

/** Reads a generated directory's truth and computes the second path. */
export async function secondPathOfDir(
  dir: string,
  rules: SecondPathRules,
  options: SecondPathOptions,
): Promise<SecondPathRow[]> {
  return secondPath(await readTruth(dir), rules, options);
}
