import type { FastifyContextConfig } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf, contextOf } from "../access/authenticate.ts";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import {
  evaluation,
  initiativeEffect,
  initiativeInput,
  initiativeList,
  initiativeStatus,
  initiativeView,
} from "./initiative-schemas.ts";
import type { InitiativeService } from "./initiative-service.ts";
import { version } from "./schemas.ts";

const tags = ["governance"];
const signedIn = { access: { actors: ["staff", "citizen", "relative"] } } as const;
const publicRead = {
  access: {
    public: true,
    reason: "a body's initiatives marked public are open, with their effect",
  },
} as const;
const members = {
  access: { actors: ["staff"], roles: ["coordinator", "body_lead", "citizen_representative"] },
} as const;
const bodyParams = z.object({ bodyId: z.string().min(1).max(TEXT_LIMITS.identifier) });
const params = z.object({ id: z.uuid({ error: "must be an initiative id (uuid)" }) });

/** A body's initiatives as experiments: read, create, edit, move through their status, effect. */
export const initiativeRoutes: FastifyPluginAsyncZod<{ initiatives: InitiativeService }> = async (
  app,
  { initiatives },
) => {
  const reads: [string, FastifyContextConfig, string][] = [
    ["", signedIn, "signed in"],
    ["/public", publicRead, "without logging in (those marked public)"],
  ];
  for (const [prefix, config, who] of reads) {
    const actorOf = (request: Parameters<typeof callerOf>[0]) =>
      prefix === "" ? callerOf(request).actor : null;
    app.get(
      `/api${prefix}/bodies/:bodyId/initiatives`,
      {
        config,
        schema: {
          tags,
          summary: `A body's initiatives (and its predecessors'), ${who}`,
          params: bodyParams,
          response: { 200: initiativeList },
        },
      },
      async (request) => initiatives.initiativesOf(actorOf(request), request.params.bodyId),
    );
    app.get(
      `/api${prefix}/initiatives/:id`,
      {
        config,
        schema: {
          tags,
          summary: `An initiative with its milestones, budget and versions, ${who}`,
          params,
          response: { 200: initiativeView },
        },
      },
      async (request) => initiatives.initiative(actorOf(request), request.params.id),
    );
    app.get(
      `/api${prefix}/initiatives/:id/effect`,
      {
        config,
        schema: {
          tags,
          summary: `The target indicator before and after, participants against comparison, ${who}`,
          params,
          response: { 200: initiativeEffect },
        },
      },
      async (request) => initiatives.effect(actorOf(request), request.params.id),
    );
  }

  app.post(
    "/api/bodies/:bodyId/initiatives",
    {
      config: members,
      schema: {
        tags,
        summary: "Plan a new initiative (the body's coordinators and lead)",
        params: bodyParams,
        body: initiativeInput,
        response: { 201: initiativeView },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return initiatives.create(contextOf(request), request.params.bodyId, request.body);
    },
  );

  app.put(
    "/api/initiatives/:id",
    {
      config: members,
      schema: {
        tags,
        summary: "A new version of an initiative that is not finished (409 on a stale version)",
        params,
        body: initiativeInput.extend({ version }),
        response: { 200: initiativeView },
      },
    },
    async (request) => initiatives.edit(contextOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/initiatives/:id/status",
    {
      config: members,
      schema: {
        tags,
        summary: "The next status: running, then finished with an evaluation",
        params,
        body: z.object({ version, to: initiativeStatus, evaluation: evaluation.nullish() }),
        response: { 200: initiativeView },
      },
    },
    async (request) => initiatives.step(contextOf(request), request.params.id, request.body),
  );
};
