import { type Cube, type Entry, entryId, TOTAL, unitId } from "./cube.ts";
import type { IndicatorSpec } from "./definitions.ts";
import { type Cell, type Constraint, suppress } from "./suppression.ts";

/**
 * Small cells in a period's whole table: counts from 1 to 4 are hidden, and so
 * is whatever would reveal them by subtraction: within the units' hierarchy
 * (municipalities add up to their body, bodies to their region, regions to the
 * country), across age bands and their total, and across groups and their
 * total. Where the denominator is itself a count of people (index admissions,
 * handovers, discharges), a small denominator hides the row too, and the
 * denominators get the same complementary suppression.
 */

export type Hidden = { rows: Set<string>; denominators: Set<string> };

function constraintsOf(spec: IndicatorSpec, cube: Cube): Constraint[] {
  const constraints: Constraint[] = [];
  const variants = new Set<string>();
  for (const e of cube.entries.values()) variants.add(`${e.ageBand}#${e.group}`);
  for (const [parent, children] of cube.children)
    for (const v of variants) {
      const [band = TOTAL, group = TOTAL] = v.split("#");
      const id = entryId(parent, band, group);
      if (!cube.entries.has(id)) continue;
      constraints.push({
        parent: id,
        children: [...children]
          .map((c) => entryId(c, band, group))
          .filter((c) => cube.entries.has(c)),
      });
    }
  const units = new Set([...cube.entries.values()].map((e) => unitId(e.ref)));
  const bands = spec.ageBands.filter((b) => b !== "65+");
  const groups = spec.groups.map((g) => g.key);
  const existing = (ids: string[]) => ids.filter((id) => cube.entries.has(id));
  for (const unit of units) {
    for (const group of [TOTAL, ...groups]) {
      if (bands.length > 0)
        constraints.push({
          parent: entryId(unit, TOTAL, group),
          children: existing(bands.map((b) => entryId(unit, b, group))),
        });
      if (spec.ageBands.includes("65+"))
        constraints.push({
          parent: entryId(unit, "65+", group),
          children: existing(["65-79", "80+"].map((b) => entryId(unit, b, group))),
        });
    }
    if (groups.length > 0)
      for (const band of [TOTAL, ...spec.ageBands])
        constraints.push({
          parent: entryId(unit, band, TOTAL),
          children: existing(groups.map((g) => entryId(unit, band, g))),
        });
  }
  return constraints.filter((c) => cube.entries.has(c.parent) && c.children.length > 0);
}

const isSmall = (n: number | null) => n !== null && n >= 1 && n <= 4;

/** Denominators that count people, as opposed to residents (public) or none. */
function countedDenominator(spec: IndicatorSpec): boolean {
  return spec.measure.kind === "share" || spec.measure.kind === "count-rate";
}

export function hideSmallCells(spec: IndicatorSpec, cube: Cube): Hidden {
  const constraints = constraintsOf(spec, cube);
  const entries = [...cube.entries.entries()];
  let denominators = new Set<string>();
  if (countedDenominator(spec)) {
    // Declines and their reasons share one denominator: the handovers, counted once.
    const own = entries.filter(([, e]) => e.group === TOTAL || spec.id !== "loop-declines");
    const ids = new Set(own.map(([id]) => id));
    denominators = suppress(
      own.map(([id, e]) => ({ id, count: e.denominator ?? 0 })),
      constraints.filter((c) => ids.has(c.parent) && c.children.every((id) => ids.has(id))),
    ).suppressed;
    if (spec.id === "loop-declines") shareTotalsHidden(entries, denominators);
  }
  const cells: Cell[] = entries.map(([id, e]) => ({
    id,
    // A row hidden for its denominator is hidden from the start (as if its own count were small).
    count: denominators.has(id) && !isSmall(e.numerator) ? 1 : e.numerator,
  }));
  return { rows: suppress(cells, constraints).suppressed, denominators };
}

function shareTotalsHidden(entries: [string, Entry][], denominators: Set<string>) {
  for (const [id, e] of entries)
    if (e.group !== TOTAL && denominators.has(entryId(unitId(e.ref), e.ageBand, TOTAL)))
      denominators.add(id);
}
