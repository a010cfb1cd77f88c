import { describe, expect, it } from "vitest";
import { createRandom } from "./random.ts";

describe("createRandom", () => {
  it("repeats exactly for the same seed and stream", () => {
    const a = createRandom(42, "population");
    const b = createRandom(42, "population");
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(
      Array.from({ length: 5 }, () => b.next()),
    );
  });

  it("differs between seeds and between streams", () => {
    expect(createRandom(42, "x").next()).not.toBe(createRandom(43, "x").next());
    expect(createRandom(42, "x").next()).not.toBe(createRandom(42, "y").next());
  });

  it("is roughly uniform and respects bounds", () => {
    const r = createRandom(7);
    const draws = Array.from({ length: 20_000 }, () => r.int(1, 4));
    expect(Math.min(...draws)).toBe(1);
    expect(Math.max(...draws)).toBe(4);
    const share = draws.filter((d) => d === 1).length / draws.length;
    expect(share).toBeGreaterThan(0.23);
    expect(share).toBeLessThan(0.27);
  });

  it("draws weighted choices in proportion", () => {
    const r = createRandom(9);
    const picks = Array.from({ length: 10_000 }, () =>
      r.weighted([
        { value: "a", weight: 3 },
        { value: "b", weight: 1 },
      ]),
    );
    const share = picks.filter((p) => p === "a").length / picks.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
  });
});
