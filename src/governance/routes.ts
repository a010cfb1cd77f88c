import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf, contextOf } from "../access/authenticate.ts";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import { agreementList, agreementView, contentInput, status, version } from "./schemas.ts";
import type { GovernanceService } from "./service.ts";

const tags = ["governance"];
const signedIn = { access: { actors: ["staff", "citizen", "relative"] } } as const;
const publicRead = {
  access: {
    public: true,
    reason: "councils are public bodies: adopted agreements and those marked public are open",
  },
} as const;
/** Members of a body act through its secretariat; the service checks which body and role. */
const members = {
  access: { actors: ["staff"], roles: ["coordinator", "body_lead", "citizen_representative"] },
} as const;
const bodyParams = z.object({ bodyId: z.string().min(1).max(TEXT_LIMITS.identifier) });
const params = z.object({ id: z.uuid({ error: "must be an agreement id (uuid)" }) });

/** A body's agreements on who does what: read, draft, edit, take through the lifecycle, comment. */
export const governanceRoutes: FastifyPluginAsyncZod<{ governance: GovernanceService }> = async (
  app,
  { governance },
) => {
  app.get(
    "/api/bodies/:bodyId/agreements",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "A body's agreements (and its predecessors'), as the signed-in reader may see them",
        params: bodyParams,
        response: { 200: agreementList },
      },
    },
    async (request) => governance.agreementsOf(callerOf(request).actor, request.params.bodyId),
  );

  app.get(
    "/api/public/bodies/:bodyId/agreements",
    {
      config: publicRead,
      schema: {
        tags,
        summary: "A body's adopted agreements and those marked public, without logging in",
        params: bodyParams,
        response: { 200: agreementList },
      },
    },
    async (request) => governance.agreementsOf(null, request.params.bodyId),
  );

  app.get(
    "/api/agreements/:id",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "An agreement: its current version, versions, steps and comments",
        params,
        response: { 200: agreementView },
      },
    },
    async (request) => governance.agreement(callerOf(request).actor, request.params.id),
  );

  app.get(
    "/api/public/agreements/:id",
    {
      config: publicRead,
      schema: {
        tags,
        summary: "An adopted or public agreement, without logging in",
        params,
        response: { 200: agreementView },
      },
    },
    async (request) => governance.agreement(null, request.params.id),
  );

  app.post(
    "/api/bodies/:bodyId/agreements",
    {
      config: members,
      schema: {
        tags,
        summary: "Draft a new agreement (the body's coordinators and lead)",
        params: bodyParams,
        body: contentInput,
        response: { 201: agreementView },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return governance.create(contextOf(request), request.params.bodyId, request.body);
    },
  );

  app.put(
    "/api/agreements/:id",
    {
      config: members,
      schema: {
        tags,
        summary:
          "A new version of a draft or an agreement in consultation (409 on a stale version)",
        params,
        body: contentInput.extend({ version }),
        response: { 200: agreementView },
      },
    },
    async (request) => governance.edit(contextOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/agreements/:id/steps",
    {
      config: members,
      schema: {
        tags,
        summary:
          "The next step: consultation, approved (professional), adopted (political), in force, ended",
        params,
        body: z.object({ version, to: status }),
        response: { 200: agreementView },
      },
    },
    async (request) => governance.step(contextOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/agreements/:id/comments",
    {
      config: members,
      schema: {
        tags,
        summary: "A member's comment during consultation, kept with the version read",
        params,
        body: z.object({ version, text: z.string().max(TEXT_LIMITS.note) }),
        response: { 200: agreementView },
      },
    },
    async (request) => governance.comment(contextOf(request), request.params.id, request.body),
  );
};
