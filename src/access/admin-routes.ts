import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import { type AdminService, TOKEN_SCOPES } from "./admin-service.ts";
import type { Administrator } from "./administrator.ts";
import { contextOf } from "./authenticate.ts";
import { ROLES } from "./model.ts";

export const adminOnly = { access: { actors: ["staff"], roles: ["administrator"] } } as const;
export const usernameParam = z.object({
  username: z.string().regex(/^[a-z0-9._@-]{3,100}$/, "must be a username (a-z, 0-9, . _ @ -)"),
});
/** Why, when the person gives a reason: kept in the audit log with the change. */
export const reasonField = z.string().trim().min(1).max(500);
const membershipBody = z.object({
  organisationId: z.uuid({ error: "must be an organisation id (uuid)" }),
  role: z.enum(ROLES),
  reason: reasonField.optional(),
});

/** The administrator a request acts as (the guard let only administrators in). */
export function administratorOf(request: FastifyRequest): Administrator {
  const ctx = contextOf(request);
  if (ctx.actor.kind !== "staff") throw new Error("the guard lets only staff administrators in");
  return { kind: "administrator", actor: ctx.actor, requestId: ctx.requestId };
}

export const adminRoutes: FastifyPluginAsyncZod<{ admin: AdminService }> = async (
  app,
  { admin },
) => {
  const tags = ["administration"];

  app.get(
    "/api/admin/users",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Users and their active memberships",
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              username: z.string(),
              displayName: z.string(),
              kind: z.string(),
              demo: z.boolean(),
              disabled: z.boolean(),
              memberships: z.array(
                z.object({
                  membershipId: z.string(),
                  role: z.string(),
                  organisationId: z.string(),
                  organisationName: z.string(),
                }),
              ),
            }),
          ),
        },
      },
    },
    async (request) =>
      (await admin.listUsers(administratorOf(request))).map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        kind: u.kind,
        demo: u.demo,
        disabled: u.disabledAt !== null,
        memberships: u.memberships,
      })),
  );

  app.post(
    "/api/admin/users",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Create a staff or relative user",
        body: z.object({
          username: usernameParam.shape.username,
          displayName: z.string().trim().min(1).max(TEXT_LIMITS.name),
          kind: z.enum(["staff", "relative"]),
          password: z
            .string()
            .min(12, "must be at least 12 characters")
            .max(TEXT_LIMITS.password)
            .optional(),
          reason: reasonField.optional(),
        }),
        response: {
          201: z.object({
            id: z.string(),
            username: z.string(),
            displayName: z.string(),
            kind: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { reason, ...user } = request.body;
      return reply.status(201).send(await admin.createUser(user, administratorOf(request), reason));
    },
  );

  app.post(
    "/api/admin/users/:username/memberships",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Grant a role in an organisation",
        params: usernameParam,
        body: membershipBody,
        response: {
          201: z.object({ username: z.string(), organisation: z.string(), role: z.string() }),
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await admin.grant(
            request.params.username,
            request.body.organisationId,
            request.body.role,
            administratorOf(request),
            request.body.reason,
          ),
        ),
  );

  app.post(
    "/api/admin/users/:username/memberships/revoke",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Revoke a role in an organisation",
        params: usernameParam,
        body: membershipBody,
        response: { 200: z.object({ username: z.string(), role: z.string() }) },
      },
    },
    async (request) =>
      admin.revoke(
        request.params.username,
        request.body.organisationId,
        request.body.role,
        administratorOf(request),
        request.body.reason,
      ),
  );

  app.get(
    "/api/admin/organisations",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Organisations to grant memberships in: the acting one and the units under it",
        response: {
          200: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
        },
      },
    },
    async (request) => admin.listOrganisations(administratorOf(request)),
  );

  app.get(
    "/api/admin/tokens",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "The integration tokens of the organisations administered (never their values)",
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              organisationName: z.string(),
              scopes: z.array(z.string()),
              createdAt: z.string(),
              expiresAt: z.string().nullable(),
              revokedAt: z.string().nullable(),
              lastUsedAt: z.string().nullable(),
            }),
          ),
        },
      },
    },
    async (request) =>
      (await admin.listTokens(administratorOf(request))).map(({ organisationId: _, ...t }) => ({
        ...t,
        createdAt: t.createdAt.toISOString(),
        expiresAt: t.expiresAt?.toISOString() ?? null,
        revokedAt: t.revokedAt?.toISOString() ?? null,
        lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      })),
  );

  app.post(
    "/api/admin/tokens",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Create an integration token; its value is shown once",
        body: z.object({
          name: z.string().trim().min(1).max(TEXT_LIMITS.name),
          organisationId: z.uuid({ error: "must be an organisation id (uuid)" }),
          scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
          expiresAt: z.iso.datetime({ offset: true }).optional(),
        }),
        response: {
          201: z.object({ id: z.string(), token: z.string(), scopes: z.array(z.string()) }),
        },
      },
    },
    async (request, reply) => {
      const created = await admin.createToken(
        {
          name: request.body.name,
          organisationId: request.body.organisationId,
          scopes: request.body.scopes,
          expiresAt: request.body.expiresAt ? new Date(request.body.expiresAt) : null,
        },
        administratorOf(request),
      );
      return reply
        .status(201)
        .send({ id: created.id, token: created.token, scopes: created.scopes });
    },
  );

  app.post(
    "/api/admin/tokens/:id/revoke",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Revoke an integration token",
        params: z.object({ id: z.uuid({ error: "must be a token id (uuid)" }) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await admin.revokeToken(request.params.id, administratorOf(request));
      return reply.status(204).send(null);
    },
  );
};
