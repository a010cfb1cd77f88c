import type { Database } from "../platform/db/database.ts";
import { markMonthsDirty } from "./admission-store.ts";

/**
 * How the upkeep's steps share the database. Each rebuilding statement
 * (INSERT … SELECT) runs on one core: PostgreSQL plans no parallel workers
 * for a query that writes. Steps that read what no other step writes
 * (residents, admission cells, loop cells) therefore run on as many
 * connections at once as there are lanes, each in its own transaction.
 */

export type Source = "admission" | "population" | "loop";

export type Progress = (step: string, done: number, total: number) => void;

export type Step = {
  name: "admissions" | "populations" | "admission cells" | "loop cells";
  /** Whose dirty marks the step clears. */
  source: Source;
  months: string[];
  run: (tx: Database) => Promise<void>;
};

export function chunks(months: string[], size: number): string[][] {
  const sorted = [...months].sort();
  const out: string[][] = [];
  for (let i = 0; i < sorted.length; i += size) out.push(sorted.slice(i, i + size));
  return out;
}

/**
 * Runs the tasks on `lanes` at once, each lane taking the next task when it is
 * free. After a failure no new task starts (the database is likely away); the
 * running ones finish, and then the first failure is thrown.
 */
export async function sideBySide(tasks: (() => Promise<void>)[], lanes: number): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  async function lane() {
    for (;;) {
      const task = failures.length === 0 ? tasks[next++] : undefined;
      if (!task) return;
      try {
        await task();
      } catch (err) {
        failures.push(err);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, tasks.length)) }, lane));
  if (failures.length > 0) throw failures[0];
}

/**
 * Progress per kind of step (months done of months to do), told when a step
 * starts and when it ends, so that a caller can time the kinds even while
 * they overlap.
 */
export function progressCounter(steps: Step[], progress?: Progress) {
  const total = new Map<string, number>();
  const done = new Map<string, number>();
  const size = (s: Step) => Math.max(1, s.months.length);
  for (const s of steps) total.set(s.name, (total.get(s.name) ?? 0) + size(s));
  const tell = (s: Step) => progress?.(s.name, done.get(s.name) ?? 0, total.get(s.name) ?? 0);
  return {
    started: tell,
    finished(s: Step) {
      done.set(s.name, (done.get(s.name) ?? 0) + size(s));
      tell(s);
    },
  };
}

/**
 * The months a run took from the dirty marks and has not yet rebuilt. Marks
 * are taken before the steps run (so a change committed meanwhile marks its
 * month anew); when a step fails, its months are marked again, or, while the
 * database is away, held here until the next run can mark them.
 */
export function createUnfinished() {
  const held = new Map<Source, Set<string>>();
  return {
    add(source: Source, months: string[]) {
      const set = held.get(source) ?? new Set<string>();
      for (const m of months) set.add(m);
      held.set(source, set);
    },
    done(source: Source, months: string[]) {
      const set = held.get(source);
      for (const m of months) set?.delete(m);
    },
    /** Marks what is held as dirty again; throws, keeping it held, when the database cannot take it. */
    async remark(db: Database) {
      const pending = [...held].filter(([, months]) => months.size > 0);
      if (pending.length === 0) return;
      await db.transaction().execute(async (tx) => {
        for (const [source, months] of pending) await markMonthsDirty(tx, source, months);
      });
      held.clear();
    },
  };
}
