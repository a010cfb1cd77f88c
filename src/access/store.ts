import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { OrganisationNode } from "./administration-model.ts";
import type { OrganisationRef, Role } from "./model.ts";

/** The access capability's SQL: users, memberships, tokens, break-the-glass (sessions and throttling in session-store.ts, the audit log in audit-store.ts). */

export const organisationColumns = [
  "o.id",
  "o.name",
  "o.kind",
  "o.hospitalId",
  "o.municipalityCode",
  "o.generalPracticeId",
  "o.bodyId",
  "o.regionCode",
] as const;

export async function insertUser(
  db: Database,
  user: {
    username: string;
    displayName: string;
    kind: "staff" | "citizen" | "relative";
    citizenId?: string | null;
    passwordHash?: string | null;
    demo?: boolean;
  },
) {
  return db
    .insertInto("appUser")
    .values({
      username: user.username,
      displayName: user.displayName,
      kind: user.kind,
      citizenId: user.citizenId ?? null,
      passwordHash: user.passwordHash ?? null,
      demo: user.demo ?? false,
      oidcIssuer: null,
      oidcSubject: null,
      disabledAt: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findUserByUsername(db: Database, username: string) {
  return db.selectFrom("appUser").selectAll().where("username", "=", username).executeTakeFirst();
}

export function findUserById(db: Database, id: string) {
  return db.selectFrom("appUser").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findUserByOidc(db: Database, issuer: string, subject: string) {
  return db
    .selectFrom("appUser")
    .selectAll()
    .where("oidcIssuer", "=", issuer)
    .where("oidcSubject", "=", subject)
    .executeTakeFirst();
}

/** Links a not-yet-linked user; false when the user was linked meanwhile (two first logins at once). */
export async function linkOidc(
  db: Database,
  userId: string,
  issuer: string,
  subject: string,
): Promise<boolean> {
  const result = await db
    .updateTable("appUser")
    .set({ oidcIssuer: issuer, oidcSubject: subject })
    .where("id", "=", userId)
    .where("oidcSubject", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setPassword(db: Database, userId: string, passwordHash: string) {
  await db.updateTable("appUser").set({ passwordHash }).where("id", "=", userId).execute();
}

export function listUsers(db: Database) {
  return db
    .selectFrom("appUser")
    .select(["id", "username", "displayName", "kind", "demo", "disabledAt", "createdAt"])
    .orderBy("username")
    .execute();
}

export function listDemoUsers(db: Database) {
  return db
    .selectFrom("appUser")
    .select(["id", "username", "displayName", "kind"])
    .where("demo", "=", true)
    .where("disabledAt", "is", null)
    .orderBy("createdAt")
    .execute();
}

export type MembershipWithOrganisation = {
  membershipId: string;
  role: Role;
  organisation: OrganisationRef;
};

export async function activeMemberships(
  db: Database,
  userId: string,
): Promise<MembershipWithOrganisation[]> {
  const rows = await db
    .selectFrom("membership as m")
    .innerJoin("organisation as o", "o.id", "m.organisationId")
    .select(["m.id as membershipId", "m.role", ...organisationColumns])
    .where("m.userId", "=", userId)
    .where("m.revokedAt", "is", null)
    .orderBy("o.name")
    .orderBy("m.role")
    .execute();
  return rows.map(({ membershipId, role, ...organisation }) => ({
    membershipId,
    role,
    organisation,
  }));
}

/** How a membership came to be: who granted it, for which of their organisations, and how. */
export type GrantProvenance = {
  grantedBy: string | null;
  grantedByOrganisationId: string | null;
  grantedVia: "administrator" | "operator" | "seed";
};

/** The new membership's id; undefined when the user already holds that role there. */
export async function insertMembership(
  db: Database,
  m: { userId: string; organisationId: string; role: Role } & GrantProvenance,
) {
  return db
    .insertInto("membership")
    .values({ ...m, revokedAt: null })
    .onConflict((oc) =>
      oc.columns(["userId", "organisationId", "role"]).where("revokedAt", "is", null).doNothing(),
    )
    .returning("id")
    .executeTakeFirst();
}

/** The revoked membership's id, or undefined when there was no such active membership. */
export async function revokeMembership(
  db: Database,
  m: { userId: string; organisationId: string; role: Role; revokedBy: string | null; at: Date },
): Promise<string | undefined> {
  const row = await db
    .updateTable("membership")
    .set({ revokedAt: m.at, revokedBy: m.revokedBy })
    .where("userId", "=", m.userId)
    .where("organisationId", "=", m.organisationId)
    .where("role", "=", m.role)
    .where("revokedAt", "is", null)
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

/**
 * Each organisation with its ancestors by parent, nearest first: the chain
 * the administration rules (model.ts) check an organisation's tree with.
 * Organisations that do not exist are absent from the map.
 */
export async function organisationChains(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, OrganisationNode[]>> {
  const chains = new Map<string, OrganisationNode[]>();
  if (ids.length === 0) return chains;
  const rows = await sql<{
    startId: string;
    id: string;
    kind: string;
    parentId: string | null;
  }>`
    with recursive chain(start_id, id, kind, parent_id, depth) as (
      select o.id, o.id, o.kind, o.parent_id, 0
      from organisation o where o.id = any(${[...ids]}::uuid[])
      union all
      select c.start_id, p.id, p.kind, p.parent_id, c.depth + 1
      from chain c join organisation p on p.id = c.parent_id
      where c.depth < 16
    )
    select start_id, id, kind, parent_id from chain order by start_id, depth
  `.execute(db);
  for (const r of rows.rows) {
    const chain = chains.get(r.startId) ?? [];
    chain.push({ id: r.id, kind: r.kind, parentId: r.parentId });
    chains.set(r.startId, chain);
  }
  return chains;
}

/** An organisation and its descendants by parent: the tree an administrator of it administers. */
export async function treeOf(db: Database, rootId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    with recursive tree(id, depth) as (
      select id, 0 from organisation where id = ${rootId}::uuid
      union all
      select o.id, t.depth + 1 from organisation o join tree t on o.parent_id = t.id
      where t.depth < 16
    )
    select id from tree
  `.execute(db);
  return rows.rows.map((r) => r.id);
}

export async function setUserDisabled(db: Database, userId: string, at: Date | null) {
  await db.updateTable("appUser").set({ disabledAt: at }).where("id", "=", userId).execute();
}

export async function findOrganisation(
  db: Database,
  id: string,
): Promise<OrganisationRef | undefined> {
  return db
    .selectFrom("organisation as o")
    .select([...organisationColumns])
    .where("o.id", "=", id)
    .executeTakeFirst();
}

export async function insertToken(
  db: Database,
  t: {
    name: string;
    tokenHash: string;
    organisationId: string;
    scopes: string[];
    createdBy: string | null;
    expiresAt: Date | null;
  },
) {
  return db
    .insertInto("apiToken")
    .values({ ...t, revokedAt: null, lastUsedAt: null })
    .returning(["id", "name", "scopes", "expiresAt", "createdAt"])
    .executeTakeFirstOrThrow();
}

export function findToken(db: Database, id: string) {
  return db
    .selectFrom("apiToken")
    .select(["id", "organisationId", "scopes", "revokedAt"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export function findTokenByHash(db: Database, tokenHash: string) {
  return db
    .selectFrom("apiToken")
    .selectAll()
    .where("tokenHash", "=", tokenHash)
    .executeTakeFirst();
}

export async function touchToken(db: Database, id: string, now: Date) {
  await db.updateTable("apiToken").set({ lastUsedAt: now }).where("id", "=", id).execute();
}

export async function revokeToken(db: Database, id: string, now: Date): Promise<number> {
  const r = await db
    .updateTable("apiToken")
    .set({ revokedAt: now })
    .where("id", "=", id)
    // A broker's token is the operator's (broker-tokens.ts), never an administrator's.
    .where("kind", "=", "organisation")
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function listTokens(db: Database) {
  return db
    .selectFrom("apiToken as t")
    .innerJoin("organisation as o", "o.id", "t.organisationId")
    .select([
      "t.id",
      "t.name",
      "t.scopes",
      "t.createdAt",
      "t.expiresAt",
      "t.revokedAt",
      "t.lastUsedAt",
      "t.organisationId",
      "o.name as organisationName",
    ])
    .orderBy("t.createdAt", "desc")
    .execute();
}

export async function insertBreakGlass(
  db: Database,
  g: { userId: string; membershipId: string; citizenId: string; reason: string; expiresAt: Date },
) {
  return db
    .insertInto("breakGlass")
    .values(g)
    .returning(["id", "expiresAt"])
    .executeTakeFirstOrThrow();
}

/** A user's unexpired emergency access to any of these citizens. */
export function activeBreakGlassAmong(
  db: Database,
  userId: string,
  citizenIds: string[],
  now: Date,
) {
  if (citizenIds.length === 0) return Promise.resolve([]);
  return (
    db
      .selectFrom("breakGlass")
      .select(["userId", "citizenId", "reason", "expiresAt"])
      .where("userId", "=", userId)
      // One array parameter, not a list of them, so the statement's text is the same for any
      // number of citizens and its prepared plan is reused.
      .where("citizenId", "=", sql<string>`any(${citizenIds}::uuid[])`)
      .where("expiresAt", ">", now)
      .execute()
  );
}

export function listOrganisations(db: Database) {
  return db
    .selectFrom("organisation")
    .select(["id", "name", "kind"])
    .orderBy("kind")
    .orderBy("name")
    .execute();
}

/** The active memberships at these organisations, with their users' names, oldest first. */
export function activeMembershipsAt(db: Database, organisationIds: string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("membership as m")
    .innerJoin("appUser as u", "u.id", "m.userId")
    .select(["m.id as membershipId", "m.userId", "u.username", "m.organisationId", "m.role"])
    .where("m.organisationId", "in", organisationIds)
    .where("m.revokedAt", "is", null)
    .orderBy("m.grantedAt")
    .orderBy("m.id")
    .execute();
}

/** Revokes one active membership as of `at`; undefined when it was no longer active. */
export async function revokeMembershipById(db: Database, id: string, at: Date) {
  return db
    .updateTable("membership")
    .set({ revokedAt: at, revokedBy: null })
    .where("id", "=", id)
    .where("revokedAt", "is", null)
    .returning("id")
    .executeTakeFirst();
}

/**
 * A membership carried over from an ended body's secretariat, granted as of
 * `at` by no one (`granted_via` carry-over); undefined when the user already
 * holds that role there.
 */
export async function insertCarriedMembership(
  db: Database,
  m: { userId: string; organisationId: string; role: Role; at: Date },
) {
  return db
    .insertInto("membership")
    .values({
      userId: m.userId,
      organisationId: m.organisationId,
      role: m.role,
      grantedAt: m.at,
      revokedAt: null,
      grantedBy: null,
      grantedByOrganisationId: null,
      grantedVia: "carry-over",
    })
    .onConflict((oc) =>
      oc.columns(["userId", "organisationId", "role"]).where("revokedAt", "is", null).doNothing(),
    )
    .returning("id")
    .executeTakeFirst();
}
