import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import type { DatabaseHandle } from "../db/database.ts";
import { sendUnavailable } from "./error-handler.ts";

const publicProbe = { access: { public: true, reason: "liveness/readiness probe" } } as const;

export const healthRoutes: FastifyPluginAsyncZod<{ database: DatabaseHandle }> = async (
  app,
  { database },
) => {
  app.get(
    "/healthz",
    {
      config: publicProbe,
      schema: {
        tags: ["platform"],
        summary: "Liveness: the process is up",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/readyz",
    {
      config: publicProbe,
      schema: {
        tags: ["platform"],
        summary: "Readiness: the database answers",
        response: {
          200: z.object({ status: z.literal("ready"), engine: z.enum(["pglite", "postgres"]) }),
        },
      },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(database.db);
        return { status: "ready" as const, engine: database.engine };
      } catch (err) {
        request.log.warn({ err }, "readiness check failed");
        return sendUnavailable(request, reply);
      }
    },
  );
};
