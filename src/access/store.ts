import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { OrganisationRef, Role } from "./model.ts";

/** The access capability's SQL: users, memberships, tokens, break-the-glass (sessions and throttling in session-store.ts, the audit log in audit-store.ts). */

export const organisationColumns = [
  "o.id",
  "o.name",
  "o.kind",
  "o.hospitalId",
  "o.municipalityCode",
  "o.generalPracticeId",
  "o.clusterId",
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

export async function insertMembership(
  db: Database,
  m: { userId: string; organisationId: string; role: Role },
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

export async function revokeMembership(
  db: Database,
  m: { userId: string; organisationId: string; role: Role },
): Promise<number> {
  const result = await db
    .updateTable("membership")
    .set({ revokedAt: new Date() })
    .where("userId", "=", m.userId)
    .where("organisationId", "=", m.organisationId)
    .where("role", "=", m.role)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
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
