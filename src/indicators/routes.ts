import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Comparison } from "./comparison.ts";
import { toCsv } from "./csv.ts";
import type { IndicatorService } from "./service.ts";

const publicFigures = {
  access: {
    public: true,
    reason: "aggregated indicators are public, with small cells suppressed for everyone",
  },
} as const;
const tags = ["indicators"];

const text = z.object({ da: z.string(), en: z.string() });
const definition = z.object({
  id: z.string(),
  family: z.enum(["population", "loop"]),
  title: text,
  summary: text,
  numerator: text,
  denominator: text,
  valueKind: z.enum(["per-1000", "share", "hours"]),
  higherIsBetter: z.boolean().nullable(),
  ageBands: z.array(z.string()),
  sectors: z.array(z.string()),
  groups: z.array(z.object({ key: z.string(), label: text })),
  attributions: z.array(z.enum(["residence", "practice", "hospital"])),
  standardised: z.boolean(),
  definedBy: z.enum(["national", "tovholder"]),
  nationalDifference: text.nullable(),
  exclusions: z.array(
    z.object({ id: z.string(), label: text, applied: z.boolean(), verified: z.boolean() }),
  ),
  codeLists: z.array(
    z.object({
      id: z.string(),
      label: text,
      verified: z.boolean(),
      source: z.string().nullable(),
      codes: z.array(z.string()),
    }),
  ),
  dayRates: z
    .object({
      regionalPerDay: z.number(),
      statePerDayFirstTwo: z.number(),
      statePerDayFromThird: z.number(),
      priceLevel: z.string(),
      verified: z.boolean(),
    })
    .nullable(),
  sources: z.array(z.object({ title: z.string(), url: z.string().nullable() })),
  settlesAfterDays: z
    .number()
    .int()
    .describe("Days after a period's end before its figures are final"),
});

const unitLevel = z.enum(["municipality", "body", "region", "country", "practice", "hospital"]);
const row = z.object({
  unit: unitLevel,
  code: z.string(),
  name: z.string(),
  bodyKind: z.enum(["sundhedsklynge", "sundhedsraad"]).optional(),
  period: z.string(),
  periodStart: z.string(),
  ageBand: z.string().nullable(),
  sector: z.string().nullable(),
  group: z.string().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  suppressed: z.boolean(),
  standardisedValue: z.number().nullable().optional(),
  amount: z.number().nullable().optional(),
  complete: z
    .boolean()
    .describe("The period has ended and settlesAfterDays have passed: the figures are final"),
});

const date = (what: string) =>
  z.iso.date({ error: "must be a date in the form YYYY-MM-DD" }).optional().describe(what);
const periodKind = z.enum(["month", "quarter", "year"]);
const attribution = z.enum(["residence", "practice", "hospital"]).default("residence");
const idParams = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/, "must be an indicator id such as admissions"),
});
const filters = {
  attribution,
  ageBand: z.string().max(10).optional().describe("An age band, or * for every band"),
  sector: z.enum(["municipality", "general-practice"]).optional(),
  group: z.string().max(40).optional().describe("A group key, or * for every group"),
};
const valuesQuery = z.object({
  unit: unitLevel.default("municipality"),
  code: z.string().max(64).optional(),
  period: periodKind.default("quarter"),
  from: date("Periods whose first day is on or after this date; default: 12 periods back"),
  to: date("Periods whose first day is on or before this date; default: today"),
  ...filters,
});
const funnelQuery = z.object({
  unit: z.enum(["municipality", "body"]).default("municipality"),
  period: periodKind.default("quarter"),
  at: z
    .string()
    .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, "must be a period label such as 2026-Q3")
    .optional(),
  ...filters,
});
const dashboardQuery = z.object({
  body: z.string().regex(/^[a-z0-9-]{1,64}$/, "must be a body id such as hovedstaden-syd"),
  to: date("The last month shown is this date's; default: today"),
});

function wantsCsv(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? "";
  return /\btext\/csv\b/.test(accept) && !/\bapplication\/json\b/.test(accept.split(",")[0] ?? "");
}

function sendCsv(reply: FastifyReply, name: string, body: string) {
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${name}.csv"`)
    .serializer((payload: unknown) => String(payload))
    .send(body);
}

export const indicatorRoutes: FastifyPluginAsyncZod<{
  indicators: IndicatorService;
  comparison: Comparison;
}> = async (app, { indicators, comparison }) => {
  app.get(
    "/api/indicators",
    {
      config: publicFigures,
      schema: {
        tags,
        summary: "The indicators' definition records",
        response: {
          200: z.object({ computedAt: z.date().nullable(), indicators: z.array(definition) }),
        },
      },
    },
    async () => ({
      computedAt: await indicators.computedAt(),
      indicators: indicators.definitions(),
    }),
  );

  app.get(
    "/api/indicators/dashboard",
    {
      config: publicFigures,
      schema: {
        tags,
        summary:
          "A body's own dashboard: 12 months against its region and the country, and its loop",
        querystring: dashboardQuery,
      },
    },
    async (req) => comparison.dashboard(req.query.body, req.query.to),
  );

  app.get(
    "/api/indicators/:id/values",
    {
      config: publicFigures,
      schema: {
        tags,
        summary: "An indicator's values per unit and period (Accept: text/csv for CSV)",
        params: idParams,
        querystring: valuesQuery,
        response: {
          200: z.object({
            indicator: z.string(),
            computedAt: z.date().nullable(),
            unit: unitLevel,
            period: periodKind,
            attribution: z.enum(["residence", "practice", "hospital"]),
            rows: z.array(row),
          }),
        },
      },
    },
    async (req, reply) => {
      const answer = await indicators.values({ indicator: req.params.id, ...req.query });
      if (!wantsCsv(req)) return answer;
      const spec = indicators.specOf(req.params.id);
      return sendCsv(
        reply,
        `${spec.id}-${req.query.unit}-${req.query.period}`,
        toCsv(spec, answer),
      );
    },
  );

  app.get(
    "/api/indicators/:id/funnel",
    {
      config: publicFigures,
      schema: {
        tags,
        summary:
          "A funnel plot: each unit against the national value, with 95 % and 99.8 % limits; " +
          "by default of the last period whose figures are final, and `complete` says whether they are",
        params: idParams,
        querystring: funnelQuery,
      },
    },
    async (req) => comparison.funnel({ indicator: req.params.id, ...req.query }),
  );
};
