import { useCallback, useEffect, useState } from "react";
import type { WorklistItem } from "./types";

/** What the server answers a confirmation or decline (src/handovers/decision-routes.ts). */
export type DecisionAnswer = {
  id: string;
  status: string;
  version: number;
  decidedAt: string;
  undoableUntil: string;
};

/**
 * A decision this page made, which its organisation may still undo: the row
 * as it is after the decision (a confirmed one leaves the list, so the page
 * keeps it), the version to undo at, and when the button goes, in this
 * browser's time (the server's window measured from the answer's arrival, so
 * a skewed clock here does not lengthen or shorten it).
 */
export type RecentDecision = {
  item: WorklistItem;
  version: number;
  endsAt: number;
};

export function recentOf(item: WorklistItem, answer: DecisionAnswer, now: number): RecentDecision {
  const windowMs = Date.parse(answer.undoableUntil) - Date.parse(answer.decidedAt);
  return {
    // A decided handover is no longer overdue: only an open one is chased.
    item: {
      ...item,
      status: answer.status as WorklistItem["status"],
      version: answer.version,
      overdue: answer.status === "open" && item.overdue,
    },
    version: answer.version,
    endsAt: now + windowMs,
  };
}

/**
 * The rows to show: the page's, each with its undo while one is held for it
 * at the version shown (a row someone changed since has nothing to undo),
 * and before them (unless `keepGone` is off: a list that still holds decided
 * rows, or whose decided rows are shown elsewhere) the decided rows the list
 * no longer holds.
 */
export function withRecent(
  items: WorklistItem[],
  recent: Map<string, RecentDecision>,
  now: number,
  keepGone = true,
): { item: WorklistItem; undo: RecentDecision | null; kept: boolean }[] {
  const live = keepGone ? [...recent.values()].filter((r) => r.endsAt > now) : [];
  const shown = new Set(items.map((i) => i.id));
  const gone = live
    .filter((r) => !shown.has(r.item.id))
    .map((r) => ({ item: r.item, undo: r, kept: true }));
  return [
    ...gone,
    ...items.map((item) => {
      const r = recent.get(item.id);
      const undo = r && r.endsAt > now && r.version === item.version ? r : null;
      return { item, undo, kept: false };
    }),
  ];
}

/** How many rows `withRecent` shows that the page's items do not hold: the pager counts them. */
export function keptCount(
  items: WorklistItem[],
  recent: Map<string, RecentDecision>,
  now: number,
): number {
  return withRecent(items, recent, now).filter((r) => r.kept).length;
}

/** The page's recent decisions, and a clock that ticks each second while any can be undone. */
export function useRecentDecisions() {
  const [recent, setRecent] = useState(() => new Map<string, RecentDecision>());
  const [now, setNow] = useState(() => Date.now());
  const holding = [...recent.values()].some((r) => r.endsAt > now);
  useEffect(() => {
    if (!holding) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [holding]);
  const remember = useCallback((item: WorklistItem, answer: DecisionAnswer) => {
    const at = Date.now();
    setNow(at);
    setRecent((m) => new Map(m).set(item.id, recentOf(item, answer, at)));
  }, []);
  const forget = useCallback((id: string) => {
    setRecent((m) => {
      const next = new Map(m);
      next.delete(id);
      return next;
    });
  }, []);
  return { recent, now, remember, forget };
}

/** "9:41" — minutes and seconds left, never below zero. */
export function timeLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
