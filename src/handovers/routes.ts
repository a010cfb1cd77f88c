import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../access/authenticate.ts";
import { DECLINE_REASONS } from "./model.ts";
import type { HandoverService } from "./service.ts";

const tags = ["handovers"];
const staffInCare = {
  access: { actors: ["staff"], roles: ["clinician", "coordinator", "cluster_lead"] },
} as const;
const params = z.object({ id: z.uuid({ error: "must be a handover id (uuid)" }) });
const version = z.number().int().min(1);
const decided = z.object({ id: z.string(), status: z.string(), version: z.number() });

const item = z.object({
  id: z.string(),
  citizenId: z.string(),
  stayId: z.string(),
  sector: z.enum(["municipality", "general-practice"]),
  status: z.enum(["open", "confirmed", "declined", "closed"]),
  statusReason: z.string().nullable(),
  version: z.number(),
  dischargedAt: z.string(),
  deadlineAt: z.string(),
  overdue: z.boolean(),
  escalationStep: z.number(),
  note: z.string().nullable(),
  receiverName: z.string(),
  dischargingName: z.string().nullable(),
  hospitalId: z.string(),
});

/** Worklists, and confirming or declining a handover for the acting organisation. */
export const handoverRoutes: FastifyPluginAsyncZod<{ handovers: HandoverService }> = async (
  app,
  { handovers },
) => {
  app.get(
    "/api/handovers",
    {
      config: staffInCare,
      schema: {
        tags,
        summary:
          "The acting organisation's worklist: a municipality's or GP's handovers to confirm, a hospital's discharges not yet taken over, a cluster's overdue or declined",
        querystring: z.object({
          status: z
            .string()
            .regex(/^(open|confirmed|declined|closed)(,(open|confirmed|declined|closed))*$/, {
              message: "must be a comma-separated list of open, confirmed, declined, closed",
            })
            .optional(),
          overdue: z.enum(["true", "false"]).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(200),
        }),
        response: { 200: z.object({ items: z.array(item) }) },
      },
    },
    async (request) => {
      const q = request.query;
      const items = await handovers.worklist(contextOf(request), {
        ...(q.status
          ? { statuses: q.status.split(",") as ("open" | "confirmed" | "declined" | "closed")[] }
          : {}),
        overdueOnly: q.overdue === "true",
        limit: q.limit,
      });
      return { items };
    },
  );

  app.post(
    "/api/handovers/:id/confirm",
    {
      config: staffInCare,
      schema: {
        tags,
        summary: "Received, we take over: responsibility moves to the acting organisation",
        params,
        body: z.object({ version, note: z.string().max(2000).optional() }),
        response: { 200: decided },
      },
    },
    async (request) => handovers.confirm(contextOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/handovers/:id/decline",
    {
      config: staffInCare,
      schema: {
        tags,
        summary:
          "Decline with a reason; it goes straight to the discharging hospital and the cluster coordinator",
        params,
        body: z.object({
          version,
          reason: z.enum(DECLINE_REASONS, {
            error: `must be one of ${DECLINE_REASONS.join(", ")}`,
          }),
          note: z.string().max(2000).optional(),
        }),
        response: { 200: decided },
      },
    },
    async (request) => handovers.decline(contextOf(request), request.params.id, request.body),
  );
};
