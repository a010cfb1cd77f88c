/**
 * Small-cell suppression for published counts. Counts 1–4 are hidden (primary), and so is
 * whatever would let a reader get them back by subtraction (complementary): every table is a set
 * of linear constraints parent = Σ children (a body's total and its municipalities, a total and
 * its age bands, the country and its regions), and an equation with exactly one hidden member
 * gives that member away.
 *
 * Scope: this closes the one-unknown-per-equation disclosure, the rule the national statistics
 * apply. It does not solve the full linear system, so a reader combining several equations with
 * two unknowns each could in rare table shapes still narrow a hidden cell to an interval.
 */

/** A count with an id. */
export type Cell = { id: string; count: number };
/** A linear constraint: the parent's count equals the sum of its children's. */
export type Constraint = { parent: string; children: string[] };
export type SuppressionResult = { suppressed: Set<string>; primary: Set<string> };
export type SuppressionOptions = { min?: number; max?: number };

type Equation = { parent: string; children: string[]; members: string[] };

function countsById(cells: Cell[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cell of cells) {
    if (counts.has(cell.id)) throw new RangeError(`cell ${cell.id} appears twice`);
    if (!(cell.count >= 0 && Number.isFinite(cell.count))) {
      throw new RangeError(`cell ${cell.id} has no finite count ≥ 0`);
    }
    counts.set(cell.id, cell.count);
  }
  return counts;
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The constraints in one canonical order (children sorted and de-duplicated, equations sorted,
 * repeats dropped), so that the result cannot depend on the order they were given in.
 */
function canonicalEquations(constraints: Constraint[], counts: Map<string, number>): Equation[] {
  const byKey = new Map<string, Equation>();
  for (const { parent, children } of constraints) {
    for (const id of [parent, ...children]) {
      if (!counts.has(id)) throw new RangeError(`constraint names unknown cell ${id}`);
    }
    const sortedChildren = [...new Set(children)].filter((id) => id !== parent).sort(byId);
    const key = [parent, ...sortedChildren].join("\u0000");
    byKey.set(key, { parent, children: sortedChildren, members: [parent, ...sortedChildren] });
  }
  return [...byKey.keys()].sort(byId).map((key) => byKey.get(key)!);
}

/**
 * The member to hide next to a lone hidden one: the smallest non-zero visible child (ties by id),
 * else the parent, else a zero child (by id). Zeros come last because a zero reveals nothing
 * about a person; hiding one protects only by leaving the reader two unknowns.
 */
function complementFor(
  equation: Equation,
  counts: Map<string, number>,
  suppressed: Set<string>,
): string | null {
  let best: string | null = null;
  let bestCount = Number.POSITIVE_INFINITY;
  for (const id of equation.children) {
    const count = counts.get(id)!;
    if (suppressed.has(id) || count === 0) continue;
    if (count < bestCount || (count === bestCount && byId(id, best!) < 0)) {
      best = id;
      bestCount = count;
    }
  }
  if (best !== null) return best;
  if (!suppressed.has(equation.parent) && counts.get(equation.parent)! > 0) return equation.parent;
  const zeroChild = equation.children.find((id) => !suppressed.has(id));
  if (zeroChild !== undefined) return zeroChild;
  return suppressed.has(equation.parent) ? null : equation.parent;
}

function hiddenMembers(equation: Equation, suppressed: Set<string>): number {
  let hidden = 0;
  for (const id of equation.members) if (suppressed.has(id)) hidden++;
  return hidden;
}

/**
 * Small-cell suppression with complementary suppression. Primary: counts from min to max (1..4 by
 * default; a zero is never primary, whatever min says). Complementary: repeated passes over the
 * equations in canonical order until a pass changes nothing; an equation with exactly one hidden
 * member gets one more (see complementFor). Each change hides a further cell, so it ends after at
 * most as many passes as there are cells. Same input in any order gives the same result.
 */
export function suppress(
  cells: Cell[],
  constraints: Constraint[],
  options: SuppressionOptions = {},
): SuppressionResult {
  const min = options.min ?? 1;
  const max = options.max ?? 4;
  const counts = countsById(cells);
  const equations = canonicalEquations(constraints, counts);
  // Ids in sorted order, so that even the sets' iteration order is independent of the input's.
  const primary = new Set<string>();
  for (const id of [...counts.keys()].sort(byId)) {
    const count = counts.get(id)!;
    if (count > 0 && count >= min && count <= max) primary.add(id);
  }
  const suppressed = new Set(primary);
  let changed = true;
  while (changed) {
    changed = false;
    for (const equation of equations) {
      if (hiddenMembers(equation, suppressed) !== 1) continue;
      const complement = complementFor(equation, counts, suppressed);
      if (complement === null) continue;
      suppressed.add(complement);
      changed = true;
    }
  }
  return { suppressed, primary };
}
