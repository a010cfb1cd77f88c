/**
 * One `/api/handovers/events` stream per tab, shared by whoever listens: the
 * worklist and the header's notification count. The server picks the acting
 * organisation when the stream opens, so a listener for another membership
 * reopens it. EventSource reconnects by itself after a network error.
 */

export type HandoverEventsListener = {
  changed(): void;
  live?(live: boolean): void;
};

let source: EventSource | null = null;
let openedFor: string | null = null;
const listeners = new Set<HandoverEventsListener>();

function open(membershipId: string) {
  source?.close();
  openedFor = membershipId;
  const current = new EventSource("/api/handovers/events");
  current.onopen = () => {
    for (const l of listeners) l.live?.(true);
  };
  current.onerror = () => {
    for (const l of listeners) l.live?.(false);
  };
  current.addEventListener("changed", () => {
    for (const l of listeners) l.changed();
  });
  source = current;
}

/** Listens to the acting organisation's handover changes; returns the unsubscribe. */
export function subscribeHandoverEvents(
  membershipId: string,
  listener: HandoverEventsListener,
): () => void {
  if (typeof EventSource === "undefined") return () => {};
  listeners.add(listener);
  if (!source || openedFor !== membershipId) open(membershipId);
  else if (source.readyState === EventSource.OPEN) listener.live?.(true);
  return () => {
    listeners.delete(listener);
    listener.live?.(false);
    if (listeners.size === 0) {
      source?.close();
      source = null;
      openedFor = null;
    }
  };
}
