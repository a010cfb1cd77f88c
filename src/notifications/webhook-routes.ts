import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../access/authenticate.ts";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import { WEBHOOK_KINDS } from "./model.ts";
import type { NotificationService } from "./service.ts";

const tags = ["notifications"];
const administrators = { access: { actors: ["staff"], roles: ["administrator"] } } as const;

const organisationParams = z.object({
  organisationId: z.uuid({ error: "must be an organisation id (uuid)" }),
});
const webhookParams = organisationParams.extend({
  webhookId: z.uuid({ error: "must be a webhook id (uuid)" }),
});
const deliveryParams = webhookParams.extend({
  deliveryId: z.uuid({ error: "must be a delivery id (uuid)" }),
});

const kind = z.enum(WEBHOOK_KINDS, {
  error: `must be one of ${WEBHOOK_KINDS.join(", ")}`,
});
const events = z
  .array(kind)
  .min(1, "choose at least one event")
  .transform((list) => [...new Set(list)]);
const url = z
  .string()
  .trim()
  .min(1, "is required")
  .max(TEXT_LIMITS.url, `must be at most ${TEXT_LIMITS.url} characters`);
const description = z
  .string()
  .trim()
  .max(TEXT_LIMITS.shortText, `must be at most ${TEXT_LIMITS.shortText} characters`);

const webhook = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  lastDelivery: z.object({ status: z.string(), at: z.string() }).nullable(),
  /** Deliveries that have failed, or are being retried after a failure. */
  failingCount: z.number(),
});

const webhookDelivery = z.object({
  id: z.string(),
  kind: z.string(),
  handoverId: z.string().nullable(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  attemptLog: z.array(
    z.object({
      at: z.string(),
      durationMs: z.number(),
      /** The HTTP status; null when there was no HTTP answer. */
      statusCode: z.number().nullable(),
      /** delivered (2xx), http-status (any other status) or failed (no HTTP answer; why is not told). */
      result: z.enum(["delivered", "http-status", "failed"]),
      /** What became of the delivery: delivered, retry (it will be tried again) or failed (given up). */
      outcome: z.string(),
    }),
  ),
});

/** An organisation's webhooks and their deliveries, for its administrators. */
export const webhookRoutes: FastifyPluginAsyncZod<{
  notifications: NotificationService;
}> = async (app, { notifications }) => {
  app.get(
    "/api/organisations/:organisationId/webhooks",
    {
      config: administrators,
      schema: {
        tags,
        summary: "The organisation's webhooks (its administrators)",
        params: organisationParams,
        response: { 200: z.array(webhook) },
      },
    },
    async (request) => notifications.webhooks(contextOf(request), request.params.organisationId),
  );

  app.post(
    "/api/organisations/:organisationId/webhooks",
    {
      config: administrators,
      schema: {
        tags,
        summary:
          "Add a webhook; the answer holds its signing secret, shown this once (https only; http only to localhost)",
        params: organisationParams,
        body: z.object({ url, description: description.optional(), events: events.optional() }),
        response: { 201: z.object({ webhook, secret: z.string() }) },
      },
    },
    async (request, reply) => {
      const created = await notifications.addWebhook(
        contextOf(request),
        request.params.organisationId,
        request.body,
      );
      return reply.code(201).send(created);
    },
  );

  app.patch(
    "/api/organisations/:organisationId/webhooks/:webhookId",
    {
      config: administrators,
      schema: {
        tags,
        summary: "Change a webhook's address, description or events, or switch it on or off",
        params: webhookParams,
        body: z
          .object({
            url: url.optional(),
            description: description.nullable().optional(),
            events: events.optional(),
            active: z.boolean().optional(),
          })
          .strict()
          .refine(
            (b) => Object.keys(b).length > 0,
            "change at least one of url, description, events, active",
          ),
        response: { 200: webhook },
      },
    },
    async (request) =>
      notifications.changeWebhook(
        contextOf(request),
        request.params.organisationId,
        request.params.webhookId,
        request.body,
      ),
  );

  app.delete(
    "/api/organisations/:organisationId/webhooks/:webhookId",
    {
      config: administrators,
      schema: {
        tags,
        summary: "Delete a webhook: nothing more is sent; its deliveries stay in the record",
        params: webhookParams,
      },
    },
    async (request, reply) => {
      await notifications.deleteWebhook(
        contextOf(request),
        request.params.organisationId,
        request.params.webhookId,
      );
      return reply.code(204).send();
    },
  );

  app.post(
    "/api/organisations/:organisationId/webhooks/:webhookId/rotate-secret",
    {
      config: administrators,
      schema: {
        tags,
        summary: "A new signing secret, shown this once; the old one stops signing at once",
        params: webhookParams,
        response: { 200: z.object({ secret: z.string() }) },
      },
    },
    async (request) =>
      notifications.rotateSecret(
        contextOf(request),
        request.params.organisationId,
        request.params.webhookId,
      ),
  );

  app.post(
    "/api/organisations/:organisationId/webhooks/:webhookId/ping",
    {
      config: administrators,
      schema: {
        tags,
        summary: "Send a test delivery (type `ping`), recorded like any other",
        params: webhookParams,
        response: { 202: z.object({ deliveryId: z.string() }) },
      },
    },
    async (request, reply) => {
      const sent = await notifications.ping(
        contextOf(request),
        request.params.organisationId,
        request.params.webhookId,
      );
      return reply.code(202).send(sent);
    },
  );

  app.get(
    "/api/organisations/:organisationId/webhooks/:webhookId/deliveries",
    {
      config: administrators,
      schema: {
        tags,
        summary: "A webhook's deliveries, newest first, each with every attempt made",
        params: webhookParams,
        querystring: z.object({
          status: z.enum(["pending", "delivered", "failed"]).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(webhookDelivery) },
      },
    },
    async (request) =>
      notifications.deliveries(
        contextOf(request),
        request.params.organisationId,
        request.params.webhookId,
        request.query,
      ),
  );

  app.post(
    "/api/organisations/:organisationId/webhooks/:webhookId/deliveries/:deliveryId/retry",
    {
      config: administrators,
      schema: {
        tags,
        summary: "Send a delivery again now (a failed one gets one more attempt)",
        params: deliveryParams,
        response: { 202: z.object({ deliveryId: z.string() }) },
      },
    },
    async (request, reply) => {
      const p = request.params;
      const sent = await notifications.retryDelivery(
        contextOf(request),
        p.organisationId,
        p.webhookId,
        p.deliveryId,
      );
      return reply.code(202).send(sent);
    },
  );
};
