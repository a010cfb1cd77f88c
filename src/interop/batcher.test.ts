import { describe, expect, it } from "vitest";
import { createBatcher } from "./batcher.ts";

describe("createBatcher", () => {
  it("runs a lone item at once, and items that arrive meanwhile together", async () => {
    const batches: number[][] = [];
    const submit = createBatcher(async (items: number[]) => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 10));
      return items.map((i) => i * 2);
    });
    const first = submit(1);
    const rest = [2, 3, 4].map((i) => submit(i));
    expect(await first).toBe(2);
    expect(await Promise.all(rest)).toEqual([4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("caps the batch size and keeps going", async () => {
    const sizes: number[] = [];
    const submit = createBatcher(async (items: number[]) => {
      sizes.push(items.length);
      return items;
    }, 2);
    expect(await Promise.all([1, 2, 3, 4, 5].map((i) => submit(i)))).toEqual([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([1, 2, 2]);
  });

  it("rejects the callers of a failed batch, and the next batch still runs", async () => {
    let fail = true;
    const submit = createBatcher(async (items: number[]) => {
      if (fail) {
        fail = false;
        throw new Error("down");
      }
      return items;
    });
    await expect(submit(1)).rejects.toThrow("down");
    expect(await submit(2)).toBe(2);
  });
});
