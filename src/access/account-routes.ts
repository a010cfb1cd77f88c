import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AccountService } from "./account-service.ts";
import { administratorOf, adminOnly, reasonField, usernameParam } from "./admin-routes.ts";
import { callerOf, sessionOf } from "./authenticate.ts";

const password = z.string().min(12, "must be at least 12 characters").max(200);
const accountState = z.object({ username: z.string(), disabled: z.boolean() });

/** Password change (one's own), and an administrator's password reset, disabling and enabling. */
export const accountRoutes: FastifyPluginAsyncZod<{ accounts: AccountService }> = async (
  app,
  { accounts },
) => {
  const tags = ["administration"];

  app.post(
    "/api/me/password",
    {
      config: { access: { actors: ["staff", "citizen", "relative"] } },
      schema: {
        tags: ["access"],
        summary: "Change my password; my other sessions end",
        body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: password }),
        response: { 200: z.object({ endedSessions: z.number() }) },
      },
    },
    async (request) => {
      // Staff who have not chosen a membership yet may change their password too.
      const actor = callerOf(request).actor;
      const session = sessionOf(request);
      return accounts.changeOwnPassword({
        userId: session.userId,
        sessionKey: session.sessionKey,
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        actor: actor?.kind === "staff" ? actor : null,
        requestId: String(request.id),
      });
    },
  );

  app.post(
    "/api/admin/users/:username/password",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Set a new password for a user of my organisation; their sessions end",
        params: usernameParam,
        body: z.object({ password }),
        response: { 200: z.object({ username: z.string() }) },
      },
    },
    async (request) =>
      accounts.resetPassword(
        request.params.username,
        request.body.password,
        administratorOf(request),
      ),
  );

  app.post(
    "/api/admin/users/:username/disable",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Disable a user of my organisation: no login, and their sessions end",
        params: usernameParam,
        body: z.object({ reason: reasonField }),
        response: { 200: accountState },
      },
    },
    async (request) =>
      accounts.disable(request.params.username, administratorOf(request), request.body.reason),
  );

  app.post(
    "/api/admin/users/:username/enable",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Enable a disabled user of my organisation again",
        params: usernameParam,
        response: { 200: accountState },
      },
    },
    async (request) => accounts.enable(request.params.username, administratorOf(request)),
  );
};
