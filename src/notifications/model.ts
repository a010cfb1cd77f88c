import { createHmac, timingSafeEqual } from "node:crypto";
import type { HandoverEvent } from "../handovers/events.ts";
import type { Reason } from "../platform/http/errors.ts";

/**
 * Notifications out, as pure rules: what a notification says (ids only, never
 * a name or CPR number), which URLs a webhook may have, when a failed
 * delivery is tried again, and how a body is signed and checked.
 */

export const NOTIFICATION_KINDS = [
  "handover.created",
  "handover.confirmed",
  "handover.declined",
  "handover.escalated",
  "handover.closed",
] as const satisfies readonly HandoverEvent["kind"][];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a new webhook is sent unless its administrators choose otherwise: what needs acting on. */
export const DEFAULT_WEBHOOK_EVENTS: NotificationKind[] = [
  "handover.created",
  "handover.escalated",
  "handover.declined",
];

/** An organisation's webhooks each get every event, so their number is bounded. */
export const MAX_WEBHOOKS_PER_ORGANISATION = 10;

/** "Unread" looks this far back: older notifications are history, not a to-do. */
export const UNREAD_WINDOW_DAYS = 30;

/** The wait after the 1st, 2nd, … failed attempt; after the last one fails, the delivery has failed. */
export const BACKOFF_SECONDS = [30, 120, 600, 3600, 6 * 3600] as const;
export const MAX_ATTEMPTS = BACKOFF_SECONDS.length + 1;

/** The thin body of a notification and of its webhook deliveries. */
export type NotificationPayload = {
  id: string;
  type: NotificationKind;
  occurredAt: string;
  handover: {
    id: string;
    sector: HandoverEvent["sector"];
    status: HandoverEvent["status"];
    deadlineAt: string;
    step?: number;
    target?: NonNullable<HandoverEvent["target"]>;
    reason?: string;
  };
  organisationId: string;
  links: { task: string; app: string };
};

export function payloadOf(
  notificationId: string,
  organisationId: string,
  event: HandoverEvent,
): NotificationPayload {
  return {
    id: notificationId,
    type: event.kind,
    occurredAt: event.at.toISOString(),
    handover: {
      id: event.handoverId,
      sector: event.sector,
      status: event.status,
      deadlineAt: event.deadlineAt.toISOString(),
      ...(event.step === undefined ? {} : { step: event.step }),
      ...(event.target ? { target: event.target } : {}),
      ...(event.reason ? { reason: event.reason } : {}),
    },
    organisationId,
    links: { task: `/fhir/Task/${event.handoverId}`, app: "/arbejdsliste" },
  };
}

/** The body of a test delivery an administrator asks for. */
export function pingPayload(
  deliveryId: string,
  webhookId: string,
  organisationId: string,
  at: Date,
) {
  return {
    id: deliveryId,
    type: "ping" as const,
    occurredAt: at.toISOString(),
    webhookId,
    organisationId,
  };
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Why a webhook URL is refused, or null: https only (the body is signed, not
 * encrypted), plain http only to this machine (local receivers and tests), no
 * credentials in the URL (they would be shown to every administrator).
 */
export function webhookUrlProblem(text: string): Reason | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { reason: "must be an absolute URL", i18n: { key: "webhooks.urlAbsolute" } };
  }
  if (url.username || url.password)
    return {
      reason: "must not contain a user name or password",
      i18n: { key: "webhooks.urlCredentials" },
    };
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname)) return null;
  return {
    reason: "must be an https:// URL (http:// only for localhost or 127.0.0.1)",
    i18n: { key: "webhooks.urlHttps" },
  };
}

/** After a failed attempt (counting it): when to try again, or null when the delivery has failed. */
export function nextAttemptAfter(attempts: number, failedAt: Date): Date | null {
  const wait = BACKOFF_SECONDS[attempts - 1];
  if (wait === undefined) return null;
  return new Date(failedAt.getTime() + wait * 1000);
}

/** A signing secret as shown once to the administrator: 32 random bytes, base64url, prefixed. */
export function formatSecret(random: Buffer): string {
  return `whsec_${random.toString("base64url")}`;
}

/**
 * The `Tovholder-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256>`,
 * the HMAC keyed by the secret (its text, as shown) over `${t}.${body}`. The
 * time is signed too, so a captured request cannot be replayed later.
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmacHex(secret, `${t}.${body}`)}`;
}

/**
 * For receivers: true if the header signs this exact body with this secret,
 * no more than `toleranceSeconds` from now. Compares in constant time.
 */
export function verifySignature(
  secret: string,
  header: string | undefined,
  body: string,
  toleranceSeconds = 300,
  now: Date = new Date(),
): boolean {
  if (!header) return false;
  const parts = header.split(",").map((p) => p.trim().split("=", 2));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, `${t}.${body}`), "utf8");
  return parts
    .filter(([k]) => k === "v1")
    .some(([, v]) => {
      const given = Buffer.from(v ?? "", "utf8");
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

function hmacHex(secret: string, text: string): string {
  return createHmac("sha256", secret).update(text, "utf8").digest("hex");
}

/** An attempt's error as kept and shown: one line, at most 200 characters of anyone's text. */
export function shortError(text: string): string {
  const line = text
    .replace(/\p{Cc}+/gu, " ")
    .replace(/ {2,}/g, " ")
    .trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
