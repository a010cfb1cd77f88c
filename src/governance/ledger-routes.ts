import type { FastifyContextConfig, FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../access/authenticate.ts";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import { INITIATIVE_STATUSES } from "./initiative-model.ts";
import { ledgerCsv } from "./ledger-csv.ts";
import type { LedgerService, LedgerView } from "./ledger-service.ts";
import { PARTY_SECTORS, STATUSES } from "./model.ts";

const tags = ["governance"];
const signedIn = { access: { actors: ["staff", "citizen", "relative"] } } as const;
const publicRead = {
  access: {
    public: true,
    reason:
      "the money of a body's adopted and public agreements and public initiatives is open, like the agreements",
  },
} as const;
const bodyParams = z.object({ bodyId: z.string().min(1).max(TEXT_LIMITS.identifier) });
const ledgerQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, { error: "must be a year YYYY" })
    .transform(Number)
    .refine((y) => y >= 2000 && y <= 2100, { error: "must be a year from 2000 to 2100" })
    .optional(),
  /** `csv`: the rows as CSV, for a plain download link (as `Accept: text/csv`). */
  format: z.enum(["json", "csv"]).optional(),
});

const party = z.object({
  sector: z.enum(PARTY_SECTORS).nullable(),
  organisation: z.string().nullable(),
});
const ledgerView = z.object({
  body: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  year: z.number(),
  computedOn: z.string(),
  rows: z.array(
    z.object({
      source: z.enum(["agreement", "initiative"]),
      id: z.string(),
      title: z.string(),
      status: z.enum([...STATUSES, ...INITIATIVE_STATUSES]),
      task: z.string().nullable(),
      direction: z.enum(["committed", "transferred"]),
      party,
      to: party.nullable(),
      kind: z.enum(["money", "staff"]),
      amountOre: z.number().nullable(),
      fteHundredths: z.number().nullable(),
      fteYearHundredths: z.number().nullable(),
      days: z.number(),
      daysInYear: z.number(),
      indicatorIds: z.array(z.string()),
    }),
  ),
  parties: z.array(z.object({ party, amountOre: z.number(), fteYearHundredths: z.number() })),
  flows: z.array(
    z.object({
      from: z.enum(PARTY_SECTORS).nullable(),
      to: z.enum(PARTY_SECTORS).nullable(),
      amountOre: z.number(),
      fteYearHundredths: z.number(),
    }),
  ),
});

function wantsCsv(req: FastifyRequest): boolean {
  const format = (req.query as { format?: string }).format;
  if (format) return format === "csv";
  const accept = req.headers.accept ?? "";
  return /\btext\/csv\b/.test(accept) && !/\bapplication\/json\b/.test(accept.split(",")[0] ?? "");
}

/** The ledger as JSON, or as CSV when asked for with `Accept: text/csv` or `?format=csv`. */
function answer(req: FastifyRequest, reply: FastifyReply, view: LedgerView) {
  if (!wantsCsv(req)) return view;
  return reply
    .type("text/csv; charset=utf-8")
    .header(
      "content-disposition",
      `attachment; filename="oekonomi-${view.body.id}-${view.year}.csv"`,
    )
    .serializer((payload: unknown) => String(payload))
    .send(ledgerCsv(view));
}

/** "Money that follows the task": a body's ledger of a year (issue 22, section 4). */
export const ledgerRoutes: FastifyPluginAsyncZod<{ ledger: LedgerService }> = async (
  app,
  { ledger },
) => {
  const reads: [string, FastifyContextConfig, string][] = [
    ["", signedIn, "signed in"],
    [
      "/public",
      publicRead,
      "without logging in (adopted and public agreements, public initiatives)",
    ],
  ];
  for (const [prefix, config, who] of reads) {
    app.get(
      `/api${prefix}/bodies/:bodyId/ledger`,
      {
        config,
        schema: {
          tags,
          summary: `A body's ledger of a year: money and staff per party and between sectors, ${who} (Accept: text/csv for CSV)`,
          params: bodyParams,
          querystring: ledgerQuery,
          response: { 200: ledgerView },
        },
      },
      async (req, reply) =>
        answer(
          req,
          reply,
          await ledger.ledger(
            prefix === "" ? callerOf(req).actor : null,
            req.params.bodyId,
            req.query.year,
          ),
        ),
    );
  }
};
