import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../access/authenticate.ts";
import { CARE_ROLES } from "../access/model.ts";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import type { CitizenService } from "./service.ts";

const citizenId = z.object({
  id: z.uuid({ error: "must be a citizen id (uuid)" }),
});

/** Care staff with a relation, the citizen themself, and relatives with consent. */
export const readsCitizen = {
  access: { actors: ["staff", "citizen", "relative"], roles: CARE_ROLES, citizen: "relation" },
} as const;

/** A citizen as the API shows it; the pathway view extends it. */
export const citizenView = z.object({
  id: z.string(),
  name: z.string(),
  cpr: z.string(),
  birthDate: z.string(),
  sex: z.enum(["female", "male"]),
  synthetic: z.boolean(),
  homeMunicipality: z.object({ code: z.string(), name: z.string() }).nullable(),
  listedPractice: z
    .object({ id: z.string(), name: z.string(), providerNumber: z.string() })
    .nullable(),
});

export const citizenRoutes: FastifyPluginAsyncZod<{ citizens: CitizenService }> = async (
  app,
  { citizens },
) => {
  const tags = ["citizens"];

  app.get(
    "/api/citizens/:id",
    {
      config: readsCitizen,
      schema: {
        tags,
        summary: "A citizen's basic data (needs a current relation; audited)",
        params: citizenId,
        querystring: z.object({ purpose: z.string().max(TEXT_LIMITS.shortText).optional() }),
        response: { 200: citizenView },
      },
    },
    async (request) => citizens.get(contextOf(request), request.params.id, request.query.purpose),
  );

  app.post(
    "/api/citizens/search",
    {
      config: { access: { actors: ["staff"], roles: CARE_ROLES, citizen: "relation" } },
      schema: {
        tags,
        summary: "Find a citizen by CPR number (sent in the body, never the URL; audited)",
        body: z.object({
          cpr: z.string().min(1).max(20),
          purpose: z.string().max(TEXT_LIMITS.shortText).optional(),
        }),
        response: { 200: z.object({ results: z.array(z.object({ id: z.string() })) }) },
      },
    },
    async (request) => ({
      results: await citizens.searchByCpr(
        contextOf(request),
        request.body.cpr,
        request.body.purpose,
      ),
    }),
  );

  app.post(
    "/api/citizens/:id/break-the-glass",
    {
      config: { access: { actors: ["staff"], roles: CARE_ROLES, citizen: "relation" } },
      schema: {
        tags,
        summary:
          "Emergency access to a citizen without a relation: needs a reason, expires, flagged",
        params: citizenId,
        body: z.object({
          reason: z
            .string()
            .min(10, "must state the reason (10+ characters)")
            .max(TEXT_LIMITS.reason),
        }),
        response: { 201: z.object({ id: z.string(), expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const grant = await citizens.breakGlass(
        contextOf(request),
        request.params.id,
        request.body.reason,
      );
      return reply.status(201).send({ id: grant.id, expiresAt: grant.expiresAt.toISOString() });
    },
  );

  const consent = z.object({
    id: z.string(),
    relativeUsername: z.string(),
    relativeName: z.string(),
    grantedAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  });
  const iso = (d: Date | null) => d?.toISOString() ?? null;

  app.get(
    "/api/me/consents",
    {
      config: { access: { actors: ["citizen"], citizen: "relation" } },
      schema: {
        tags,
        summary: "My consents to relatives",
        response: { 200: z.array(consent) },
      },
    },
    async (request) =>
      (await citizens.myConsents(contextOf(request))).map((c) => ({
        ...c,
        grantedAt: c.grantedAt.toISOString(),
        expiresAt: iso(c.expiresAt),
        revokedAt: iso(c.revokedAt),
      })),
  );

  app.post(
    "/api/me/consents",
    {
      config: { access: { actors: ["citizen"], citizen: "relation" } },
      schema: {
        tags,
        summary: "Give a relative access to my data",
        body: z.object({
          relativeUsername: z.string().min(3).max(TEXT_LIMITS.username),
          expiresAt: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const { relativeUsername, expiresAt } = request.body;
      const created = await citizens.giveConsent(
        contextOf(request),
        relativeUsername,
        expiresAt ? new Date(expiresAt) : null,
      );
      return reply.status(201).send({ id: created.id });
    },
  );

  app.post(
    "/api/me/consents/:id/revoke",
    {
      config: { access: { actors: ["citizen"], citizen: "relation" } },
      schema: {
        tags,
        summary: "Withdraw a consent",
        params: z.object({ id: z.uuid({ error: "must be a consent id (uuid)" }) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await citizens.withdrawConsent(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/me/citizens",
    {
      config: { access: { actors: ["citizen", "relative"], citizen: "relation" } },
      schema: {
        tags,
        summary: "The citizens I may act for: myself, or those who gave me consent",
        response: { 200: z.array(z.object({ id: z.string() })) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return ctx.actor.kind === "citizen"
        ? [{ id: ctx.actor.citizenId }]
        : citizens.citizensOfRelative(ctx);
    },
  );
};
