import type { FastifyBaseLogger } from "fastify";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startLoop } from "./worker-loop.ts";

const quiet = { warn: vi.fn(), error: vi.fn() } as unknown as FastifyBaseLogger;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("a background loop", () => {
  it("does not queue runs behind a run longer than its interval", async () => {
    let started = 0;
    let finishFirst: () => void = () => {};
    const loop = startLoop(
      "slow",
      1000,
      () => {
        started++;
        if (started > 1) return Promise.resolve();
        return new Promise<void>((resolve) => {
          finishFirst = resolve;
        });
      },
      quiet,
    );
    await vi.advanceTimersByTimeAsync(5500);
    expect(started).toBe(1);
    // The five ticks during the long run were skipped, not waiting to run at once.
    finishFirst();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toBe(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(started).toBe(2);
    await loop.stop();
  });

  it("runs again at its time after a run that failed", async () => {
    let started = 0;
    const loop = startLoop(
      "failing",
      1000,
      async () => {
        started++;
        throw new Error("boom");
      },
      quiet,
    );
    await vi.advanceTimersByTimeAsync(3500);
    expect(started).toBe(3);
    await loop.stop();
  });
});
