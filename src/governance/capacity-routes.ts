import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf, contextOf } from "../access/authenticate.ts";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import { capacityCsv } from "./capacity-csv.ts";
import { CAPACITY_SOURCES } from "./capacity-model.ts";
import type { CapacityService } from "./capacity-service.ts";

const tags = ["governance"];
const signedIn = { access: { actors: ["staff", "citizen", "relative"] } } as const;
const publicRead = {
  access: {
    public: true,
    reason:
      "GP capacity per municipality is an aggregate with no personal data, like the indicators",
  },
} as const;
const writers = { access: { actors: ["staff"], roles: ["coordinator", "body_lead"] } } as const;
const bodyParams = z.object({ bodyId: z.string().min(1).max(TEXT_LIMITS.identifier) });
const dateQuery = z.object({
  date: z.iso.date({ error: "must be a date YYYY-MM-DD" }).optional(),
  /** `csv`: the rows as CSV, for a plain download link (as `Accept: text/csv`). */
  format: z.enum(["json", "csv"]).optional(),
});
/** A CSV file of at most about 20,000 practices' rows. */
const CSV_LIMIT = 2 * 1024 * 1024;

/** An area's figures; null (not 0) where no practice in it has a fact: no data. */
const capacity = z.object({
  practices: z.number().nullable(),
  doctors: z.number().nullable(),
  listedPatients: z.number().nullable(),
  patientsPerDoctor: z.number().nullable(),
  closedPractices: z.number().nullable(),
  oldestAsOf: z.string().nullable(),
  newestAsOf: z.string().nullable(),
  sources: z.array(z.enum(CAPACITY_SOURCES)),
  synthetic: z.boolean(),
});
const judged = { capacity, thin: z.boolean() };
const capacityView = z.object({
  body: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  date: z.string(),
  threshold: z.object({
    maxPatientsPerDoctor: z.number(),
    isDefault: z.boolean(),
    setAt: z.string().nullable(),
  }),
  rows: z.array(
    z.object({
      municipalityCode: z.string(),
      municipalityName: z.string(),
      membership: z.enum(["primary", "partial"]),
      ...judged,
    }),
  ),
  total: z.object(judged),
  region: z.object({ code: z.string(), name: z.string(), ...judged }),
  may: z.object({ setRule: z.boolean() }),
});
type CapacityView = z.infer<typeof capacityView>;

function wantsCsv(req: FastifyRequest): boolean {
  if ((req.query as { format?: string }).format)
    return (req.query as { format?: string }).format === "csv";
  const accept = req.headers.accept ?? "";
  return /\btext\/csv\b/.test(accept) && !/\bapplication\/json\b/.test(accept.split(",")[0] ?? "");
}

/** The view as JSON, or its rows as CSV when asked for with `Accept: text/csv`. */
function answer(req: FastifyRequest, reply: FastifyReply, view: CapacityView) {
  if (!wantsCsv(req)) return view;
  return reply
    .type("text/csv; charset=utf-8")
    .header(
      "content-disposition",
      `attachment; filename="gp-capacity-${view.body.id}-${view.date}.csv"`,
    )
    .serializer((payload: unknown) => String(payload))
    .send(capacityCsv(view.rows, view.threshold.maxPatientsPerDoctor));
}

/** GP capacity of a body's municipalities: read (JSON or CSV), the thin rule, the CSV import. */
export const capacityRoutes: FastifyPluginAsyncZod<{ capacity: CapacityService }> = async (
  app,
  { capacity: service },
) => {
  app.addContentTypeParser(
    "text/csv",
    { parseAs: "string", bodyLimit: CSV_LIMIT },
    (_r, body, done) => done(null, body),
  );

  app.get(
    "/api/bodies/:bodyId/gp-capacity",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "GP capacity per municipality of a body, with thin flags (Accept: text/csv for CSV)",
        params: bodyParams,
        querystring: dateQuery,
        response: { 200: capacityView },
      },
    },
    async (req, reply) =>
      answer(
        req,
        reply,
        await service.view(callerOf(req).actor, req.params.bodyId, req.query.date),
      ),
  );

  app.get(
    "/api/public/bodies/:bodyId/gp-capacity",
    {
      config: publicRead,
      schema: {
        tags,
        summary: "GP capacity per municipality of a body, without logging in",
        params: bodyParams,
        querystring: dateQuery,
        response: { 200: capacityView },
      },
    },
    async (req, reply) =>
      answer(req, reply, await service.view(null, req.params.bodyId, req.query.date)),
  );

  app.put(
    "/api/bodies/:bodyId/gp-capacity/rule",
    {
      config: writers,
      schema: {
        tags,
        summary: "The body's thin-area rule: more listed patients per doctor than this is thin",
        params: bodyParams,
        body: z.object({
          maxPatientsPerDoctor: z.number({
            error: "must be a number of listed patients per doctor",
          }),
        }),
        response: { 200: capacityView },
      },
    },
    async (req) => service.setRule(contextOf(req), req.params.bodyId, req.body),
  );

  app.post(
    "/api/bodies/:bodyId/gp-capacity/import",
    {
      config: writers,
      schema: {
        tags,
        summary:
          "Import practices' capacity facts (text/csv: provider_number, doctors, listed_patients, closed_to_new, as_of); all or nothing",
        params: bodyParams,
        body: z.string().max(CSV_LIMIT),
        response: {
          200: z.object({
            facts: z.number(),
            practices: z.number(),
            oldestAsOf: z.string().nullable(),
            newestAsOf: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => service.importCsv(contextOf(req), req.params.bodyId, req.body),
  );
};
