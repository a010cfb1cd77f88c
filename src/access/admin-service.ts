import type { Database } from "../platform/db/database.ts";
import { AppError, invalidFields, notFound } from "../platform/http/errors.ts";
import {
  ADMINISTERED_KINDS,
  type AdministrationRefusal,
  membershipRefusal,
  organisationRefusal,
} from "./administration-model.ts";
import {
  type AdministrationEntry,
  type Administrator,
  administrationAudit,
  provenanceOf,
  refusedError,
  scopeOf,
  userIdOf,
} from "./administrator.ts";
import { appendAudit } from "./audit-store.ts";
import type { Role } from "./model.ts";
import { hashPassword, randomToken, sha256, TOKEN_PREFIX } from "./secrets.ts";
import * as store from "./store.ts";

export type { Administrator } from "./administrator.ts";
export { DEMO_SEED, operator } from "./administrator.ts";

export const TOKEN_SCOPES = ["messages:write", "fhir:read", "tasks:write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The database's own rule for usernames (app_user.username). */
export const USERNAME_PATTERN = /^[a-z0-9._@-]{3,100}$/;
export const PASSWORD_MIN = 12;

export type NewUser = {
  username: string;
  displayName: string;
  kind: "staff" | "citizen" | "relative";
  password?: string;
  citizenId?: string;
  demo?: boolean;
};

/** The refusal of a password that is too short, naming the field. */
export function passwordTooShort(field = "password") {
  return invalidFields(`The password must be at least ${PASSWORD_MIN} characters`, [
    {
      in: "body",
      field,
      reason: `must be at least ${PASSWORD_MIN} characters`,
      i18n: { key: "validation.tooShort", values: { limit: PASSWORD_MIN } },
    },
  ]);
}

/**
 * User, membership and token administration, shared by the admin API and the
 * CLI. Every change is audited (who, for whom, what, when, why), in the same
 * transaction as the change; a refusal is audited as denied and changes nothing.
 * An administrator is held to their organisation's tree (model.ts); the operator is not.
 */
export function createAdminService(db: Database, clock: () => Date = () => new Date()) {
  async function userOrThrow(username: string) {
    const user = await store.findUserByUsername(db, username.toLowerCase());
    if (!user) throw notFound("user", `User "${username}" was not found`);
    return user;
  }
  async function chainOrThrow(id: string) {
    const chain = (await store.organisationChains(db, [id])).get(id);
    if (!chain) throw notFound("organisation", `Organisation ${id} was not found`);
    return chain;
  }
  /** Audits a refusal (outside any transaction, so it stays) and throws it. */
  async function refuse(
    by: Administrator,
    refused: AdministrationRefusal,
    entry: Omit<AdministrationEntry, "outcome">,
  ): Promise<never> {
    await appendAudit(db, administrationAudit(by, { ...entry, outcome: "denied" }, clock()));
    throw refusedError(refused);
  }
  /** The change and its audit entry, together or not at all. */
  function audited<T>(
    by: Administrator,
    change: (tx: Database) => Promise<{ result: T; entry: Omit<AdministrationEntry, "outcome"> }>,
  ): Promise<T> {
    return db.transaction().execute(async (tx) => {
      const { result, entry } = await change(tx);
      await appendAudit(tx, administrationAudit(by, { ...entry, outcome: "allowed" }, clock()));
      return result;
    });
  }
  /** Whether an organisation lies in what `by` administers (always, for the operator). */
  async function administers(by: Administrator, organisationIds: string[]) {
    const scope = scopeOf(by);
    if (!scope) return () => true;
    const chains = await store.organisationChains(db, organisationIds);
    return (id: string) => {
      const chain = chains.get(id);
      return chain !== undefined && organisationRefusal(scope, chain) === null;
    };
  }

  async function changeMembership(
    change: "grant" | "revoke",
    input: { username: string; organisationId: string; role: Role; reason?: string | undefined },
    by: Administrator,
  ) {
    const user = await userOrThrow(input.username);
    const chain = await chainOrThrow(input.organisationId);
    const entry = {
      action: change,
      resource: "membership",
      subjectUserId: user.id,
      subjectOrganisationId: input.organisationId,
      grantedRole: input.role,
      reason: input.reason ?? null,
    } as const;
    const scope = scopeOf(by);
    const refused =
      scope &&
      membershipRefusal({ scope, subjectUserId: user.id, chain, role: input.role, change });
    if (refused) await refuse(by, refused, entry);
    return { user, entry };
  }

  return {
    async createUser(input: NewUser, by: Administrator, reason?: string) {
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
      if (input.password !== undefined && input.password.length < PASSWORD_MIN) {
        throw passwordTooShort();
      }
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      const user = await audited(by, async (tx) => {
        const user = await store.insertUser(tx, {
          username,
          displayName: input.displayName,
          kind: input.kind,
          citizenId: input.citizenId ?? null,
          passwordHash,
          demo: input.demo ?? false,
        });
        return {
          result: user,
          entry: { action: "create-user", resource: "user", subjectUserId: user.id, reason },
        };
      });
      return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        kind: user.kind,
      };
    },

    async grant(
      username: string,
      organisationId: string,
      role: Role,
      by: Administrator,
      reason?: string,
    ) {
      const { user, entry } = await changeMembership(
        "grant",
        { username, organisationId, role, reason },
        by,
      );
      if (user.kind !== "staff") {
        throw new AppError(
          "TOV_ERR_VALIDATION",
          "Only staff users hold organisation memberships",
          [],
          { key: "admin.staffOnlyMemberships" },
        );
      }
      const organisation = await store.findOrganisation(db, organisationId);
      await audited(by, async (tx) => {
        const inserted = await store.insertMembership(tx, {
          userId: user.id,
          organisationId,
          role,
          ...provenanceOf(by),
        });
        // Granting a role the user already holds changes nothing: logged without a membership.
        return { result: inserted, entry: { ...entry, membershipId: inserted?.id ?? null } };
      });
      return { username: user.username, organisation: organisation?.name ?? "", role };
    },

    async revoke(
      username: string,
      organisationId: string,
      role: Role,
      by: Administrator,
      reason?: string,
    ) {
      const { user, entry } = await changeMembership(
        "revoke",
        { username, organisationId, role, reason },
        by,
      );
      await audited(by, async (tx) => {
        const membershipId = await store.revokeMembership(tx, {
          userId: user.id,
          organisationId,
          role,
          revokedBy: userIdOf(by),
          at: clock(),
        });
        if (!membershipId)
          throw notFound(
            "membership",
            `An active ${role} membership of ${username} there was not found`,
          );
        return { result: membershipId, entry: { ...entry, membershipId } };
      });
      return { username: user.username, role };
    },

    /**
     * Users and their active memberships. An administrator sees the users with
     * a role in their tree (only those roles) and the users with no role yet,
     * so they can place them; the operator sees everyone.
     */
    async listUsers(by: Administrator) {
      const users = await store.listUsers(db);
      const withMemberships = await Promise.all(
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
      const inScope = await administers(
        by,
        withMemberships.flatMap((u) => u.memberships.map((m) => m.organisationId)),
      );
      return withMemberships.flatMap((u) => {
        // Without a role, only a staff user (one waiting for a grant) is anyone's to see:
        // citizens and relatives are people outside every organisation, the operator's.
        if (u.memberships.length === 0) return u.kind !== "staff" && scopeOf(by) ? [] : [u];
        const shown = u.memberships.filter((m) => inScope(m.organisationId));
        return shown.length > 0 ? [{ ...u, memberships: shown }] : [];
      });
    },

    /** Creates an integration token; the plain value is shown once and only its hash is kept. */
    async createToken(
      input: {
        name: string;
        organisationId: string;
        scopes: TokenScope[];
        expiresAt: Date | null;
      },
      by: Administrator,
    ) {
      if (input.expiresAt && input.expiresAt <= clock()) {
        throw invalidFields("The expiry must be in the future", [
          {
            in: "body",
            field: "expiresAt",
            reason: "must be in the future",
            i18n: { key: "admin.expiryInFuture" },
          },
        ]);
      }
      const chain = await chainOrThrow(input.organisationId);
      const scopes = [...new Set(input.scopes)];
      const entry = {
        action: "create-token",
        resource: "token",
        subjectOrganisationId: input.organisationId,
        scopes,
      } as const;
      const scope = scopeOf(by);
      const refused = scope && organisationRefusal(scope, chain);
      if (refused) await refuse(by, refused, entry);
      const token = `${TOKEN_PREFIX}${randomToken(32)}`;
      const row = await audited(by, async (tx) => {
        const row = await store.insertToken(tx, {
          name: input.name,
          tokenHash: sha256(token),
          organisationId: input.organisationId,
          scopes,
          createdBy: userIdOf(by),
          expiresAt: input.expiresAt,
        });
        return { result: row, entry: { ...entry, subjectTokenId: row.id } };
      });
      return { ...row, token };
    },

    async revokeToken(id: string, by: Administrator, reason?: string) {
      const token = await store.findToken(db, id);
      // A broker's token is the operator's alone (tovholder tokens broker revoke).
      if (!token || token.revokedAt || token.organisationId === null)
        throw notFound("token", `Active token ${id} was not found`);
      const entry = {
        action: "revoke-token",
        resource: "token",
        subjectTokenId: id,
        subjectOrganisationId: token.organisationId,
        scopes: token.scopes,
        reason: reason ?? null,
      } as const;
      const scope = scopeOf(by);
      const refused = scope && organisationRefusal(scope, await chainOrThrow(token.organisationId));
      if (refused) await refuse(by, refused, entry);
      await audited(by, async (tx) => {
        if ((await store.revokeToken(tx, id, clock())) === 0)
          throw notFound("token", `Active token ${id} was not found`);
        return { result: undefined, entry };
      });
    },

    /** The tokens of the organisations `by` administers (all, for the operator). */
    async listTokens(by: Administrator) {
      const tokens = (await store.listTokens(db)).flatMap((t) =>
        t.organisationId === null ? [] : [{ ...t, organisationId: t.organisationId }],
      );
      const inScope = await administers(
        by,
        tokens.map((t) => t.organisationId),
      );
      return tokens.filter((t) => inScope(t.organisationId));
    },

    /** The organisations `by` may grant roles and mint tokens in (all, for the operator). */
    async listOrganisations(by: Administrator) {
      const organisations = await store.listOrganisations(db);
      const scope = scopeOf(by);
      if (!scope) return organisations;
      if (!ADMINISTERED_KINDS.some((k) => k === scope.organisation.kind)) return [];
      const tree = new Set(await store.treeOf(db, scope.organisation.id));
      return organisations.filter(
        (o) => tree.has(o.id) && ADMINISTERED_KINDS.some((k) => k === o.kind),
      );
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
