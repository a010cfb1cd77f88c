import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../access/authenticate.ts";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import { DECLINE_REASONS, declineNoteMissing, UNDO_WINDOW_MINUTES } from "./model.ts";
import type { HandoverService } from "./service.ts";

const tags = ["handovers"];
const staffInCare = {
  access: { actors: ["staff"], roles: ["clinician", "coordinator", "body_lead"] },
} as const;
export const params = z.object({ id: z.uuid({ error: "must be a handover id (uuid)" }) });
export const version = z
  .number({ error: "must be the version read (a whole number)" })
  .int()
  .min(1);
/** The ward's note to the receivers, or a receiver's words with a decision. */
export const noteText = z
  .string()
  .max(TEXT_LIMITS.note, `must be at most ${TEXT_LIMITS.note} characters`);
export const decided = z.object({ id: z.string(), status: z.string(), version: z.number() });
/** A confirmation or decline, and until when its organisation may undo it. */
const decision = decided.extend({ decidedAt: z.string(), undoableUntil: z.string() });

/**
 * A decline names its reason: none is chosen for the receiver, so a missing
 * one is refused (400 naming `reason`); "other" must say why (400 naming `note`).
 */
const declineBody = z
  .object({
    version,
    reason: z.enum(DECLINE_REASONS, {
      error: (issue) =>
        issue.input === undefined
          ? "is required: choose why the handover is declined"
          : `must be one of ${DECLINE_REASONS.join(", ")}`,
    }),
    note: noteText.optional(),
  })
  .superRefine((b, ctx) => {
    if (declineNoteMissing(b.reason, b.note))
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: "is required when the reason is other",
      });
  });

/** Confirming, declining and undoing for the receiver; sending a declined handover on. */
export const decisionRoutes: FastifyPluginAsyncZod<{ handovers: HandoverService }> = async (
  app,
  { handovers },
) => {
  app.post(
    "/api/handovers/:id/confirm",
    {
      config: staffInCare,
      schema: {
        tags,
        summary: "Received, we take over: responsibility moves to the acting organisation",
        params,
        body: z.object({ version, note: noteText.optional() }),
        response: { 200: decision },
      },
    },
    async (request) => handovers.confirm(contextOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/handovers/:id/reroute",
    {
      config: staffInCare,
      schema: {
        tags,
        summary:
          "Send a declined handover on to another receiver (the discharging hospital or the body's coordinators): it opens again with a new deadline",
        params,
        body: z.object({
          version,
          receiverOrganisationId: z.uuid({ error: "must be an organisation id (uuid)" }),
          note: noteText.optional(),
        }),
        response: { 200: decided },
      },
    },
    async (request) => handovers.reroute(contextOf(request), request.params.id, request.body),
  );

  app.get(
    "/api/handovers/:id/receivers",
    {
      config: staffInCare,
      schema: {
        tags,
        summary:
          "Organisations a declined handover can be sent on to (municipalities or practices, by its sector), by name",
        params,
        querystring: z.object({
          name: z
            .string()
            .trim()
            .min(2, "must be at least 2 characters")
            .max(TEXT_LIMITS.searchTerm),
        }),
        response: {
          200: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
        },
      },
    },
    async (request) =>
      handovers.receivers(contextOf(request), request.params.id, request.query.name),
  );

  app.post(
    "/api/handovers/:id/decline",
    {
      config: staffInCare,
      schema: {
        tags,
        summary:
          "Decline with a reason; it goes straight to the discharging hospital and the body coordinator",
        params,
        body: declineBody,
        response: { 200: decision },
      },
    },
    async (request) => handovers.decline(contextOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/handovers/:id/undo",
    {
      config: staffInCare,
      schema: {
        tags,
        summary: `Take back a confirmation or decline: the organisation that made it, within ${UNDO_WINDOW_MINUTES} minutes, while nobody has acted on it since (409 saying why otherwise)`,
        params,
        body: z.object({ version }),
        response: { 200: decided },
      },
    },
    async (request) => handovers.undo(contextOf(request), request.params.id, request.body),
  );
};
