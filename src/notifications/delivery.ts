import type { PersonalDataCipher } from "../citizens/crypto.ts";
import type { Database } from "../platform/db/database.ts";
import { nextAttemptAfter, signatureHeader } from "./model.ts";
import { createTargetGuard, type TargetPolicy } from "./outbound.ts";
import {
  type AttemptRecord,
  type ClaimedDelivery,
  claimDue,
  recordAttempt,
} from "./webhook-store.ts";

/**
 * Sends what the outbox holds: claims due deliveries under a lease (so
 * several processes never send the same one at once), posts each signed body
 * outside any transaction with a time limit, and records every attempt. A
 * failure is tried again after 30 s, 2 min, 10 min, 1 h and 6 h, then the
 * delivery has failed; an administrator can retry it. Each attempt is sent
 * only to an address checked just then (`outbound.ts`). The delivery log
 * records the HTTP status or that there was none; why there was none
 * (refused, DNS, connection, TLS, time limit) goes to the server log only, so
 * the log cannot be used to probe the network behind a URL.
 */
export type DeliveryOptions = TargetPolicy & {
  clock?: () => Date;
  /** Per request; a receiver that takes longer has failed this attempt. */
  timeoutMs?: number;
  /** How many deliveries one run takes at most. */
  batch?: number;
  /** How many requests are in flight at once. */
  concurrency?: number;
  /** Where an attempt without an HTTP answer is told in full (the server's log). */
  logger?: DeliveryLogger;
};

export type DeliveryLogger = { warn(details: object, message: string): void };

const USER_AGENT = "Tovholder-Webhooks/1";

export function createDeliveryWorker(
  db: Database,
  cipher: PersonalDataCipher,
  options: DeliveryOptions = {},
) {
  const clock = options.clock ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 5_000;
  const batch = options.batch ?? 50;
  const concurrency = options.concurrency ?? 8;
  // Long enough to outlast every request of a batch, short enough to recover quickly from a crash.
  const leaseMs = timeoutMs * Math.ceil(batch / concurrency) + 30_000;

  const guard = createTargetGuard(options);
  const logger = options.logger;

  async function attempt(d: ClaimedDelivery): Promise<AttemptRecord> {
    const started = clock();
    const t0 = performance.now();
    let statusCode: number | null = null;
    try {
      const headers = {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "tovholder-event": d.kind,
        "tovholder-delivery": d.id,
        "tovholder-signature": signatureHeader(cipher.decrypt(d.secretSealed), d.body, started),
      };
      statusCode = await guard.post(d.url, headers, d.body, timeoutMs);
    } catch (err) {
      logger?.warn(
        {
          webhookId: d.webhookId,
          deliveryId: d.id,
          target: originOf(d.url),
          error: describe(err, timeoutMs),
        },
        "webhook delivery got no HTTP answer",
      );
    }
    const durationMs = Math.round(performance.now() - t0);
    const delivered = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const retryAt = delivered ? null : nextAttemptAfter(d.attempts + 1, clock());
    return {
      deliveryId: d.id,
      lease: d.leaseUntil,
      attemptedAt: started,
      durationMs,
      statusCode,
      outcome: delivered ? "delivered" : retryAt ? "retry" : "failed",
      nextAttemptAt: retryAt,
    };
  }

  return {
    /** One run: claims what is due, sends it, records it. Answers what happened to each. */
    async deliverDue(): Promise<{ delivered: number; retrying: number; failed: number }> {
      const now = clock();
      const claimed = await claimDue(db, now, new Date(now.getTime() + leaseMs), batch);
      const tally = { delivered: 0, retrying: 0, failed: 0 };
      let next = 0;
      const lanes = Array.from({ length: Math.min(concurrency, claimed.length) }, async () => {
        while (next < claimed.length) {
          const d = claimed[next++] as ClaimedDelivery;
          const result = await attempt(d);
          if (!(await recordAttempt(db, result))) continue;
          if (result.outcome === "delivered") tally.delivered++;
          else if (result.outcome === "retry") tally.retrying++;
          else tally.failed++;
        }
      });
      await Promise.all(lanes);
      return tally;
    },
  };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;

/** Where a delivery went, for the server's log: no path or query string, which may hold a token. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "(not a URL)";
  }
}

/** Why there was no HTTP answer, for the server's log: the error and its code, without a stack. */
function describe(err: unknown, timeoutMs: number): string {
  if (!(err instanceof Error)) return "the request failed";
  if (err.name === "AbortError" || err.name === "TimeoutError")
    return `no answer within ${timeoutMs / 1000} s`;
  const code = (err as { code?: unknown }).code;
  const text = `${err.name}: ${err.message}${typeof code === "string" ? ` (${code})` : ""}`;
  return text.replace(/\p{Cc}+/gu, " ").slice(0, 500);
}
