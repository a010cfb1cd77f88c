import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { WebhookKind } from "./model.ts";

/**
 * SQL for webhooks, their deliveries (an outbox: rows written in the
 * handover's own transaction, sent afterwards) and every attempt made.
 * A deleted webhook is kept, marked `disabled_at`, so its deliveries and
 * attempts stay readable for the administrators' trail.
 */

export type WebhookRow = {
  id: string;
  organisationId: string;
  url: string;
  description: string | null;
  events: string[];
  active: boolean;
  createdAt: Date;
  lastDeliveryStatus: string | null;
  lastDeliveryAt: Date | null;
  failingCount: number;
};

const webhookColumns = sql`
  w.id, w.organisation_id as "organisationId", w.url, w.description, w.events, w.active,
  w.created_at as "createdAt",
  last.status as "lastDeliveryStatus",
  coalesce(last.delivered_at, last.created_at) as "lastDeliveryAt",
  (select count(*)::int from webhook_delivery f
    where f.webhook_id = w.id and (f.status = 'failed' or (f.status = 'pending' and f.attempts > 0))
  ) as "failingCount"
`;

const lastDelivery = sql`
  left join lateral (
    select d.status, d.delivered_at, d.created_at from webhook_delivery d
    where d.webhook_id = w.id order by d.created_at desc, d.id desc limit 1
  ) last on true
`;

export async function webhooksOf(db: Database, organisationId: string): Promise<WebhookRow[]> {
  const { rows } = await sql<WebhookRow>`
    select ${webhookColumns} from webhook w ${lastDelivery}
    where w.organisation_id = ${organisationId} and w.disabled_at is null
    order by w.created_at, w.id
  `.execute(db);
  return rows;
}

export async function findWebhook(
  db: Database,
  organisationId: string,
  webhookId: string,
): Promise<WebhookRow | undefined> {
  const { rows } = await sql<WebhookRow>`
    select ${webhookColumns} from webhook w ${lastDelivery}
    where w.id = ${webhookId} and w.organisation_id = ${organisationId} and w.disabled_at is null
  `.execute(db);
  return rows[0];
}

export async function organisationExists(db: Database, organisationId: string) {
  const row = await db
    .selectFrom("organisation")
    .select("id")
    .where("id", "=", organisationId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function countWebhooks(db: Database, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom("webhook")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organisationId", "=", organisationId)
    .where("disabledAt", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertWebhook(
  db: Database,
  w: {
    organisationId: string;
    url: string;
    description: string | null;
    events: WebhookKind[];
    secretSealed: string;
    createdBy: string;
  },
): Promise<string> {
  const row = await db.insertInto("webhook").values(w).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export type WebhookChange = {
  url?: string;
  description?: string | null;
  events?: WebhookKind[];
  active?: boolean;
};

export async function updateWebhook(
  db: Database,
  webhookId: string,
  change: WebhookChange,
  at: Date,
) {
  await db
    .updateTable("webhook")
    .set({ ...change, updatedAt: at })
    .where("id", "=", webhookId)
    .execute();
}

export async function setSecret(db: Database, webhookId: string, secretSealed: string, at: Date) {
  await db
    .updateTable("webhook")
    .set({ secretSealed, updatedAt: at })
    .where("id", "=", webhookId)
    .execute();
}

/** Deleting keeps the trail: the webhook is disabled and what it still owed is given up. */
export async function disableWebhook(db: Database, webhookId: string, at: Date) {
  await db
    .updateTable("webhook")
    .set({ disabledAt: at, active: false, updatedAt: at })
    .where("id", "=", webhookId)
    .execute();
  await db
    .updateTable("webhookDelivery")
    .set({ status: "failed", nextAttemptAt: null, leaseUntil: null })
    .where("webhookId", "=", webhookId)
    .where("status", "=", "pending")
    .execute();
}

export async function insertPing(
  db: Database,
  p: { id: string; webhookId: string; body: string; at: Date },
): Promise<void> {
  await db
    .insertInto("webhookDelivery")
    .values({ id: p.id, webhookId: p.webhookId, kind: "ping", body: p.body, nextAttemptAt: p.at })
    .execute();
}

export type DeliveryRow = {
  id: string;
  kind: string;
  handoverId: string | null;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  nextAttemptAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
};

export async function deliveriesOf(
  db: Database,
  webhookId: string,
  f: { status?: DeliveryRow["status"]; limit: number },
): Promise<DeliveryRow[]> {
  let q = db
    .selectFrom("webhookDelivery as d")
    .leftJoin("notification as n", "n.id", "d.notificationId")
    .select([
      "d.id",
      "d.kind",
      "n.handoverId",
      "d.status",
      "d.attempts",
      "d.nextAttemptAt",
      "d.createdAt",
      "d.deliveredAt",
    ])
    .where("d.webhookId", "=", webhookId);
  if (f.status) q = q.where("d.status", "=", f.status);
  return q.orderBy("d.createdAt", "desc").orderBy("d.id", "desc").limit(f.limit).execute();
}

export async function attemptsOf(db: Database, deliveryIds: string[]) {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom("webhookAttempt")
    .select(["deliveryId", "attemptedAt", "durationMs", "statusCode", "outcome"])
    .where("deliveryId", "in", deliveryIds)
    .orderBy("id")
    .execute();
}

/**
 * Sends a delivery again now (an administrator's retry): a failed one gets one
 * more attempt, a pending one is brought forward. Answers false when the
 * delivery is not this webhook's or was already delivered.
 */
export async function retryNow(db: Database, webhookId: string, deliveryId: string, at: Date) {
  const moved = await db
    .updateTable("webhookDelivery")
    .set({ status: "pending", nextAttemptAt: at, leaseUntil: null })
    .where("id", "=", deliveryId)
    .where("webhookId", "=", webhookId)
    .where("status", "!=", "delivered")
    .returning("id")
    .executeTakeFirst();
  return moved !== undefined;
}

export async function deliveryStatus(db: Database, webhookId: string, deliveryId: string) {
  const row = await db
    .selectFrom("webhookDelivery")
    .select("status")
    .where("id", "=", deliveryId)
    .where("webhookId", "=", webhookId)
    .executeTakeFirst();
  return row?.status;
}

export type ClaimedDelivery = {
  id: string;
  webhookId: string;
  kind: string;
  body: string;
  attempts: number;
  url: string;
  secretSealed: string;
  leaseUntil: Date;
};

/**
 * Takes up to `limit` due deliveries of active webhooks for this worker: each
 * is leased until `leaseUntil`, so another worker (another process) skips it
 * while it is being sent, and takes it again only if this one died mid-send.
 */
export async function claimDue(
  db: Database,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const { rows } = await sql<ClaimedDelivery>`
    with due as (
      select d.id from webhook_delivery d
      join webhook w on w.id = d.webhook_id and w.active and w.disabled_at is null
      where d.status = 'pending' and d.next_attempt_at <= ${now}
        and (d.lease_until is null or d.lease_until < ${now})
      order by d.next_attempt_at
      limit ${limit}
      for update of d skip locked
    )
    update webhook_delivery d set lease_until = ${leaseUntil}
    from due, webhook w
    where d.id = due.id and w.id = d.webhook_id
    returning d.id, d.webhook_id as "webhookId", d.kind, d.body, d.attempts, w.url, w.secret_sealed as "secretSealed",
      d.lease_until as "leaseUntil"
  `.execute(db);
  return rows;
}

/** One attempt as recorded: its HTTP status, or null when there was no HTTP answer (never why). */
export type AttemptRecord = {
  deliveryId: string;
  lease: Date;
  attemptedAt: Date;
  durationMs: number;
  statusCode: number | null;
  outcome: "delivered" | "retry" | "failed";
  nextAttemptAt: Date | null;
};

/**
 * Records one attempt and moves the delivery on, only if this worker still
 * holds the lease it took (a worker that outlived its lease records nothing,
 * so an attempt is never counted twice). Answers whether it was recorded.
 */
export async function recordAttempt(db: Database, r: AttemptRecord): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const moved = await tx
      .updateTable("webhookDelivery")
      .set((eb) => ({
        attempts: eb("attempts", "+", 1),
        status: r.outcome === "retry" ? "pending" : r.outcome,
        nextAttemptAt: r.outcome === "retry" ? r.nextAttemptAt : null,
        leaseUntil: null,
        deliveredAt: r.outcome === "delivered" ? r.attemptedAt : null,
      }))
      .where("id", "=", r.deliveryId)
      .where("leaseUntil", "=", r.lease)
      .returning("id")
      .executeTakeFirst();
    if (!moved) return false;
    await tx
      .insertInto("webhookAttempt")
      .values({
        deliveryId: r.deliveryId,
        attemptedAt: r.attemptedAt,
        durationMs: r.durationMs,
        statusCode: r.statusCode,
        outcome: r.outcome,
      })
      .execute();
    return true;
  });
}
