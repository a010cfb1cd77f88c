import { base, da, en, Faker } from "@faker-js/faker";
import type { SynthMunicipality } from "./geography.ts";
import { AGE_BANDS, bandOf, PARAMETERS } from "./parameters.ts";
import { createRandom, type Random } from "./random.ts";

/**
 * The synthetic population: citizens with CPR-format numbers (a real date of
 * birth and a sex digit that matches the sex), Danish names and addresses,
 * general practices, and who is listed where. Generated municipality by
 * municipality from (seed, municipality), so any scope gives the same people
 * for the same municipality.
 */

export type SynthPractice = { providerNumber: string; name: string; municipalityCode: string };

export type SynthCitizen = {
  cpr: string;
  birthDate: string;
  sex: "female" | "male";
  given: string;
  family: string;
  address: string;
  municipalityCode: string;
  practice: string | null;
  /** Home care (personal care) granted on this date, or null. */
  homeCareSince: string | null;
};

/** CPR numbers the demo's hand-made citizens use; the generator never hands them out. */
export const RESERVED_CPRS: ReadonlySet<string> = new Set([
  "1203451962",
  "0507382981",
  "2208411958",
]);

/** Serial slots per date of birth and sex that every century has (4 seventh digits × 500). */
const SLOTS = 2000;
const MIN_SLOTS = 4;

export type CprBlock = { start: number; size: number };

/**
 * Splits the serial slots of each date of birth between the municipalities,
 * in proportion to their real population (at least a few each), so that
 * municipalities can be generated apart, in any scope or order, and still
 * never share a CPR number.
 */
export function cprBlocks(municipalities: readonly SynthMunicipality[]): Map<string, CprBlock> {
  const sorted = [...municipalities].sort((a, b) => a.code.localeCompare(b.code));
  const total = sorted.reduce((sum, m) => sum + m.population, 0);
  const spare = SLOTS - MIN_SLOTS * sorted.length;
  const blocks = new Map<string, CprBlock>();
  let start = 0;
  for (const m of sorted) {
    const size = MIN_SLOTS + Math.floor((spare * m.population) / total);
    blocks.set(m.code, { start, size });
    start += size;
  }
  return blocks;
}

/**
 * Hands out one municipality's CPR serials: two counters per date of birth,
 * one per sex (the last digit is even for women, odd for men), within the
 * municipality's block of slots. The seventh digit follows the century rule
 * of the CPR system.
 */
export class CprAllocator {
  private readonly used = new Map<string, number>();

  constructor(private readonly block: CprBlock) {}

  next(birthDate: string, sex: "female" | "male"): string {
    for (;;) {
      const cpr = this.slot(birthDate, sex);
      if (!RESERVED_CPRS.has(cpr)) return cpr;
    }
  }

  private slot(birthDate: string, sex: "female" | "male"): string {
    const [yyyy = "", mm = "", dd = ""] = birthDate.split("-");
    const key = `${birthDate}${sex}`;
    const k = this.used.get(key) ?? 0;
    this.used.set(key, k + 1);
    if (k >= this.block.size)
      throw new Error(
        `more than ${this.block.size} ${sex} citizens born ${birthDate} in one municipality`,
      );
    const slot = this.block.start + k;
    const year = Number(yyyy);
    // 1900–1999: 0–3 are always that century; 2000–2036: 4 and 9 (and 5–8); 2037–2057: 5–8.
    const digits = year < 2000 ? [0, 1, 2, 3] : year <= 2036 ? [4, 9, 5, 6, 7, 8] : [5, 6, 7, 8];
    const seventh = digits[Math.floor(slot / 500)] as number;
    const rest = ((slot % 500) * 2 + (sex === "male" ? 1 : 0)).toString().padStart(3, "0");
    return `${dd}${mm}${yyyy.slice(2)}${seventh}${rest}`;
  }
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

/**
 * A date of birth for someone `age` whole years old on `onDate`. Never 29
 * February: DK-core's CPR invariant only admits that date with a seventh digit
 * of 0–3, which citizens born after 2000 do not have.
 */
function birthDateFor(random: Random, age: number, onDate: number): string {
  const latest = new Date(onDate);
  latest.setUTCFullYear(latest.getUTCFullYear() - age);
  const date = isoDate(latest.getTime() - random.int(0, 364) * DAY);
  return date.endsWith("-02-29") ? date.replace("-02-29", "-02-28") : date;
}

function ageOn(random: Random): number {
  const shares = PARAMETERS.ageGroupShares;
  const group = random.weighted(shares.map((weight, value) => ({ value, weight })));
  return Math.min(AGE_BANDS.oldest.to, group * 5 + random.int(0, 4));
}

export function scaledPopulation(m: SynthMunicipality, scale: number): number {
  return Math.max(1, Math.round(m.population * scale));
}

/** The municipality's general practices: about one per 1,600–2,000 citizens, at least one. */
export function practicesOf(seed: number, m: SynthMunicipality, scale: number): SynthPractice[] {
  const random = createRandom(seed, `practices:${m.code}`);
  const faker = seededFaker(seed, `practices:${m.code}`);
  const { min, max } = PARAMETERS.citizensPerPractice;
  const count = Math.max(1, Math.round(scaledPopulation(m, scale) / random.int(min, max)));
  return Array.from({ length: Math.min(count, 1000) }, (_, i) => ({
    // Municipality code + a running number: six digits, unique, and the same in every scope.
    providerNumber: `${m.code}${String(i).padStart(3, "0")}`,
    name: `Lægerne ${faker.location.street()} (${m.name})`,
    municipalityCode: m.code,
  }));
}

/** A Danish Faker of its own per stream, so interleaved generators never share its state. */
function seededFaker(seed: number, stream: string): Faker {
  const faker = new Faker({ locale: [da, en, base] });
  faker.seed(createRandom(seed, `faker:${stream}`).int(0, 2 ** 31 - 1));
  return faker;
}

export type PopulationContext = {
  seed: number;
  scale: number;
  /** The reference date ages are counted from (the start of the simulated period). */
  onDate: number;
  cprBlocks: ReadonlyMap<string, CprBlock>;
  practicesByMunicipality: ReadonlyMap<string, SynthPractice[]>;
};

/** The citizens of one municipality, one at a time (memory stays bounded). */
export function* citizensOf(m: SynthMunicipality, ctx: PopulationContext): Generator<SynthCitizen> {
  const random = createRandom(ctx.seed, `citizens:${m.code}`);
  const faker = seededFaker(ctx.seed, `citizens:${m.code}`);
  const own = ctx.practicesByMunicipality.get(m.code) ?? [];
  const block = ctx.cprBlocks.get(m.code);
  if (!block) throw new Error(`no CPR block for municipality ${m.code}`);
  const cpr = new CprAllocator(block);
  const n = scaledPopulation(m, ctx.scale);
  for (let i = 0; i < n; i++) {
    const age = ageOn(random);
    const band = bandOf(age);
    const sex = random.chance(PARAMETERS.femaleShare[band]) ? "female" : "male";
    const birthDate = birthDateFor(random, age, ctx.onDate);
    yield {
      cpr: cpr.next(birthDate, sex),
      birthDate,
      sex,
      given: faker.person.firstName(sex),
      family: faker.person.lastName(),
      address: `${faker.location.street()} ${random.int(1, 160)}, ${m.name}`,
      municipalityCode: m.code,
      practice: listedPractice(random, m, own, ctx.practicesByMunicipality),
      homeCareSince: random.chance(PARAMETERS.homeCare[band])
        ? isoDate(ctx.onDate - random.int(30, 5 * 365) * DAY)
        : null,
    };
  }
}

function listedPractice(
  random: Random,
  m: SynthMunicipality,
  own: SynthPractice[],
  all: ReadonlyMap<string, SynthPractice[]>,
): string | null {
  if (random.chance(PARAMETERS.listedInNeighbourMunicipality) && m.neighbours.length > 0) {
    const elsewhere = all.get(random.pick(m.neighbours)) ?? [];
    if (elsewhere.length > 0) return random.pick(elsewhere).providerNumber;
  }
  return own.length > 0 ? random.pick(own).providerNumber : null;
}
