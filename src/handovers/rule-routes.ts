import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../access/authenticate.ts";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import type { HandoverService } from "./service.ts";

const tags = ["handovers"];

/** The bodies' handover rules: read, set by the body's coordinators, a carried-over one confirmed. */
export const ruleRoutes: FastifyPluginAsyncZod<{ handovers: HandoverService }> = async (
  app,
  { handovers },
) => {
  const window = z.object({
    start: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "must be a time HH:MM"),
    end: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "must be a time HH:MM"),
  });
  const rule = z.object({
    deadlineMinutes: z
      .number()
      .int()
      .max(14 * 24 * 60),
    hours: z.object({ weekday: window.nullable(), weekend: window.nullable() }),
    ladder: z
      .array(
        z.object({
          afterMinutes: z
            .number()
            .int()
            .max(14 * 24 * 60),
          target: z.enum(["receiver", "body-coordinator", "discharging-department"]),
        }),
      )
      .max(10, "must have at most 10 steps"),
  });
  const ruleView = z.object({
    sector: z.enum(["municipality", "general-practice"]),
    rule,
    isDefault: z.boolean(),
    /** The ended body (a cluster) the rule was carried over from on 1 January 2027. */
    carriedOverFrom: z
      .object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        endedOn: z.string().nullable(),
      })
      .nullable(),
    /** The bodies before it had different rules: the body's coordinators are to confirm this one. */
    needsConfirmation: z.boolean(),
    confirmedAt: z.string().nullable(),
    /** The agreement whose adoption set this rule (src/governance); null when set by hand. */
    setByAgreement: z.object({ id: z.string(), version: z.number(), title: z.string() }).nullable(),
  });
  const body = z.object({ bodyId: z.string().min(1).max(TEXT_LIMITS.identifier) });

  app.get(
    "/api/bodies/:bodyId/handover-rules",
    {
      config: { access: { actors: ["staff"] } },
      schema: {
        tags,
        summary: "A body's handover deadlines and escalation ladders, per receiving sector",
        params: body,
        response: { 200: z.array(ruleView) },
      },
    },
    async (request) => handovers.rulesOf(request.params.bodyId),
  );

  app.put(
    "/api/bodies/:bodyId/handover-rules/:sector",
    {
      config: { access: { actors: ["staff"], roles: ["coordinator", "body_lead"] } },
      schema: {
        tags,
        summary: "Set a body's rule for one receiving sector (the body's coordinators only)",
        params: body.extend({ sector: z.enum(["municipality", "general-practice"]) }),
        body: rule,
        response: { 200: ruleView },
      },
    },
    async (request) =>
      handovers.setRule(
        contextOf(request),
        request.params.bodyId,
        request.params.sector,
        request.body,
      ),
  );

  app.post(
    "/api/bodies/:bodyId/handover-rules/:sector/confirm",
    {
      config: { access: { actors: ["staff"], roles: ["coordinator", "body_lead"] } },
      schema: {
        tags,
        summary:
          "Confirm a rule carried over to the body from the bodies before it, as it is (the body's coordinators only)",
        params: body.extend({ sector: z.enum(["municipality", "general-practice"]) }),
        response: { 200: ruleView },
      },
    },
    async (request) =>
      handovers.confirmRule(contextOf(request), request.params.bodyId, request.params.sector),
  );
};
