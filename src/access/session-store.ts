import type { Database } from "../platform/db/database.ts";
import type { ThrottleState } from "./model.ts";
import { organisationColumns } from "./store.ts";

/** SQL for sessions (only a hash of the cookie value is kept) and login throttling. */

export async function insertSession(
  db: Database,
  s: {
    id: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    activeMembershipId: string | null;
    loginMethod: "password" | "oidc";
    /** The service's clock, not the database's: idle and absolute limits are judged by it. */
    openedAt: Date;
  },
) {
  await db
    .insertInto("userSession")
    .values({
      id: s.id,
      userId: s.userId,
      csrfToken: s.csrfToken,
      expiresAt: s.expiresAt,
      activeMembershipId: s.activeMembershipId,
      loginMethod: s.loginMethod,
      createdAt: s.openedAt,
      lastSeenAt: s.openedAt,
      endedAt: null,
    })
    .execute();
}

/**
 * A session with its user and its active membership (with the organisation),
 * in one round trip: every signed-in request asks this first.
 */
export async function findSessionWithActor(db: Database, id: string) {
  const row = await db
    .selectFrom("userSession as s")
    .innerJoin("appUser as u", "u.id", "s.userId")
    .leftJoin("membership as m", (join) =>
      join
        .onRef("m.id", "=", "s.activeMembershipId")
        .onRef("m.userId", "=", "s.userId")
        .on("m.revokedAt", "is", null),
    )
    .leftJoin("organisation as o", "o.id", "m.organisationId")
    .select([
      "s.id as sessionId",
      "s.csrfToken",
      "s.lastSeenAt",
      "s.expiresAt",
      "s.endedAt",
      "u.id as userId",
      "u.username",
      "u.displayName",
      "u.kind as userKind",
      "u.citizenId",
      "u.disabledAt",
      "m.id as membershipId",
      "m.role",
      ...organisationColumns,
    ])
    .where("s.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { membershipId, role, id: organisationId, ...org } = row;
  const membership =
    membershipId && role && organisationId && org.name && org.kind
      ? {
          membershipId,
          role,
          organisation: {
            id: organisationId,
            name: org.name,
            kind: org.kind,
            hospitalId: org.hospitalId,
            municipalityCode: org.municipalityCode,
            generalPracticeId: org.generalPracticeId,
            bodyId: org.bodyId,
            regionCode: org.regionCode,
          },
        }
      : null;
  return {
    session: {
      id: row.sessionId,
      csrfToken: row.csrfToken,
      lastSeenAt: row.lastSeenAt,
      expiresAt: row.expiresAt,
      endedAt: row.endedAt,
    },
    user: {
      id: row.userId,
      username: row.username,
      displayName: row.displayName,
      kind: row.userKind,
      citizenId: row.citizenId,
      disabledAt: row.disabledAt,
    },
    membership,
  };
}

export async function touchSession(db: Database, id: string, now: Date) {
  await db.updateTable("userSession").set({ lastSeenAt: now }).where("id", "=", id).execute();
}

export async function endSession(db: Database, id: string, now: Date) {
  await db
    .updateTable("userSession")
    .set({ endedAt: now })
    .where("id", "=", id)
    .where("endedAt", "is", null)
    .execute();
}

/** Ends every open session of a user, but the one kept (the password changer's own); how many ended. */
export async function endSessionsOfUser(
  db: Database,
  userId: string,
  now: Date,
  keepSessionId: string | null = null,
): Promise<number> {
  let query = db
    .updateTable("userSession")
    .set({ endedAt: now })
    .where("userId", "=", userId)
    .where("endedAt", "is", null);
  if (keepSessionId !== null) query = query.where("id", "<>", keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function setActiveMembership(
  db: Database,
  sessionId: string,
  membershipId: string | null,
) {
  await db
    .updateTable("userSession")
    .set({ activeMembershipId: membershipId })
    .where("id", "=", sessionId)
    .execute();
}

export async function getThrottle(db: Database, key: string): Promise<ThrottleState | undefined> {
  return db
    .selectFrom("loginThrottle")
    .select(["failures", "windowStartedAt", "lockedUntil"])
    .where("key", "=", key)
    .executeTakeFirst();
}

/**
 * The throttle state of a key, row-locked until the transaction ends, so that
 * failures arriving at the same time are counted one after the other. A
 * missing row is created first (with no failures), so there is a row to lock.
 */
export async function lockThrottle(db: Database, key: string, now: Date): Promise<ThrottleState> {
  await db
    .insertInto("loginThrottle")
    .values({ key, failures: 0, windowStartedAt: now, lockedUntil: null })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  return db
    .selectFrom("loginThrottle")
    .select(["failures", "windowStartedAt", "lockedUntil"])
    .where("key", "=", key)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function saveThrottle(db: Database, key: string, state: ThrottleState) {
  await db
    .insertInto("loginThrottle")
    .values({ key, ...state })
    .onConflict((oc) => oc.column("key").doUpdateSet(state))
    .execute();
}

export async function clearThrottle(db: Database, key: string) {
  await db.deleteFrom("loginThrottle").where("key", "=", key).execute();
}
