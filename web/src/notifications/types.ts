// Shapes of the notifications and webhooks API (src/notifications/routes.ts on the server).

import type { Sector, Target } from "../handovers/rule-text";

export const NOTIFICATION_KINDS = [
  "handover.created",
  "handover.escalated",
  "handover.declined",
  "handover.confirmed",
  "handover.closed",
  "handover.undone",
  "handover.unresolved",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A medical follow-up item without a GP opened, was resolved or closed. */
export const FOLLOW_UP_KINDS = [
  "follow-up.opened",
  "follow-up.resolved",
  "follow-up.closed",
] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** What a webhook may subscribe to. */
export const WEBHOOK_KINDS = [...NOTIFICATION_KINDS, ...FOLLOW_UP_KINDS] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

export function isFollowUpKind(kind: string): kind is FollowUpKind {
  return (FOLLOW_UP_KINDS as readonly string[]).includes(kind);
}

/** A notification about a handover. */
export type HandoverNotification = {
  id: string;
  kind: NotificationKind;
  handoverId: string;
  sector: Sector;
  status: string;
  deadlineAt: string;
  step: number | null;
  target: Target | null;
  reason: string | null;
  createdAt: string;
  readAt: string | null;
};

/**
 * The handover rules carried over to the acting body when the structure
 * changed await its coordinators' confirmation (no handover, no webhook).
 */
export const RULES_TO_CONFIRM = "body.rules-to-confirm";
export type RulesNotification = {
  id: string;
  kind: typeof RULES_TO_CONFIRM;
  body: { id: string; name: string; kind: string };
  rules: { sector: Sector; carriedOverFrom: { id: string; name: string } }[];
  createdAt: string;
  readAt: string | null;
};

/**
 * A medical follow-up item without a GP: "Ingen praktiserende læge — hvem
 * følger op?" (the card's `followUp` says its state).
 */
export type FollowUpNotification = {
  id: string;
  kind: FollowUpKind;
  followUpId: string;
  createdAt: string;
  readAt: string | null;
};

export type Notification = HandoverNotification | RulesNotification | FollowUpNotification;

export function isFollowUpNotification<N extends Notification>(
  n: N,
): n is Extract<N, FollowUpNotification> {
  return isFollowUpKind(n.kind);
}

/** A follow-up card's item: its state as last told, and who resolved it, naming whom. */
export type FollowUpFacts = {
  id: string;
  status: "open" | "resolved" | "closed";
  dischargedAt: string;
  resolution: "outpatient-clinic" | "practice" | "not-needed" | null;
  closedReason: string | null;
  followUpName: string | null;
  resolvedByName: string | null;
  resolvedByOrganisationName: string | null;
  resolvedAt: string | null;
};

/** One event folded into a card. `step` is the ladder step's index (0 is "Trin 1"). */
export type CardEvent = {
  id: string;
  kind: NotificationKind | FollowUpKind | typeof RULES_TO_CONFIRM;
  step: number | null;
  target: Target | null;
  reason: string | null;
  createdAt: string;
};

/**
 * What a card adds to its latest notification: how many it folds, the latest
 * of them, the parties, the citizen's name where the organisation has a
 * relation, and where it leads.
 */
export type CardFacts = {
  count: number;
  history: CardEvent[];
  citizenName: string | null;
  receiverName: string | null;
  dischargingName: string | null;
  hospitalName: string | null;
  bodyKind: string | null;
  followUp: FollowUpFacts | null;
  link: string | null;
};

export type Card = Notification & CardFacts;

export type Digest = {
  id: string;
  from: string;
  to: string;
  /** How many cards it holds in all (`cards` lists at most 50). */
  cardCount: number;
  unread: boolean;
  cards: Card[];
};

export const DELIVERY_MODES = ["single", "daily-digest"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export type NotificationList = {
  delivery: DeliveryMode;
  items: Card[];
  digests: Digest[];
  unreadCount: number;
  nextDigestAt: string | null;
};

export type NotificationPreferences = {
  delivery: DeliveryMode;
  digestTime: string;
  nextDigestAt: string;
};

export type Webhook = {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  active: boolean;
  createdAt: string;
  lastDelivery: { status: DeliveryStatus; at: string } | null;
  failingCount: number;
};

export type WebhookCreated = { webhook: Webhook; secret: string };

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type AttemptResult = "delivered" | "http-status" | "failed";

export type DeliveryAttempt = {
  at: string;
  durationMs: number;
  /** Null when there was no HTTP answer. */
  statusCode: number | null;
  /** What the receiver answered; never why there was no answer (that is in the server's log). */
  result: AttemptResult;
  outcome: string;
};

export type Delivery = {
  id: string;
  kind: string;
  handoverId: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
  attemptLog: DeliveryAttempt[];
};
