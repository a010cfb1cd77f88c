import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../access/authenticate.ts";
import { DELIVERY_MODES } from "./cards.ts";
import { IN_APP_KINDS } from "./model.ts";
import type { NotificationService } from "./service.ts";
import { webhookRoutes } from "./webhook-routes.ts";

const tags = ["notifications"];
const anyStaff = { access: { actors: ["staff"] } } as const;

/**
 * A notification about a handover; or (kinds follow-up.*) about a medical
 * follow-up item without a GP, then `followUpId` and the card's `followUp`
 * say which; or (kind body.rules-to-confirm) about the handover rules carried
 * over to the acting body, which await its coordinators' confirmation, then
 * `body` and `rules` say which. The fields of the other kinds are null.
 */
const notification = z.object({
  id: z.string(),
  kind: z.enum(IN_APP_KINDS),
  handoverId: z.string().nullable(),
  sector: z.enum(["municipality", "general-practice"]).nullable(),
  status: z.enum(["open", "confirmed", "declined", "closed"]).nullable(),
  deadlineAt: z.string().nullable(),
  step: z.number().nullable(),
  target: z.enum(["receiver", "body-coordinator", "discharging-department"]).nullable(),
  reason: z.string().nullable(),
  body: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
  rules: z
    .array(
      z.object({
        sector: z.enum(["municipality", "general-practice"]),
        carriedOverFrom: z.object({ id: z.string(), name: z.string() }),
      }),
    )
    .nullable(),
  followUpId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

/**
 * A follow-up card's item: its state as the latest event told it (`reason`
 * of "none needed" is not here: it is read on the item), and once resolved
 * who follows up, who resolved it, for which organisation, and when.
 */
const followUp = z.object({
  id: z.string(),
  status: z.enum(["open", "resolved", "closed"]),
  dischargedAt: z.string(),
  resolution: z.enum(["outpatient-clinic", "practice", "not-needed"]).nullable(),
  /** Closed: death, stay-cancelled or discharge-cancelled. */
  closedReason: z.string().nullable(),
  followUpName: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  resolvedByOrganisationName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});

/** One event folded into a card. `step` is the ladder step's index (0 is the rules page's "Trin 1"). */
const historyEntry = z.object({
  id: z.string(),
  kind: z.enum(IN_APP_KINDS),
  step: z.number().nullable(),
  target: z.enum(["receiver", "body-coordinator", "discharging-department"]).nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});

/**
 * A card: one handover's notifications folded, told by its latest (the
 * fields of `notification`; its id is the latest's). `step` is the ladder
 * step's index (0 is the rules page's "Trin 1").
 */
const card = notification.extend({
  /** How many notifications the card folds. */
  count: z.number(),
  /** The latest of them (at most 10), newest first. */
  history: z.array(historyEntry),
  /** The citizen, only where the acting organisation has a relation (the read is audited). */
  citizenName: z.string().nullable(),
  receiverName: z.string().nullable(),
  /** The discharging department. */
  dischargingName: z.string().nullable(),
  hospitalName: z.string().nullable(),
  /** The kind of the body responsible for the handover (sundhedsklynge, sundhedsraad). */
  bodyKind: z.string().nullable(),
  /** A follow-up item's card: the item (the parties are `hospitalName` and `dischargingName`). */
  followUp: followUp.nullable(),
  /** Where in the app the card leads: the handover on the worklist, the follow-up item, or the body's rules. */
  link: z.string().nullable(),
});

/** A daily digest: the cards of what happened from `from` to `to` (when it was made). */
const digest = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  /** How many cards it holds in all (it lists at most 50). */
  cardCount: z.number(),
  unread: z.boolean(),
  cards: z.array(card),
});

const delivery = z.enum(DELIVERY_MODES, {
  error: `must be one of ${DELIVERY_MODES.join(", ")}`,
});
const preferences = z.object({
  delivery,
  /** The Danish wall-clock time the daily digest is made, "HH:MM". */
  digestTime: z.string(),
  nextDigestAt: z.string(),
});

/** The acting organisation's notifications (its administrators' webhooks: webhook-routes.ts). */
export const notificationRoutes: FastifyPluginAsyncZod<{
  notifications: NotificationService;
}> = async (app, { notifications }) => {
  app.get(
    "/api/notifications",
    {
      config: anyStaff,
      schema: {
        tags,
        summary:
          "The acting organisation's notifications of the last 30 days as this person takes them: cards (one per handover, newest first) or daily digests of cards, with this person's read markers; names only where the organisation has a relation",
        querystring: z.object({
          unread: z.enum(["true", "false"]).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({
            delivery,
            /** The cards (single notifications); empty when the person takes the digest. */
            items: z.array(card),
            /** The digests, newest first; empty when the person takes single notifications. */
            digests: z.array(digest),
            /** Unread cards, or unread digests. */
            unreadCount: z.number(),
            nextDigestAt: z.string().nullable(),
          }),
        },
      },
    },
    async (request) =>
      notifications.notifications(contextOf(request), {
        unreadOnly: request.query.unread === "true",
        limit: request.query.limit,
      }),
  );

  app.get(
    "/api/notifications/unread-count",
    {
      config: anyStaff,
      schema: {
        tags,
        summary:
          "How many cards (or, for a person who takes the digest, digests) are unread; names no citizen",
        response: { 200: z.object({ unreadCount: z.number(), delivery }) },
      },
    },
    async (request) => notifications.unreadCount(contextOf(request)),
  );

  app.post(
    "/api/notifications/read",
    {
      config: anyStaff,
      schema: {
        tags,
        summary:
          "Mark as read for this person: the given cards (by id; each with its earlier history), a digest's period, or all",
        body: z.union(
          [
            z.object({ all: z.literal(true) }).strict(),
            z.object({
              ids: z
                .array(z.uuid({ error: "must be notification ids" }))
                .min(1)
                .max(500),
            }),
            z.object({
              period: z.object({
                from: z.iso.datetime({ offset: true, error: "must be a date and time" }),
                to: z.iso.datetime({ offset: true, error: "must be a date and time" }),
              }),
            }),
          ],
          { error: "must be { ids: [...] }, { period: { from, to } } or { all: true }" },
        ),
        response: { 200: z.object({ unreadCount: z.number() }) },
      },
    },
    async (request) => {
      const b = request.body;
      return notifications.markRead(
        contextOf(request),
        "period" in b
          ? { period: { from: new Date(b.period.from), to: new Date(b.period.to) } }
          : b,
      );
    },
  );

  app.get(
    "/api/notifications/preferences",
    {
      config: anyStaff,
      schema: {
        tags,
        summary: "This person's choice: single notifications or a daily digest",
        response: { 200: preferences },
      },
    },
    async (request) => notifications.preferences(contextOf(request)),
  );

  app.put(
    "/api/notifications/preferences",
    {
      config: anyStaff,
      schema: {
        tags,
        summary:
          "Choose single notifications or a daily digest (made at 07:00 Danish time, holding the day before)",
        body: z.object({ delivery }).strict(),
        response: { 200: preferences },
      },
    },
    async (request) => notifications.setPreferences(contextOf(request), request.body),
  );

  await app.register(webhookRoutes, { notifications });
};
