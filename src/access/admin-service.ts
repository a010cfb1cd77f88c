import type { Database } from "../platform/db/database.ts";
import { AppError, invalidFields, notFound } from "../platform/http/errors.ts";
import type { Role } from "./model.ts";
import { hashPassword, randomToken, sha256, TOKEN_PREFIX } from "./secrets.ts";
import * as store from "./store.ts";

export const TOKEN_SCOPES = ["messages:write", "fhir:read", "tasks:write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The database's own rule for usernames (app_user.username). */
export const USERNAME_PATTERN = /^[a-z0-9._@-]{3,100}$/;

export type NewUser = {
  username: string;
  displayName: string;
  kind: "staff" | "citizen" | "relative";
  password?: string;
  citizenId?: string;
  demo?: boolean;
};

/** User, membership and token administration, shared by the admin API and the CLI. */
export function createAdminService(db: Database) {
  async function userOrThrow(username: string) {
    const user = await store.findUserByUsername(db, username.toLowerCase());
    if (!user) throw notFound("user", `User "${username}" was not found`);
    return user;
  }
  async function organisationOrThrow(id: string) {
    const organisation = await store.findOrganisation(db, id);
    if (!organisation) throw notFound("organisation", `Organisation ${id} was not found`);
    return organisation;
  }

  return {
    async createUser(input: NewUser) {
      const username = input.username.toLowerCase();
      // Checked here, not only in the HTTP schema, so the CLI gets a clear refusal too.
      if (!USERNAME_PATTERN.test(username)) {
        throw invalidFields("The username is not valid", [
          {
            in: "body",
            field: "username",
            reason: "must be 3-100 characters of a-z, 0-9, . _ @ -",
            i18n: { key: "admin.usernamePattern" },
          },
        ]);
      }
      if (await store.findUserByUsername(db, username)) {
        throw new AppError("TOV_ERR_CONFLICT", `The username "${username}" is taken`, [], {
          key: "admin.usernameTaken",
          values: { username },
        });
      }
      if (input.password !== undefined && input.password.length < 12) {
        throw invalidFields("The password must be at least 12 characters", [
          {
            in: "body",
            field: "password",
            reason: "must be at least 12 characters",
            i18n: { key: "validation.tooShort", values: { limit: 12 } },
          },
        ]);
      }
      const user = await store.insertUser(db, {
        username,
        displayName: input.displayName,
        kind: input.kind,
        citizenId: input.citizenId ?? null,
        passwordHash: input.password ? await hashPassword(input.password) : null,
        demo: input.demo ?? false,
      });
      return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        kind: user.kind,
      };
    },

    async grant(username: string, organisationId: string, role: Role) {
      const user = await userOrThrow(username);
      if (user.kind !== "staff") {
        throw new AppError(
          "TOV_ERR_VALIDATION",
          "Only staff users hold organisation memberships",
          [],
          { key: "admin.staffOnlyMemberships" },
        );
      }
      const organisation = await organisationOrThrow(organisationId);
      await store.insertMembership(db, { userId: user.id, organisationId, role });
      return { username: user.username, organisation: organisation.name, role };
    },

    async revoke(username: string, organisationId: string, role: Role) {
      const user = await userOrThrow(username);
      const revoked = await store.revokeMembership(db, { userId: user.id, organisationId, role });
      if (revoked === 0)
        throw notFound(
          "membership",
          `An active ${role} membership of ${username} there was not found`,
        );
      return { username: user.username, role };
    },

    async listUsers() {
      const users = await store.listUsers(db);
      return Promise.all(
        users.map(async (u) => ({
          ...u,
          memberships: (await store.activeMemberships(db, u.id)).map((m) => ({
            membershipId: m.membershipId,
            role: m.role,
            organisationId: m.organisation.id,
            organisationName: m.organisation.name,
          })),
        })),
      );
    },

    /** Creates an integration token; the plain value is shown once and only its hash is kept. */
    async createToken(input: {
      name: string;
      organisationId: string;
      scopes: TokenScope[];
      createdBy: string | null;
      expiresAt: Date | null;
    }) {
      if (input.expiresAt && input.expiresAt <= new Date()) {
        throw invalidFields("The expiry must be in the future", [
          {
            in: "body",
            field: "expiresAt",
            reason: "must be in the future",
            i18n: { key: "admin.expiryInFuture" },
          },
        ]);
      }
      await organisationOrThrow(input.organisationId);
      const token = `${TOKEN_PREFIX}${randomToken(32)}`;
      const row = await store.insertToken(db, {
        name: input.name,
        tokenHash: sha256(token),
        organisationId: input.organisationId,
        scopes: [...new Set(input.scopes)],
        createdBy: input.createdBy,
        expiresAt: input.expiresAt,
      });
      return { ...row, token };
    },

    async revokeToken(id: string) {
      if ((await store.revokeToken(db, id, new Date())) === 0)
        throw notFound("token", `Active token ${id} was not found`);
    },

    listTokens: () => store.listTokens(db),
    listOrganisations: () => store.listOrganisations(db),
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
