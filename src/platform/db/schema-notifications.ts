import type { ColumnType, Generated } from "kysely";
import type { DefaultedTimestamp, Json, Timestamp } from "./column-types.ts";

/**
 * Notifications, read markers, webhooks and their deliveries. `DB` in
 * schema.ts names every table of the database.
 */

/** What a notification or a webhook delivery is about; see migration 0006. */
export type NotificationKindColumn =
  | "handover.created"
  | "handover.confirmed"
  | "handover.declined"
  | "handover.escalated"
  | "handover.closed"
  /** A confirmation or decline taken back by its organisation (0020). */
  | "handover.undone"
  | "handover.unresolved"
  /** A medical follow-up item opened, was resolved or closed (0031). */
  | "follow-up.opened"
  | "follow-up.resolved"
  | "follow-up.closed"
  /** A body's carried-over rules wait for its coordinators' confirmation (0017). */
  | "body.rules-to-confirm";

/** One per handover event and addressed organisation; the payload is the thin webhook body. */
export interface NotificationTable {
  id: string;
  organisationId: string;
  kind: NotificationKindColumn;
  handoverId: string | null;
  /** The medical follow-up item it is about (0031); never with a handover. */
  followUpId: ColumnType<string | null, string | null | undefined, string | null>;
  payload: Json<unknown>;
  createdAt: DefaultedTimestamp;
  /** The order written in (0030): ties of time are told in it. */
  seq: Generated<string>;
}

/** Read markers are per person: one colleague reading a notification does not read it for all. */
export interface NotificationReadTable {
  notificationId: string;
  userId: string;
  readAt: DefaultedTimestamp;
}

/** A person's choice of single notifications or a daily digest (0023); no row: single. */
export interface NotificationPreferenceTable {
  userId: string;
  delivery: "single" | "daily-digest";
  updatedAt: DefaultedTimestamp;
}

export interface WebhookTable {
  id: Generated<string>;
  organisationId: string;
  url: string;
  description: string | null;
  events: ColumnType<string[], string[] | undefined, string[]>;
  /** The signing secret, sealed with the personal-data cipher. */
  secretSealed: string;
  active: Generated<boolean>;
  createdAt: DefaultedTimestamp;
  createdBy: string | null;
  updatedAt: DefaultedTimestamp;
  disabledAt: Timestamp | null;
}

export interface WebhookDeliveryTable {
  id: Generated<string>;
  webhookId: string;
  /** Null for a ping. */
  notificationId: string | null;
  kind: string;
  body: string;
  status: Generated<"pending" | "delivered" | "failed">;
  attempts: Generated<number>;
  /** Set exactly while pending. */
  nextAttemptAt: Timestamp | null;
  leaseUntil: Timestamp | null;
  createdAt: DefaultedTimestamp;
  deliveredAt: Timestamp | null;
}

export interface WebhookAttemptTable {
  id: ColumnType<number, never, never>;
  deliveryId: string;
  attemptedAt: Timestamp;
  durationMs: number;
  /** Null when there was no HTTP answer; why not is in the server's log only (migration 0015). */
  statusCode: number | null;
  outcome: "delivered" | "retry" | "failed";
}
