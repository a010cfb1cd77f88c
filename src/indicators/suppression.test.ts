import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Cell, type Constraint, suppress } from "./suppression.ts";

function cellsOf(counts: Record<string, number>): Cell[] {
  return Object.entries(counts).map(([id, count]) => ({ id, count }));
}

function sorted(ids: Set<string>): string[] {
  return [...ids].sort();
}

describe("suppress: primary and complementary", () => {
  it("hides a single 3 under a body total, and the smallest other municipality with it", () => {
    // 3 + 40 + 57 = 100: with only 100 and 3's neighbours shown, 100 − 40 − 57 gives the 3 away.
    const cells = cellsOf({ body: 100, lolland: 3, guldborgsund: 40, vordingborg: 57 });
    const constraints = [{ parent: "body", children: ["lolland", "guldborgsund", "vordingborg"] }];
    const result = suppress(cells, constraints);
    expect(sorted(result.primary)).toEqual(["lolland"]);
    expect(sorted(result.suppressed)).toEqual(["guldborgsund", "lolland"]);
  });

  it("hides a 3 in an age band, and the smallest other age band (12) with it", () => {
    const cells = cellsOf({ total: 50, "0-17": 3, "18-64": 20, "65-79": 12, "80+": 15 });
    const constraints = [{ parent: "total", children: ["0-17", "18-64", "65-79", "80+"] }];
    expect(sorted(suppress(cells, constraints).suppressed)).toEqual(["0-17", "65-79"]);
  });

  it("breaks a tie between equal counts by id", () => {
    const single = cellsOf({ total: 20, a: 2, c: 9, b: 9 });
    expect(
      sorted(suppress(single, [{ parent: "total", children: ["c", "b", "a"] }]).suppressed),
    ).toEqual(["a", "b"]); // b and c are both 9; b sorts first
  });

  it("adds nothing to an equation that already has two hidden members", () => {
    const cells = cellsOf({ body: 100, m1: 3, m2: 2, m3: 95 });
    const result = suppress(cells, [{ parent: "body", children: ["m1", "m2", "m3"] }]);
    expect(sorted(result.suppressed)).toEqual(["m1", "m2"]);
    expect(sorted(result.primary)).toEqual(["m1", "m2"]);
  });

  it("follows the chain through a municipality × age table up to the region", () => {
    // Municipality m1 (young 20, old 3), m2 (young 0, old 15) in body B; body B2 (40, 25);
    // region R = B + B2. Equations in canonical (id) order; the trace:
    // pass 1: B.o = m1.o + m2.o has only m1.o -> hide m2.o (15);
    //         m1 = m1.y + m1.o -> hide m1.y (20);
    //         m2 = m2.y + m2.o: its only other child is a zero -> hide the parent m2.
    // pass 2: B = m1 + m2 -> hide m1;  B.y = m1.y + m2.y: only a zero left -> hide B.y;
    //         R.y = B.y + B2.y -> hide B2.y.
    // pass 3: B = B.y + B.o -> hide B.o;  B2 = B2.y + B2.o -> hide B2.o.  pass 4: stable.
    const cells = cellsOf({
      "m1.y": 20,
      "m1.o": 3,
      m1: 23,
      "m2.y": 0,
      "m2.o": 15,
      m2: 15,
      "B.y": 20,
      "B.o": 18,
      B: 38,
      "B2.y": 40,
      "B2.o": 25,
      B2: 65,
      "R.y": 60,
      "R.o": 43,
      R: 103,
    });
    const constraints: Constraint[] = [
      { parent: "m1", children: ["m1.y", "m1.o"] },
      { parent: "m2", children: ["m2.y", "m2.o"] },
      { parent: "B.y", children: ["m1.y", "m2.y"] },
      { parent: "B.o", children: ["m1.o", "m2.o"] },
      { parent: "B", children: ["m1", "m2"] },
      { parent: "B", children: ["B.y", "B.o"] },
      { parent: "B2", children: ["B2.y", "B2.o"] },
      { parent: "R.y", children: ["B.y", "B2.y"] },
      { parent: "R.o", children: ["B.o", "B2.o"] },
      { parent: "R", children: ["B", "B2"] },
      { parent: "R", children: ["R.y", "R.o"] },
    ];
    const result = suppress(cells, constraints);
    expect(sorted(result.primary)).toEqual(["m1.o"]);
    expect(sorted(result.suppressed)).toEqual(
      ["B.o", "B.y", "B2.o", "B2.y", "m1", "m1.o", "m1.y", "m2", "m2.o"].sort(),
    );
  });
});

describe("suppress: zeros and options", () => {
  it("never hides a zero as primary: it reveals nothing about a person", () => {
    const cells = cellsOf({ body: 30, m1: 0, m2: 12, m3: 18 });
    const result = suppress(cells, [{ parent: "body", children: ["m1", "m2", "m3"] }]);
    expect(result.suppressed.size).toBe(0);
  });

  it("passes over a zero sibling for a non-zero one, even a larger one", () => {
    const cells = cellsOf({ body: 3 + 0 + 50, m1: 3, m2: 0, m3: 50 });
    const result = suppress(cells, [{ parent: "body", children: ["m1", "m2", "m3"] }]);
    expect(sorted(result.suppressed)).toEqual(["m1", "m3"]);
  });

  it("takes a zero only when nothing else is left", () => {
    // A total of 3 whose people all have an unknown age band, not listed as a child: the parent
    // is primary and the listed bands are zeros, so the first zero by id goes with it.
    const cells = cellsOf({ total: 3, "0-17": 0, "18-64": 0 });
    const result = suppress(cells, [{ parent: "total", children: ["18-64", "0-17"] }]);
    expect(sorted(result.suppressed)).toEqual(["0-17", "total"]);
  });

  it("takes other bounds for primary suppression, but never zero", () => {
    const cells = cellsOf({ total: 37, a: 0, b: 7, c: 30 });
    const constraints = [{ parent: "total", children: ["a", "b", "c"] }];
    expect(sorted(suppress(cells, constraints, { min: 0, max: 9 }).primary)).toEqual(["b"]);
    expect(sorted(suppress(cells, constraints, { min: 0, max: 9 }).suppressed)).toEqual(["b", "c"]);
  });

  it("leaves a table without constraints to primary suppression only", () => {
    expect(sorted(suppress(cellsOf({ a: 4, b: 5 }), []).suppressed)).toEqual(["a"]);
  });

  it("rejects unknown ids in constraints, duplicate cells and negative counts", () => {
    expect(() => suppress(cellsOf({ a: 1 }), [{ parent: "a", children: ["x"] }])).toThrow(
      RangeError,
    );
    expect(() => suppress([...cellsOf({ a: 1 }), { id: "a", count: 2 }], [])).toThrow(RangeError);
    expect(() => suppress(cellsOf({ a: -1 }), [])).toThrow(RangeError);
  });
});

type Table = { cells: Cell[]; constraints: Constraint[] };

/**
 * A hierarchical municipality × age table: country > regions > bodies > municipalities, each
 * unit with a total and age bands, and every sum written as a constraint in both directions.
 */
const hierarchicalTable: fc.Arbitrary<Table> = fc
  .record({
    bands: fc.integer({ min: 2, max: 3 }),
    shape: fc.array(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 3,
    }),
    counts: fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), {
      minLength: 60,
      maxLength: 60,
    }),
  })
  .map(({ bands, shape, counts }) => {
    const cells: Cell[] = [];
    const constraints: Constraint[] = [];
    let next = 0;
    const leaf = (id: string): number[] => {
      const byBand = Array.from({ length: bands }, () => counts[next++ % counts.length]!);
      return addUnit(id, byBand, []);
    };
    const addUnit = (id: string, byBand: number[], children: string[]): number[] => {
      byBand.forEach((count, band) => {
        cells.push({ id: `${id}/${band}`, count });
      });
      cells.push({ id, count: byBand.reduce((a, b) => a + b, 0) });
      constraints.push({ parent: id, children: byBand.map((_, band) => `${id}/${band}`) });
      if (children.length > 0) {
        constraints.push({ parent: id, children });
        for (let band = 0; band < bands; band++) {
          constraints.push({
            parent: `${id}/${band}`,
            children: children.map((c) => `${c}/${band}`),
          });
        }
      }
      return byBand;
    };
    const sum = (parts: number[][]): number[] =>
      Array.from({ length: bands }, (_, band) => parts.reduce((a, p) => a + p[band]!, 0));
    const regions = shape.map((bodies, r) => {
      const bodyIds = bodies.map((_, b) => `r${r}b${b}`);
      const bodyCounts = bodies.map((municipalities, b) => {
        const ids = Array.from({ length: municipalities }, (_, m) => `r${r}b${b}m${m}`);
        return addUnit(bodyIds[b]!, sum(ids.map(leaf)), ids);
      });
      return addUnit(`r${r}`, sum(bodyCounts), bodyIds);
    });
    addUnit(
      "dk",
      sum(regions),
      shape.map((_, r) => `r${r}`),
    );
    return { cells, constraints };
  });

/** Any ids, any parent/children sets, sums not closing: the rules must hold all the same. */
const looseTable: fc.Arbitrary<Table> = fc
  .array(fc.integer({ min: 0, max: 8 }), { minLength: 2, maxLength: 12 })
  .chain((counts) => {
    const ids = counts.map((_, i) => `c${i}`);
    const constraint = fc
      .record({
        parent: fc.constantFrom(...ids),
        children: fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: ids.length }),
      })
      .filter(({ parent, children }) => children.some((child) => child !== parent));
    return fc.record({
      cells: fc.constant(counts.map((count, i) => ({ id: ids[i]!, count }))),
      constraints: fc.array(constraint, { maxLength: 8 }),
    });
  });

function shuffledTable(table: Table): fc.Arbitrary<Table> {
  const permutation = <T>(items: T[]): fc.Arbitrary<T[]> =>
    fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
  return fc.record({
    cells: permutation(table.cells),
    constraints: fc
      .tuple(...table.constraints.map((c) => permutation(c.children)))
      .chain((childOrders) =>
        permutation(
          table.constraints.map((c, i) => ({ parent: c.parent, children: childOrders[i]! })),
        ),
      ),
  });
}

function checkRules({ cells, constraints }: Table): void {
  const { suppressed, primary } = suppress(cells, constraints);
  for (const cell of cells) {
    expect(primary.has(cell.id)).toBe(cell.count >= 1 && cell.count <= 4);
    if (primary.has(cell.id)) expect(suppressed.has(cell.id)).toBe(true);
  }
  for (const { parent, children } of constraints) {
    const members = new Set([parent, ...children]);
    const hidden = [...members].filter((id) => suppressed.has(id)).length;
    expect(hidden).not.toBe(1);
  }
}

describe("suppress: properties", () => {
  it("hides every primary cell and leaves no equation with one hidden member", () => {
    fc.assert(fc.property(hierarchicalTable, checkRules), { numRuns: 200 });
    fc.assert(fc.property(looseTable, checkRules), { numRuns: 300 });
  });

  it("gives the same result for the same table in any order", () => {
    for (const tables of [hierarchicalTable, looseTable]) {
      const pairs = tables.chain((table) => fc.tuple(fc.constant(table), shuffledTable(table)));
      fc.assert(
        fc.property(pairs, ([table, shuffled]) => {
          const a = suppress(table.cells, table.constraints);
          const b = suppress(shuffled.cells, shuffled.constraints);
          expect([...b.suppressed]).toEqual([...a.suppressed]);
          expect([...b.primary]).toEqual([...a.primary]);
        }),
        { numRuns: 150 },
      );
    }
  });
});
