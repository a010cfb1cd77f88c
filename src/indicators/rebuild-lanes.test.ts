import { describe, expect, it } from "vitest";
import { chunks, progressCounter, type Step, sideBySide } from "./rebuild-lanes.ts";

/** A task that records how many ran at once, and finishes when told. */
function gate() {
  let running = 0;
  let most = 0;
  const release: (() => void)[] = [];
  const task =
    (name: string, log: string[], fail = false) =>
    async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await new Promise<void>((resolve) => release.push(resolve));
      running--;
      log.push(`end ${name}`);
      if (fail) throw new Error(`${name} failed`);
    };
  const flush = async () => {
    for (let i = 0; i < 20; i++) {
      release.splice(0).forEach((r) => {
        r();
      });
      await new Promise((r) => setImmediate(r));
    }
  };
  return { task, flush, most: () => most };
}

describe("sideBySide", () => {
  it("runs every task, never more at once than there are lanes", async () => {
    const g = gate();
    const log: string[] = [];
    const done = sideBySide(
      ["a", "b", "c", "d", "e"].map((n) => g.task(n, log)),
      2,
    );
    await g.flush();
    await done;
    expect(g.most()).toBe(2);
    expect(log.filter((l) => l.startsWith("end"))).toHaveLength(5);
    // The first two start together; the third waits for a free lane.
    expect(log.slice(0, 2)).toEqual(["start a", "start b"]);
  });

  it("starts nothing new after a failure, lets the running task finish, then throws the first failure", async () => {
    const g = gate();
    const log: string[] = [];
    const done = sideBySide([g.task("a", log, true), g.task("b", log), g.task("c", log)], 2);
    const outcome = done.then(
      () => "resolved",
      (e: Error) => e.message,
    );
    await g.flush();
    expect(await outcome).toBe("a failed");
    expect(log).toContain("end b");
    expect(log).not.toContain("start c");
  });

  it("runs in turn with one lane", async () => {
    const g = gate();
    const log: string[] = [];
    const done = sideBySide(
      ["a", "b"].map((n) => g.task(n, log)),
      1,
    );
    await g.flush();
    await done;
    expect(log).toEqual(["start a", "end a", "start b", "end b"]);
  });
});

describe("chunks and progress", () => {
  it("sorts months and cuts them into chunks of the size asked", () => {
    expect(chunks(["2026-03", "2026-01", "2026-02"], 2)).toEqual([
      ["2026-01", "2026-02"],
      ["2026-03"],
    ]);
  });

  it("counts each kind of step's months on its own, told at start and end", () => {
    const calls: [string, number, number][] = [];
    const step = (name: Step["name"], months: string[]): Step => ({
      name,
      source: "loop",
      months,
      run: async () => undefined,
    });
    const a = step("loop cells", ["2026-01", "2026-02"]);
    const b = step("loop cells", ["2026-03"]);
    const c = step("populations", ["2026-01"]);
    const counter = progressCounter([a, b, c], (...args) => calls.push(args));
    counter.started(a);
    counter.started(c);
    counter.finished(a);
    counter.finished(c);
    counter.started(b);
    counter.finished(b);
    expect(calls).toEqual([
      ["loop cells", 0, 3],
      ["populations", 0, 1],
      ["loop cells", 2, 3],
      ["populations", 1, 1],
      ["loop cells", 2, 3],
      ["loop cells", 3, 3],
    ]);
  });
});
