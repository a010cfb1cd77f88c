import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../access/authenticate.ts";
import { DISCHARGE_ROLES } from "../access/discharge-rule.ts";
import { decided, decisionRoutes, noteText, params, version } from "./decision-routes.ts";
import { ruleRoutes } from "./rule-routes.ts";
import type { HandoverService } from "./service.ts";
import { worklistRoutes } from "./worklist-routes.ts";

const tags = ["handovers"];

/**
 * Every handover route: the worklists (worklist-routes.ts), the bodies' rules
 * (rule-routes.ts), the ward's note, and the decisions (decision-routes.ts).
 * Registered in this order, which the OpenAPI document keeps.
 */
export const handoverRoutes: FastifyPluginAsyncZod<{ handovers: HandoverService }> = async (
  app,
  { handovers },
) => {
  await app.register(worklistRoutes, { handovers });
  await app.register(ruleRoutes, { handovers });

  app.put(
    "/api/handovers/:id/note",
    {
      // The ward's clinicians and its discharge coordinator (src/access/discharge-rule.ts).
      config: { access: { actors: ["staff"], roles: [...DISCHARGE_ROLES] } },
      schema: {
        tags,
        summary:
          "The discharging ward's note to the receivers (what the citizen needs, medication changes, follow-up), on an open handover",
        params,
        body: z.object({
          version,
          note: noteText,
        }),
        response: { 200: decided },
      },
    },
    async (request) => handovers.writeNote(contextOf(request), request.params.id, request.body),
  );

  await app.register(decisionRoutes, { handovers });
};
