import { randomBytes, randomUUID } from "node:crypto";
import type { CitizenAccess, RequestContext } from "../access/citizen-access.ts";
import type { StaffActor } from "../access/model.ts";
import type { PersonalDataCipher } from "../citizens/crypto.ts";
import type { CitizenService } from "../citizens/service.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError, invalidFields, notFound } from "../platform/http/errors.ts";
import * as cardStore from "./card-store.ts";
import { cardView, digestsOf, preferencesView } from "./card-view.ts";
import { type DeliveryMode, digestBounds, nextDigestAt } from "./cards.ts";
import {
  attemptResultOf,
  DEFAULT_WEBHOOK_EVENTS,
  formatSecret,
  MAX_WEBHOOKS_PER_ORGANISATION,
  pingPayload,
  UNREAD_WINDOW_DAYS,
  type WebhookKind,
} from "./model.ts";
import { createTargetGuard, type TargetGuard, type TargetPolicy } from "./outbound.ts";
import * as store from "./store.ts";
import * as hooks from "./webhook-store.ts";

/**
 * In-app notifications for the acting organisation (read markers per person),
 * and the webhooks an organisation's administrators configure, with every
 * delivery and attempt for them to see. Notifications are stored with ids
 * and the handover's state only; the cards a person reads name the citizen
 * where the acting organisation has a relation, read through the access
 * rules and audited like any other read of a name.
 */
export function createNotificationService(deps: {
  db: Database;
  cipher: PersonalDataCipher;
  access: CitizenAccess;
  /** Names the citizens on the cards, through the relation rules (each read audited). */
  citizens: Pick<CitizenService, "namesFor">;
  clock?: () => Date;
  /** Which webhook hosts may be reached, and how names are looked up (the same as the delivery's). */
  targets?: TargetPolicy;
}) {
  const { db, cipher, access, citizens } = deps;
  const clock = deps.clock ?? (() => new Date());
  const guard = createTargetGuard(deps.targets);

  async function feedOf(ctx: RequestContext): Promise<store.Feed> {
    const actor = staffOf(ctx);
    return {
      addressees: await store.audienceOf(db, actor.organisation.id),
      userId: actor.userId,
      since: new Date(clock().getTime() - UNREAD_WINDOW_DAYS * 24 * 3600 * 1000),
    };
  }

  /** The feed as this person takes it: with digest bounds when the digest is chosen. */
  async function cardFeedOf(ctx: RequestContext) {
    const feed = await feedOf(ctx);
    const delivery = await cardStore.deliveryOf(db, feed.userId);
    const bounds = delivery === "daily-digest" ? digestBounds(feed.since, clock()) : null;
    return { ...feed, delivery, bounds };
  }

  /**
   * The cards as shown: each with its handover's parties, and the citizen's
   * name where the acting organisation has a relation (one audited read per
   * citizen, as on the worklist).
   */
  async function namedCards(ctx: RequestContext, rows: cardStore.CardRow[]) {
    const handoverIds = rows.flatMap((r) => (r.handoverId ? [r.handoverId] : []));
    const itemIds = rows.flatMap((r) => (r.followUpId ? [r.followUpId] : []));
    const [handovers, followUps] = await Promise.all([
      cardStore.handoverFacts(db, handoverIds),
      cardStore.followUpFacts(db, itemIds),
    ]);
    const facts = new Map(handovers.map((f) => [f.id, f]));
    const items = new Map(followUps.map((f) => [f.id, f]));
    const names = await citizens.namesFor(
      ctx,
      [...new Set([...handovers, ...followUps].map((f) => f.citizenId))],
      "notifications",
    );
    return rows.map((r) =>
      cardView(
        r,
        r.handoverId ? (facts.get(r.handoverId) ?? null) : null,
        r.followUpId ? (items.get(r.followUpId) ?? null) : null,
        names,
      ),
    );
  }

  /** Webhooks are the organisation's own: only its administrators, acting for it, see or change them. */
  async function adminOf(ctx: RequestContext, organisationId: string, action: string) {
    const actor = ctx.actor;
    // Organisations are public (the register); one that does not exist is simply not found.
    if (!(await hooks.organisationExists(db, organisationId))) throw notFound("organisation");
    if (
      actor.kind !== "staff" ||
      actor.role !== "administrator" ||
      actor.organisation.id !== organisationId
    )
      throw await access.deny(
        ctx,
        null,
        { action, resource: "webhook" },
        new AppError(
          "TOV_ERR_FORBIDDEN",
          "Only an administrator acting for the organisation can manage its webhooks",
          [],
          { key: "webhooks.adminOnly" },
        ),
      );
    return actor;
  }

  async function webhookOf(organisationId: string, webhookId: string) {
    const row = await hooks.findWebhook(db, organisationId, webhookId);
    if (!row) throw notFound("webhook");
    return row;
  }

  /** One of the organisation's webhooks, for its administrator. */
  async function ownWebhook(
    ctx: RequestContext,
    organisationId: string,
    webhookId: string,
    action: string,
  ) {
    await adminOf(ctx, organisationId, action);
    return webhookOf(organisationId, webhookId);
  }

  function newSecret() {
    const secret = formatSecret(randomBytes(32));
    return { secret, sealed: cipher.encrypt(secret) };
  }

  return {
    /**
     * The acting organisation's notifications as this person takes them:
     * folded cards, or (having chosen the digest) the daily digests, each
     * holding its day's cards. The unread count counts what is listed.
     */
    async notifications(ctx: RequestContext, q: { unreadOnly: boolean; limit: number }) {
      const feed = await cardFeedOf(ctx);
      const [rows, unread] = await Promise.all([
        cardStore.listCards(db, { ...feed, ...q }),
        cardStore.unreadCards(db, feed),
      ]);
      const cards = await namedCards(ctx, rows);
      const now = clock();
      const digests = feed.bounds ? digestsOf(feed.bounds, rows, cards) : [];
      return {
        delivery: feed.delivery,
        items: feed.bounds ? [] : cards,
        digests,
        unreadCount: unread,
        nextDigestAt: feed.bounds ? nextDigestAt(now).toISOString() : null,
      };
    },

    /** How many cards (or digests) are unread: the header's badge. Reads no name. */
    async unreadCount(ctx: RequestContext) {
      const feed = await cardFeedOf(ctx);
      return { unreadCount: await cardStore.unreadCards(db, feed), delivery: feed.delivery };
    },

    /**
     * Marks as read for this person: cards (a card's id is its latest
     * notification's; its history is read with it), a digest's period, or all.
     */
    async markRead(
      ctx: RequestContext,
      which: { ids: string[] } | { all: true } | { period: { from: Date; to: Date } },
    ) {
      const feed = await cardFeedOf(ctx);
      const at = clock();
      if ("all" in which) await store.markRead(db, { ...feed, ids: "all", at });
      else if ("ids" in which) await cardStore.markCardsRead(db, { ...feed, ids: which.ids, at });
      else await cardStore.markPeriodRead(db, { ...feed, ...which.period, at });
      return { unreadCount: await cardStore.unreadCards(db, feed) };
    },

    async preferences(ctx: RequestContext) {
      const actor = staffOf(ctx);
      return preferencesView(await cardStore.deliveryOf(db, actor.userId), clock());
    },

    /** A person's own choice: single notifications or the daily digest. */
    async setPreferences(ctx: RequestContext, input: { delivery: DeliveryMode }) {
      const actor = staffOf(ctx);
      await cardStore.setDelivery(db, actor.userId, input.delivery, clock());
      return preferencesView(input.delivery, clock());
    },

    async webhooks(ctx: RequestContext, organisationId: string) {
      await adminOf(ctx, organisationId, "list");
      return (await hooks.webhooksOf(db, organisationId)).map(webhookView);
    },

    async addWebhook(ctx: RequestContext, organisationId: string, input: WebhookInput) {
      const actor = await adminOf(ctx, organisationId, "create");
      await checkUrl(guard, input.url);
      return db.transaction().execute(async (tx) => {
        // Serialises concurrent adds for one organisation, so the limit holds.
        await tx
          .selectFrom("organisation")
          .select("id")
          .where("id", "=", organisationId)
          .forUpdate()
          .execute();
        if ((await hooks.countWebhooks(tx, organisationId)) >= MAX_WEBHOOKS_PER_ORGANISATION)
          throw new AppError(
            "TOV_ERR_CONFLICT",
            `An organisation can have at most ${MAX_WEBHOOKS_PER_ORGANISATION} webhooks; delete one first`,
            [],
            { key: "webhooks.tooMany", values: { max: MAX_WEBHOOKS_PER_ORGANISATION } },
          );
        const { secret, sealed } = newSecret();
        const id = await hooks.insertWebhook(tx, {
          organisationId,
          url: input.url,
          description: input.description ?? null,
          events: input.events ?? DEFAULT_WEBHOOK_EVENTS,
          secretSealed: sealed,
          createdBy: actor.userId,
        });
        const row = await hooks.findWebhook(tx, organisationId, id);
        if (!row) throw new Error("a webhook just added was not found");
        return { webhook: webhookView(row), secret };
      });
    },

    async changeWebhook(
      ctx: RequestContext,
      organisationId: string,
      webhookId: string,
      change: hooks.WebhookChange,
    ) {
      await ownWebhook(ctx, organisationId, webhookId, "change");
      if (change.url !== undefined) await checkUrl(guard, change.url);
      await hooks.updateWebhook(db, webhookId, change, clock());
      return webhookView(await webhookOf(organisationId, webhookId));
    },

    async deleteWebhook(ctx: RequestContext, organisationId: string, webhookId: string) {
      await ownWebhook(ctx, organisationId, webhookId, "delete");
      await db.transaction().execute((tx) => hooks.disableWebhook(tx, webhookId, clock()));
    },

    /** A new secret, shown once; the old one stops signing at once. */
    async rotateSecret(ctx: RequestContext, organisationId: string, webhookId: string) {
      await ownWebhook(ctx, organisationId, webhookId, "rotate-secret");
      const { secret, sealed } = newSecret();
      await hooks.setSecret(db, webhookId, sealed, clock());
      return { secret };
    },

    /** A test delivery, sent by the delivery loop like any other and recorded the same way. */
    async ping(ctx: RequestContext, organisationId: string, webhookId: string) {
      const webhook = await ownWebhook(ctx, organisationId, webhookId, "ping");
      if (!webhook.active)
        throw new AppError(
          "TOV_ERR_CONFLICT",
          "The webhook is switched off; switch it on to test it",
          [],
          { key: "webhooks.switchedOff" },
        );
      const id = randomUUID();
      const at = clock();
      const body = JSON.stringify(pingPayload(id, webhookId, organisationId, at));
      await hooks.insertPing(db, { id, webhookId, body, at });
      return { deliveryId: id };
    },

    async deliveries(
      ctx: RequestContext,
      organisationId: string,
      webhookId: string,
      f: { status?: hooks.DeliveryRow["status"]; limit: number },
    ) {
      await ownWebhook(ctx, organisationId, webhookId, "list-deliveries");
      const rows = await hooks.deliveriesOf(db, webhookId, f);
      const attempts = await hooks.attemptsOf(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        handoverId: r.handoverId,
        status: r.status,
        attempts: r.attempts,
        nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
        deliveredAt: r.deliveredAt?.toISOString() ?? null,
        attemptLog: attempts
          .filter((a) => a.deliveryId === r.id)
          .map((a) => ({
            at: a.attemptedAt.toISOString(),
            durationMs: a.durationMs,
            statusCode: a.statusCode,
            result: attemptResultOf(a.statusCode),
            outcome: a.outcome,
          })),
      }));
    },

    async retryDelivery(
      ctx: RequestContext,
      organisationId: string,
      webhookId: string,
      deliveryId: string,
    ) {
      await ownWebhook(ctx, organisationId, webhookId, "retry-delivery");
      if (await hooks.retryNow(db, webhookId, deliveryId, clock())) return { deliveryId };
      const status = await hooks.deliveryStatus(db, webhookId, deliveryId);
      if (!status) throw notFound("delivery");
      throw new AppError("TOV_ERR_CONFLICT", "The delivery has already been delivered", [], {
        key: "webhooks.alreadyDelivered",
      });
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;

export type WebhookInput = {
  url: string;
  description?: string | null;
  events?: WebhookKind[];
};

function staffOf(ctx: RequestContext): StaffActor {
  if (ctx.actor.kind !== "staff")
    throw new AppError(
      "TOV_ERR_FORBIDDEN",
      "Notifications are for staff acting for an organisation",
      [],
      { key: "notifications.staffOnly" },
    );
  return ctx.actor;
}

/** Refuses a URL that may not be saved: its form, or an address its host has now (any internal one). */
async function checkUrl(guard: TargetGuard, url: string) {
  const problem = await guard.problemOf(url);
  if (problem)
    throw invalidFields(`The webhook URL ${problem.reason}`, [
      { in: "body", field: "url", ...problem },
    ]);
}

function webhookView(r: hooks.WebhookRow) {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    events: r.events,
    active: r.active,
    createdAt: new Date(r.createdAt).toISOString(),
    lastDelivery:
      r.lastDeliveryStatus && r.lastDeliveryAt
        ? { status: r.lastDeliveryStatus, at: new Date(r.lastDeliveryAt).toISOString() }
        : null,
    failingCount: r.failingCount,
  };
}
