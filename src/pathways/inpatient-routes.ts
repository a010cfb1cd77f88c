import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../access/authenticate.ts";
import type { Inpatients } from "./inpatients.ts";

/** The hospital's current inpatients and expected discharges. */
export const inpatientRoutes: FastifyPluginAsyncZod<{ inpatients: Inpatients }> = async (
  app,
  { inpatients },
) => {
  app.get(
    "/api/inpatients",
    {
      config: { access: { actors: ["staff"], roles: ["clinician", "coordinator"] } },
      schema: {
        tags: ["pathways"],
        summary:
          "The hospital's (or the department's) current inpatients, medically ready first: find whom to discharge without a CPR number",
        querystring: z.object({
          ready: z
            .enum(["true", "false"], { error: "must be true or false" })
            .default("false")
            .describe("true: only those medically ready for discharge (the expected discharges)"),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                stayId: z.string(),
                citizenId: z.string(),
                citizenName: z.string().nullable(),
                status: z.enum(["admitted", "on-leave"]),
                admittedAt: z.string(),
                departmentName: z.string().nullable(),
                medicallyReadyAt: z.string().nullable(),
                canDischarge: z.boolean(),
              }),
            ),
            total: z.number(),
            limit: z.number(),
            offset: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const { ready, limit, offset } = request.query;
      const page = await inpatients.list(contextOf(request), {
        readyOnly: ready === "true",
        limit,
        offset,
      });
      return { ...page, limit, offset };
    },
  );
};
