import { danishLocalInstant } from "../platform/clock.ts";

/**
 * What a person sees of the notifications, as pure rules (issue 21, §6):
 * repeats about one handover fold into one card, and a person may take a
 * daily digest instead of single cards.
 *
 * - A card is one handover's notifications (a notice about no handover is a
 *   card of its own): the latest event says what it is, `count` how many
 *   were folded, and the history the latest `HISTORY_LIMIT` of them. The
 *   unread count counts cards, not events: a handover chased five times is
 *   one thing to look at.
 * - The daily digest comes at `DIGEST_TIME` Danish time and holds the cards
 *   of the day before it (from the previous digest to this one). 07:00 is
 *   when the day shift starts on the wards and in home nursing, and before
 *   most GP clinics open, so it is read before the day's work is planned; it
 *   holds 24 hours (23 or 25 when the clocks change) so nothing falls
 *   between two digests. Someone who takes the digest has one unread card a
 *   day at most; what happened since the last digest waits for the next.
 */

export const DELIVERY_MODES = ["single", "daily-digest"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** The wall-clock time, in Danish time, the daily digest is made. */
export const DIGEST_TIME = "07:00";

/** How many of a card's events it shows (the latest first); `count` says how many there were. */
export const HISTORY_LIMIT = 10;

/** How many cards one digest lists; it says how many it holds in all. */
export const DIGEST_CARD_LIMIT = 50;

const DAY_MS = 24 * 3_600_000;

const danishDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Danish calendar date (YYYY-MM-DD) of an instant. */
function danishDateOf(instant: number): string {
  return danishDate.format(instant);
}

/** The digest instant on a Danish calendar date. */
function digestOn(date: string): number {
  const at = danishLocalInstant(`${date}T${DIGEST_TIME}`);
  // 07:00 exists on every Danish date: the clocks change at 02:00/03:00.
  if (!at.ok) throw new Error(`no ${DIGEST_TIME} on ${date}`);
  return at.instant;
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The latest digest at or before `now`. */
export function lastDigestAt(now: Date): Date {
  const today = danishDateOf(now.getTime());
  const at = digestOn(today);
  return new Date(at <= now.getTime() ? at : digestOn(shiftDate(today, -1)));
}

/** The next digest after `now`. */
export function nextDigestAt(now: Date): Date {
  const last = lastDigestAt(now);
  return new Date(digestOn(shiftDate(danishDateOf(last.getTime()), 1)));
}

/**
 * The digests made since `since` up to `now`, as the boundaries between
 * them, oldest first: digest i holds what happened from `bounds[i]` to
 * `bounds[i + 1]` (the digest made at `bounds[i + 1]`). The first bound is
 * the digest at or before `since`, so the oldest digest is whole; fewer than
 * two bounds means no digest has been made in the time.
 */
export function digestBounds(since: Date, now: Date): Date[] {
  const bounds: Date[] = [];
  let at = lastDigestAt(since);
  const last = lastDigestAt(now).getTime();
  while (at.getTime() <= last) {
    bounds.push(at);
    at = new Date(digestOn(shiftDate(danishDateOf(at.getTime()), 1)));
  }
  return bounds;
}
