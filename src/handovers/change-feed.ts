import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../platform/db/database.ts";
import * as store from "./change-feed-store.ts";
import { localDate } from "./service-time.ts";

/** Which changes a worklist cares about: its receiver, its hospital, or its body. */
export type ChangeScope = {
  municipalityCode?: string;
  practiceId?: string;
  dischargingHospitalId?: string;
  bodyId?: string;
};

export type Change = store.RecentChange;

/** Whether a changed handover or stay belongs in this scope's worklist. */
export function inScope(scope: ChangeScope, c: Change): boolean {
  return (
    (scope.municipalityCode !== undefined && c.municipalityCode === scope.municipalityCode) ||
    (scope.practiceId !== undefined && c.practiceId === scope.practiceId) ||
    (scope.dischargingHospitalId !== undefined && c.hospitalId === scope.dischargingHospitalId) ||
    // A body's list: the handovers it is responsible for now, and (told once more
    // than needed, which only refetches) those of its own date.
    (scope.bodyId !== undefined &&
      (c.responsibleBodyId === scope.bodyId || c.bodyId === scope.bodyId))
  );
}

/** How far back each poll looks again: a transaction that began earlier may commit late. */
const OVERLAP_MS = 30_000;

/**
 * Live worklists across server processes: one poll of the database per
 * process every few seconds, however many people are watching, and only
 * while someone is. The database is the truth, so a change made by another
 * process, the sweeper or the ingest shows up the same way as our own.
 * Each poll overlaps the last, and changes already told are remembered by
 * their row and time, so a late commit is neither missed nor told twice.
 */
export function createChangeFeed(
  db: Database,
  options: { intervalMs?: number; clock?: () => Date; logger?: FastifyBaseLogger } = {},
) {
  const intervalMs = options.intervalMs ?? 2_000;
  const clock = options.clock ?? (() => new Date());
  const watchers = new Set<{ scope: ChangeScope; onChange: () => void }>();
  const told = new Map<string, number>();
  let since = clock().getTime();
  let timer: NodeJS.Timeout | null = null;
  let polling = false;

  async function poll() {
    if (polling) return;
    polling = true;
    try {
      const now = clock().getTime();
      const changes = await store.recentChanges(db, new Date(since - OVERLAP_MS), localDate(now));
      since = now;
      const fresh = changes.filter((c) => {
        const key = `${c.kind}:${c.id}@${new Date(c.at).getTime()}`;
        if (told.has(key)) return false;
        told.set(key, now);
        return true;
      });
      for (const [key, at] of told) if (at < now - 2 * OVERLAP_MS) told.delete(key);
      for (const w of watchers) if (fresh.some((c) => inScope(w.scope, c))) w.onChange();
    } catch (err) {
      options.logger?.warn({ err }, "worklist change feed: poll failed; trying again");
    } finally {
      polling = false;
    }
  }

  return {
    /** Calls `onChange` whenever something in the scope changes; returns the way to stop. */
    watch(scope: ChangeScope, onChange: () => void): () => void {
      const watcher = { scope, onChange };
      watchers.add(watcher);
      if (!timer) {
        since = clock().getTime();
        timer = setInterval(() => void poll(), intervalMs);
        timer.unref();
      }
      return () => {
        watchers.delete(watcher);
        if (watchers.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
    /** For tests: one poll now. */
    poll,
  };
}

export type ChangeFeed = ReturnType<typeof createChangeFeed>;
