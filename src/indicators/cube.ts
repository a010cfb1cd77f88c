import type { IndicatorSpec } from "./definitions.ts";
import { type Buckets, mergeBuckets } from "./durations.ts";
import { chainOf, type Hierarchy, type UnitRef } from "./hierarchy.ts";

/**
 * A period's figures for every unit at once: each cell is added to every unit
 * of its key's chain (municipality, body, region, country), per age band and
 * group variant, keeping the sex strata for standardisation. Suppression and
 * values work on this whole table, so what one request shows cannot be
 * subtracted from what another shows.
 */

export type CellRow = {
  month: string;
  key: string;
  ageBand: string;
  sex: string;
  grp: string;
  numerator: number;
  denominator: number | null;
  amount: number | null;
  durations: Buckets | null;
};

export type PopulationRow = { key: string; ageBand: string; sex: string; persons: number };

export const TOTAL = "";
const OLD_BANDS = new Set(["65-79", "80+"]);

export type Entry = {
  ref: UnitRef;
  ageBand: string;
  group: string;
  numerator: number;
  denominator: number | null;
  amount: number | null;
  durations: Buckets | null;
  /** Per "band|sex": events and persons (index admissions), for direct standardisation. */
  strata: Map<string, { events: number; persons: number }>;
};

export type Cube = {
  entries: Map<string, Entry>;
  /** Each parent unit with its children (keys are unit ids "level:code"). */
  children: Map<string, Set<string>>;
};

export const unitId = (ref: UnitRef) => `${ref.unit}:${ref.code}`;
export const entryId = (unit: string, ageBand: string, group: string) =>
  `${unit}#${ageBand}#${group}`;

/** The age variants a cell of `band` counts in: itself, the total, and 65+ where the indicator shows it. */
function bandVariants(spec: IndicatorSpec, band: string): string[] {
  if (spec.ageBands.length === 0) return [TOTAL];
  const variants = [TOTAL];
  if (spec.ageBands.includes(band)) variants.push(band);
  if (spec.ageBands.includes("65+") && OLD_BANDS.has(band)) variants.push("65+");
  return variants;
}

/**
 * The group variants a cell of `grp` counts in. Stored totals (grp "", as the
 * declines keep them) count only as the total; group cells count as
 * themselves, and as the total where no stored total exists.
 */
function groupVariants(spec: IndicatorSpec, grp: string, storedTotals: boolean): string[] {
  if (spec.groups.length === 0 || grp === TOTAL) return [TOTAL];
  return storedTotals ? [grp] : [grp, TOTAL];
}

function entryOf(cube: Cube, ref: UnitRef, ageBand: string, group: string): Entry {
  const id = entryId(unitId(ref), ageBand, group);
  let e = cube.entries.get(id);
  if (!e) {
    e = {
      ref,
      ageBand,
      group,
      numerator: 0,
      denominator: null,
      amount: null,
      durations: null,
      strata: new Map(),
    };
    cube.entries.set(id, e);
  }
  return e;
}

function addCell(e: Entry, c: CellRow) {
  e.numerator += c.numerator;
  if (c.denominator !== null) e.denominator = (e.denominator ?? 0) + c.denominator;
  if (c.amount !== null) e.amount = (e.amount ?? 0) + c.amount;
  if (c.durations) e.durations = mergeBuckets(e.durations ?? {}, c.durations);
  const stratum = `${c.ageBand}|${c.sex}`;
  const s = e.strata.get(stratum) ?? { events: 0, persons: 0 };
  s.events += c.numerator;
  s.persons += c.denominator ?? 0;
  e.strata.set(stratum, s);
}

function link(cube: Cube, chain: UnitRef[]) {
  for (let i = 0; i + 1 < chain.length; i++) {
    const parent = unitId(chain[i + 1] as UnitRef);
    const set = cube.children.get(parent) ?? new Set();
    set.add(unitId(chain[i] as UnitRef));
    cube.children.set(parent, set);
  }
}

export function buildCube(
  spec: IndicatorSpec,
  hierarchy: Hierarchy,
  cells: CellRow[],
  population: PopulationRow[] | null,
): Cube {
  const cube: Cube = { entries: new Map(), children: new Map() };
  const storedTotals = cells.some((c) => c.grp === TOTAL) && spec.groups.length > 0;
  for (const c of cells) {
    const chain = chainOf(hierarchy, c.key);
    link(cube, chain);
    for (const ref of chain)
      for (const band of bandVariants(spec, c.ageBand))
        for (const group of groupVariants(spec, c.grp, storedTotals))
          addCell(entryOf(cube, ref, band, group), c);
  }
  if (population) addPopulation(spec, cube, hierarchy, population);
  if (storedTotals) shareStoredDenominators(cube);
  return cube;
}

/** Every unit gets its residents as denominator, also units with no events (a zero is a figure). */
function addPopulation(spec: IndicatorSpec, cube: Cube, h: Hierarchy, rows: PopulationRow[]) {
  const onlyOld = spec.measure.kind === "population-rate" && spec.measure.ages === "65+";
  const groups = [TOTAL, ...spec.groups.map((g) => g.key)];
  for (const p of rows) {
    if (onlyOld && !OLD_BANDS.has(p.ageBand)) continue;
    const chain = chainOf(h, p.key);
    link(cube, chain);
    for (const ref of chain)
      for (const band of bandVariants(spec, p.ageBand))
        for (const group of groups) {
          const e = entryOf(cube, ref, band, group);
          e.denominator = (e.denominator ?? 0) + p.persons;
        }
  }
}

/** A group row's denominator is its total's (declines per 1,000 handovers, by reason). */
function shareStoredDenominators(cube: Cube) {
  for (const e of cube.entries.values()) {
    if (e.group === TOTAL) continue;
    const total = cube.entries.get(entryId(unitId(e.ref), e.ageBand, TOTAL));
    e.denominator = total?.denominator ?? null;
  }
}
