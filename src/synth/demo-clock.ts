import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Clock, clockFrom } from "../platform/clock.ts";

/**
 * The demo's clock with TOVHOLDER_DEMO_DATE: it starts at that instant and runs
 * at the real pace, so `TOVHOLDER_DEMO_DATE=2026-12-31T23:50` shows the last ten
 * minutes of the clusters and then the councils. A later start on the same
 * data directory resumes where the clock had come to (the data written after
 * midnight must not lie in the clock's future); a new demo date starts anew.
 */

type Saved = { demoDate: string; reachedAt: string };

const FILE = "demo-clock.json";
const SAVE_EVERY_MS = 5_000;

async function readSaved(file: string): Promise<Saved | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Saved;
  } catch {
    return null;
  }
}

/** Where the clock starts: the demo date, or later where an earlier run with it had come to. */
export function demoClockStart(demoDate: Date, saved: Saved | null): number {
  const reached =
    saved && saved.demoDate === demoDate.toISOString() ? Date.parse(saved.reachedAt) : 0;
  return Math.max(demoDate.getTime(), Number.isNaN(reached) ? 0 : reached);
}

export async function startDemoClock(
  dataDir: string,
  demoDate: Date,
): Promise<{ clock: Clock; resumed: boolean; stop(): Promise<void> }> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, FILE);
  const start = demoClockStart(demoDate, await readSaved(file));
  const clock = clockFrom(start);
  const save = () =>
    writeFile(
      file,
      JSON.stringify({ demoDate: demoDate.toISOString(), reachedAt: clock().toISOString() }),
    );
  await save();
  let saving: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    saving = saving.then(save).catch(() => undefined);
  }, SAVE_EVERY_MS);
  timer.unref();
  return {
    clock,
    resumed: start > demoDate.getTime(),
    async stop() {
      clearInterval(timer);
      await saving;
      await save();
    },
  };
}
