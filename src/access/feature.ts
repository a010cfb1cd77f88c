import type { FastifyPluginAsync } from "fastify";
import type { PersonalDataCipher } from "../citizens/crypto.ts";
import { citizenRoutes } from "../citizens/routes.ts";
import { createCitizenService } from "../citizens/service.ts";
import type { Config } from "../platform/config.ts";
import type { Database } from "../platform/db/database.ts";
import { accountRoutes } from "./account-routes.ts";
import { createAccountService } from "./account-service.ts";
import { adminRoutes } from "./admin-routes.ts";
import { createAdminService } from "./admin-service.ts";
import { createAuthenticator, createDenialAuditor } from "./authenticate.ts";
import { createCitizenAccess } from "./citizen-access.ts";
import { defaultThrottlePolicy } from "./model.ts";
import { createOidcClient } from "./oidc.ts";
import { oidcRoutes } from "./oidc-routes.ts";
import { accessRoutes } from "./routes.ts";
import { createSessionService } from "./session-service.ts";

/** Wires the access capability (and the citizen registry it guards) into the app. */
export function createAccessFeature(
  db: Database,
  cipher: PersonalDataCipher,
  config: Pick<Config, "demo" | "session" | "access" | "oidc"> &
    Partial<Pick<Config, "oidcCookieSecret">>,
  clock: () => Date = () => new Date(),
) {
  const sessions = createSessionService(
    db,
    { session: config.session, throttle: defaultThrottlePolicy },
    clock,
  );
  const citizenAccess = createCitizenAccess(db, config.access, clock);
  const citizens = createCitizenService(db, cipher, citizenAccess, clock);
  const admin = createAdminService(db);
  const accounts = createAccountService(db);
  const plugins: FastifyPluginAsync[] = [
    async (app) => {
      await app.register(accessRoutes, {
        db,
        sessions,
        citizenAccess,
        demo: config.demo,
        oidcEnabled: config.oidc !== undefined,
        cookie: {
          secure: config.session.secureCookie,
          maxAgeSeconds: config.session.absoluteHours * 3600,
        },
      });
    },
    async (app) => {
      await app.register(oidcRoutes, {
        db,
        sessions,
        client: config.oidc ? createOidcClient(config.oidc, config.oidcCookieSecret) : undefined,
        cookie: {
          secure: config.session.secureCookie,
          maxAgeSeconds: config.session.absoluteHours * 3600,
        },
      });
    },
    async (app) => {
      await app.register(adminRoutes, { admin });
      await app.register(accountRoutes, { accounts });
    },
    async (app) => {
      await app.register(citizenRoutes, { citizens });
    },
  ];
  return {
    sessions,
    citizenAccess,
    citizens,
    admin,
    authenticate: createAuthenticator(sessions),
    onDenied: createDenialAuditor(citizenAccess),
    plugins,
  };
}
