import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../access/authenticate.ts";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import { NOT_NEEDED_MIN_REASON } from "./model.ts";
import type { FollowUpService } from "./service.ts";

const tags = ["follow-ups"];
/** The discharging hospital's care staff and the body's coordinators; the service decides whose. */
const careStaff = { access: { actors: ["staff"], roles: ["clinician", "coordinator"] } } as const;
const params = z.object({ id: z.uuid({ error: "must be a follow-up item id (uuid)" }) });
const organisationId = z.uuid({ error: "must be an organisation id (uuid) from the register" });

const resolution = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("outpatient-clinic"), organisationId }),
    z.object({ kind: z.literal("practice"), organisationId }),
    z.object({
      kind: z.literal("not-needed"),
      reason: z
        .string({ error: "is required: say why no medical follow-up is needed" })
        .trim()
        .min(NOT_NEEDED_MIN_REASON, `must say why, in at least ${NOT_NEEDED_MIN_REASON} characters`)
        .max(TEXT_LIMITS.reason, `must be at most ${TEXT_LIMITS.reason} characters`),
    }),
  ],
  { error: "must say who follows up: outpatient-clinic, practice or not-needed" },
);

const item = z.object({
  id: z.string(),
  stayId: z.string(),
  citizenId: z.string(),
  /** Null where no relation gives the reader the name. */
  citizenName: z.string().nullable(),
  status: z.enum(["open", "resolved", "closed"]),
  version: z.number(),
  dischargedAt: z.string(),
  createdAt: z.string(),
  dischargingHospitalId: z.string(),
  hospitalName: z.string(),
  departmentName: z.string().nullable(),
  bodyId: z.string().nullable(),
  resolution: z.enum(["outpatient-clinic", "practice", "not-needed"]).nullable(),
  followUpOrganisationId: z.string().nullable(),
  followUpName: z.string().nullable(),
  reason: z.string().nullable(),
  /** Closed (not resolved): death, stay-cancelled or discharge-cancelled. */
  closedReason: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedByName: z.string().nullable(),
});

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** An item as answered: its times as ISO text. */
function itemView<
  T extends { dischargedAt: Date | string; createdAt: Date | string; resolvedAt: Date | null },
>(r: T) {
  return {
    ...r,
    dischargedAt: new Date(r.dischargedAt).toISOString(),
    createdAt: new Date(r.createdAt).toISOString(),
    resolvedAt: iso(r.resolvedAt),
  };
}

/** Medical follow-up without a GP: the list, the choices, and resolving an item. */
export const followUpRoutes: FastifyPluginAsyncZod<{ followUps: FollowUpService }> = async (
  app,
  { followUps },
) => {
  app.get(
    "/api/follow-ups",
    {
      config: careStaff,
      schema: {
        tags,
        summary:
          "Discharges without a listed GP: 'Ingen praktiserende læge — hvem følger op?', for the discharging hospital and the body's coordinators",
        querystring: z.object({
          status: z
            .enum(["open", "resolved"], { error: "must be open or resolved" })
            .default("open"),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: {
          200: z.object({
            items: z.array(item),
            total: z.number(),
            limit: z.number(),
            offset: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const { status, limit, offset } = request.query;
      const page = await followUps.list(contextOf(request), status, { limit, offset });
      return {
        items: page.items.map(itemView),
        total: page.total,
        limit,
        offset,
      };
    },
  );

  app.get(
    "/api/follow-ups/:id",
    {
      config: careStaff,
      schema: {
        tags,
        summary:
          "One item in any state, for the discharging hospital and the body answering for it: where its notifications lead",
        params,
        response: { 200: item },
      },
    },
    async (request) => itemView(await followUps.item(contextOf(request), request.params.id)),
  );

  app.get(
    "/api/follow-ups/:id/clinics",
    {
      config: careStaff,
      schema: {
        tags,
        summary: "The discharging hospital's own departments, where its outpatient clinics are",
        params,
        response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) },
      },
    },
    async (request) => followUps.clinics(contextOf(request), request.params.id),
  );

  app.get(
    "/api/follow-ups/practices",
    {
      config: careStaff,
      schema: {
        tags,
        summary: "General practices of the organisation register by name or provider number",
        querystring: z.object({
          q: z
            .string({ error: "is required: part of the practice's name or provider number" })
            .trim()
            .min(2, "must be at least 2 characters")
            .max(TEXT_LIMITS.searchTerm, `must be at most ${TEXT_LIMITS.searchTerm} characters`),
        }),
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              providerNumber: z.string(),
              municipalityCode: z.string(),
            }),
          ),
        },
      },
    },
    async (request) => followUps.practices(request.query.q),
  );

  app.post(
    "/api/follow-ups/:id/resolve",
    {
      config: careStaff,
      schema: {
        tags,
        summary:
          "Name who follows up (the hospital's own outpatient clinic or a practice), or record why none is needed",
        params,
        body: z.object({
          version: z.number({ error: "must be the version read (a whole number)" }).int().min(0),
          resolution,
        }),
        response: {
          200: z.object({
            id: z.string(),
            status: z.string(),
            version: z.number(),
            resolvedAt: z.string(),
          }),
        },
      },
    },
    async (request) => {
      const done = await followUps.resolve(contextOf(request), request.params.id, request.body);
      return { ...done, resolvedAt: done.resolvedAt.toISOString() };
    },
  );
};
