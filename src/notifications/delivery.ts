import type { PersonalDataCipher } from "../citizens/crypto.ts";
import type { Database } from "../platform/db/database.ts";
import { nextAttemptAfter, shortError, signatureHeader } from "./model.ts";
import {
  type AttemptResult,
  type ClaimedDelivery,
  claimDue,
  recordAttempt,
} from "./webhook-store.ts";

/**
 * Sends what the outbox holds: claims due deliveries under a lease (so
 * several processes never send the same one at once), posts each signed body
 * outside any transaction with a time limit, and records every attempt. A
 * failure is tried again after 30 s, 2 min, 10 min, 1 h and 6 h, then the
 * delivery has failed; an administrator can retry it.
 */
export type DeliveryOptions = {
  clock?: () => Date;
  /** Per request; a receiver that takes longer has failed this attempt. */
  timeoutMs?: number;
  /** How many deliveries one run takes at most. */
  batch?: number;
  /** How many requests are in flight at once. */
  concurrency?: number;
};

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

  async function attempt(d: ClaimedDelivery): Promise<AttemptResult> {
    const started = clock();
    const t0 = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(d.url, {
        method: "POST",
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          "content-type": "application/json",
          "user-agent": USER_AGENT,
          "tovholder-event": d.kind,
          "tovholder-delivery": d.id,
          "tovholder-signature": signatureHeader(cipher.decrypt(d.secretSealed), d.body, started),
        },
        body: d.body,
      });
      statusCode = response.status;
      // The answer's body is the receiver's business, not ours to keep.
      await response.body?.cancel();
      if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
    } catch (err) {
      error = shortError(describe(err, timeoutMs));
    }
    const durationMs = Math.round(performance.now() - t0);
    const attempts = d.attempts + 1;
    const retryAt = error === null ? null : nextAttemptAfter(attempts, clock());
    return {
      deliveryId: d.id,
      lease: d.leaseUntil,
      attemptedAt: started,
      durationMs,
      statusCode,
      error,
      outcome: error === null ? "delivered" : retryAt ? "retry" : "failed",
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

/** A failed request in words an administrator can act on, without the stack or internals. */
function describe(err: unknown, timeoutMs: number): string {
  if (err instanceof Error) {
    if (err.name === "TimeoutError" || err.name === "AbortError")
      return `no answer within ${timeoutMs / 1000} s`;
    const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
    if (cause && typeof cause.code === "string") return `${err.message}: ${cause.code}`;
    if (cause && typeof cause.message === "string") return `${err.message}: ${cause.message}`;
    return err.message;
  }
  return "the request failed";
}
