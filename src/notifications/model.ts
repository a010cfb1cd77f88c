import { createHmac, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import type { HandoverEvent } from "../handovers/events.ts";
import type { Reason } from "../platform/http/errors.ts";
import { FOLLOW_UP_KINDS } from "./follow-up-payload.ts";

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
  "handover.undone",
  "handover.unresolved",
] as const satisfies readonly HandoverEvent["kind"][];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Every kind a webhook may subscribe to. */
export const WEBHOOK_KINDS = [...NOTIFICATION_KINDS, ...FOLLOW_UP_KINDS] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

/**
 * An in-app notice to a body's coordinators that the handover rules carried
 * over to it on a change of structure differ between the bodies before it
 * and await their confirmation. It is about no handover, and no webhook
 * subscribes to it: webhooks are for the systems that act on handovers.
 */
export const RULES_TO_CONFIRM = "body.rules-to-confirm" as const;
/** Every kind a notification in the app may have. */
export const IN_APP_KINDS = [...WEBHOOK_KINDS, RULES_TO_CONFIRM] as const;
export type InAppKind = (typeof IN_APP_KINDS)[number];

/** The body of a rules-to-confirm notice: the body, and each sector's rule and its origin. */
export type RulesToConfirmPayload = {
  id: string;
  type: typeof RULES_TO_CONFIRM;
  occurredAt: string;
  body: { id: string; name: string; kind: string };
  rules: { sector: HandoverEvent["sector"]; carriedOverFrom: { id: string; name: string } }[];
  organisationId: string;
  links: { app: string };
};

export function rulesToConfirmPayload(
  notificationId: string,
  organisationId: string,
  notice: Omit<RulesToConfirmPayload, "id" | "type" | "occurredAt" | "organisationId" | "links"> & {
    at: Date;
  },
): RulesToConfirmPayload {
  return {
    id: notificationId,
    type: RULES_TO_CONFIRM,
    occurredAt: notice.at.toISOString(),
    body: notice.body,
    rules: notice.rules,
    organisationId,
    links: { app: `/klynge/overdragelsesregler?klynge=${encodeURIComponent(notice.body.id)}` },
  };
}

/** What a new webhook is sent unless its administrators choose otherwise: what needs acting on. */
export const DEFAULT_WEBHOOK_EVENTS: WebhookKind[] = [
  "handover.created",
  "handover.escalated",
  "handover.declined",
  "follow-up.opened",
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
    links: { task: `/fhir/Task/${event.handoverId}`, app: handoverLink(event.handoverId) },
  };
}

/** The worklist brought to one handover: there is no page of one handover of its own. */
export function handoverLink(handoverId: string): string {
  return `/arbejdsliste?overdragelse=${encodeURIComponent(handoverId)}`;
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

/**
 * Why a webhook URL is refused, or null, before any name is looked up: an
 * absolute URL, no credentials (they would be shown to every administrator),
 * https (the body is signed, not encrypted; plain http only to a host the
 * operator allows, on a closed network), and not an internal address written
 * out (`webhookAddressProblem` checks what a name resolves to).
 */
export function webhookUrlProblem(
  text: string,
  allowedHosts: ReadonlySet<string> = new Set(),
): Reason | null {
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
  const host = hostKey(url.hostname);
  const allowed = allowedHosts.has(host);
  if (!(url.protocol === "https:" || (url.protocol === "http:" && allowed)))
    return {
      reason: "must be an https:// URL (http:// only to a host the operator allows)",
      i18n: { key: "webhooks.urlHttps" },
    };
  if (allowed) return null;
  if (isLocalName(host) || (isIP(host) !== 0 && isInternalAddress(host))) return INTERNAL;
  return null;
}

/** Why the addresses a webhook's host resolved to are refused, or null: any internal one is. */
export function webhookAddressProblem(addresses: readonly string[]): Reason | null {
  if (addresses.length === 0) return UNRESOLVED;
  return addresses.some(isInternalAddress) ? INTERNAL : null;
}

const INTERNAL: Reason = {
  reason:
    "must not point inside: loopback, private, link-local and unique-local addresses are refused",
  i18n: { key: "webhooks.urlInternal" },
};

export const UNRESOLVED: Reason = {
  reason: "names a host that could not be found",
  i18n: { key: "webhooks.urlUnresolved" },
};

/**
 * A host as compared with the operator's allowed hosts: the URL parser's
 * normalised host name (lower case, IPv4 in dotted decimal, IPv6 compressed),
 * without IPv6 brackets or a trailing dot.
 */
export function hostKey(text: string): string {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  return bare.replace(/\.$/, "");
}

/** An operator's host (a name or an address) as `hostKey` gives it for a URL, or null. */
export function normaliseHost(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed || /[/@?#\\\s]/.test(trimmed)) return null;
  const literal = isIP(trimmed) === 6 ? `[${trimmed}]` : trimmed;
  try {
    const url = new URL(`http://${literal}/`);
    return url.host === url.hostname ? hostKey(url.hostname) : null;
  } catch {
    return null;
  }
}

/** `localhost` and every name under it are this machine (RFC 6761), whatever DNS says. */
function isLocalName(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost");
}

/**
 * True for an address a webhook may not reach (unless the operator allows its
 * host): anything but public unicast. IPv4: this network 0/8, private 10/8,
 * 172.16/12 and 192.168/16, shared (CGNAT) 100.64/10, loopback 127/8,
 * link-local 169.254/16, the IETF, documentation and benchmarking blocks,
 * multicast 224/4, reserved 240/4 and broadcast. IPv6: only global unicast
 * 2000::/3 is public, less its IETF, Teredo and documentation blocks; IPv4
 * written as IPv6 (mapped ::ffff:0:0/96, compatible ::/96, translated
 * ::ffff:0:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged by the IPv4
 * address inside. Anything that is not an address at all is internal too.
 */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return isInternalIPv4(ipv4Number(address));
  if (family !== 6 || address.includes("%")) return true;
  const a = ipv6Number(address);
  const embedded = embeddedIPv4(a);
  if (embedded !== null) return isInternalIPv4(embedded);
  if (!inV6(a, "2000::", 3)) return true;
  return INTERNAL_V6_GLOBAL.some(([prefix, bits]) => inV6(a, prefix, bits));
}

const INTERNAL_V4: readonly (readonly [string, number])[] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];

/** Inside global unicast 2000::/3: IETF assignments (Teredo among them), documentation. */
const INTERNAL_V6_GLOBAL: readonly (readonly [string, number])[] = [
  ["2001::", 23],
  ["2001:db8::", 32],
  ["3fff::", 20],
];

function isInternalIPv4(n: number): boolean {
  return INTERNAL_V4.some(([base, bits]) => n >>> (32 - bits) === ipv4Number(base) >>> (32 - bits));
}

/** The IPv4 address an IPv6 address stands for, or null if it is a plain IPv6 address. */
function embeddedIPv4(a: bigint): number | null {
  const low32 = Number(a & 0xffffffffn);
  if (inV6(a, "::ffff:0:0", 96) || inV6(a, "::", 96) || inV6(a, "::ffff:0:0:0", 96)) return low32;
  if (inV6(a, "64:ff9b::", 96)) return low32;
  // Local-use NAT64 (RFC 8215) translates to whatever the local network chooses.
  if (inV6(a, "64:ff9b:1::", 48)) return 0;
  if (inV6(a, "2002::", 16)) return Number((a >> 80n) & 0xffffffffn);
  return null;
}

function ipv4Number(address: string): number {
  return address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function ipv6Number(address: string): bigint {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const n = ipv4Number(dotted);
    text = `${text.slice(0, -dotted.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const groups = (part: string) => (part ? part.split(":") : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return all.reduce((n, g) => (n << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
}

function inV6(a: bigint, prefix: string, bits: number): boolean {
  const shift = BigInt(128 - bits);
  return a >> shift === ipv6Number(prefix) >> shift;
}

/** What an attempt got, as an administrator sees it: never which network error hid behind the URL. */
export type AttemptResult = "delivered" | "http-status" | "failed";

export function attemptResultOf(statusCode: number | null): AttemptResult {
  if (statusCode === null) return "failed";
  return statusCode >= 200 && statusCode < 300 ? "delivered" : "http-status";
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
