import type { Database } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import { brokerActor } from "./broker-store.ts";
import {
  type Actor,
  afterFailure,
  isLocked,
  type SessionPolicy,
  sessionIsLive,
  type ThrottlePolicy,
} from "./model.ts";
import { hashPassword, randomToken, sha256, TOKEN_PREFIX, verifyPassword } from "./secrets.ts";
import * as sessionStore from "./session-store.ts";
import * as store from "./store.ts";

export type SessionContext = {
  sessionKey: string;
  userId: string;
  csrfToken: string;
  actor: Actor | null;
  /** Who is logged in, as `/api/me` shows it: read with the session, not again. */
  user: {
    id: string;
    username: string;
    displayName: string;
    kind: "staff" | "citizen" | "relative";
  };
  /** The membership acted in, if it is still held. */
  activeMembershipId: string | null;
};

export type LoginResult = {
  cookieValue: string;
  csrfToken: string;
  userId: string;
  activeMembershipId: string | null;
};

const GENERIC_FAILURE = "Wrong username or password";

export function createSessionService(
  db: Database,
  policy: { session: SessionPolicy; throttle: ThrottlePolicy },
  clock: () => Date = () => new Date(),
) {
  /** Who a session's user acts as: a staff member only through a live membership. */
  function actorOf(
    user: { id: string; kind: "staff" | "citizen" | "relative"; citizenId: string | null },
    active: store.MembershipWithOrganisation | null,
  ): Actor | null {
    if (user.kind === "citizen" && user.citizenId) {
      return { kind: "citizen", userId: user.id, citizenId: user.citizenId };
    }
    if (user.kind === "relative") return { kind: "relative", userId: user.id };
    if (!active) return null;
    return {
      kind: "staff",
      userId: user.id,
      membershipId: active.membershipId,
      role: active.role,
      organisation: active.organisation,
    };
  }

  async function openSession(userId: string, method: "password" | "oidc"): Promise<LoginResult> {
    const memberships = await store.activeMemberships(db, userId);
    const cookieValue = randomToken();
    const csrfToken = randomToken();
    const now = clock();
    // With exactly one membership there is nothing to choose.
    const activeMembershipId =
      memberships.length === 1 ? (memberships[0]?.membershipId ?? null) : null;
    await sessionStore.insertSession(db, {
      // Only a hash is stored: a copy of the table does not let anyone take over a session.
      id: sha256(cookieValue),
      userId,
      csrfToken,
      expiresAt: new Date(now.getTime() + policy.session.absoluteHours * 3_600_000),
      activeMembershipId,
      loginMethod: method,
      openedAt: now,
    });
    return { cookieValue, csrfToken, userId, activeMembershipId };
  }

  return {
    openSession,

    async login(username: string, password: string, ip: string): Promise<LoginResult> {
      const now = clock();
      const keys = [`user:${username.toLowerCase()}`, `ip:${ip}`];
      const states = await Promise.all(keys.map((k) => sessionStore.getThrottle(db, k)));
      if (states.some((s) => isLocked(s, now))) {
        throw new AppError(
          "TOV_ERR_LOGIN_LOCKED",
          "Too many failed attempts; try again later",
          [],
          { key: "access.loginLocked" },
        );
      }
      const user = await store.findUserByUsername(db, username.toLowerCase());
      const ok = await verifyPassword(user?.passwordHash ?? null, password);
      if (!user || !ok || user.disabledAt) {
        for (const key of keys) {
          // Read and written under a row lock: failures sent in parallel must all count.
          await db.transaction().execute(async (trx) => {
            const current = await sessionStore.lockThrottle(trx, key, now);
            await sessionStore.saveThrottle(trx, key, afterFailure(current, now, policy.throttle));
          });
        }
        throw new AppError("TOV_ERR_LOGIN_FAILED", GENERIC_FAILURE, [], {
          key: "access.loginFailed",
        });
      }
      await sessionStore.clearThrottle(db, keys[0]!);
      return openSession(user.id, "password");
    },

    /** The live session behind a cookie, or null; refreshes the idle timer. */
    async resolveSession(cookieValue: string): Promise<SessionContext | null> {
      const now = clock();
      const found = await sessionStore.findSessionWithActor(db, sha256(cookieValue));
      if (!found || !sessionIsLive(found.session, now, policy.session)) return null;
      const { session, user, membership } = found;
      if (user.disabledAt) return null;
      // Writing on every request would serialise reads; a minute's precision is enough.
      if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
        await sessionStore.touchSession(db, session.id, now);
      }
      return {
        sessionKey: session.id,
        userId: user.id,
        csrfToken: session.csrfToken,
        actor: actorOf(user, membership),
        user: {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          kind: user.kind,
        },
        activeMembershipId: membership?.membershipId ?? null,
      };
    },

    async logout(sessionKey: string): Promise<void> {
      await sessionStore.endSession(db, sessionKey, clock());
    },

    async switchMembership(ctx: SessionContext, membershipId: string): Promise<void> {
      const memberships = await store.activeMemberships(db, ctx.userId);
      if (!memberships.some((m) => m.membershipId === membershipId)) {
        throw new AppError("TOV_ERR_FORBIDDEN", "You do not hold that membership", [], {
          key: "access.notYourMembership",
        });
      }
      await sessionStore.setActiveMembership(db, ctx.sessionKey, membershipId);
    },

    async authenticateToken(presented: string): Promise<Actor | null> {
      if (!presented.startsWith(TOKEN_PREFIX)) return null;
      const now = clock();
      const token = await store.findTokenByHash(db, sha256(presented));
      if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
      const organisation = token.organisationId
        ? await store.findOrganisation(db, token.organisationId)
        : undefined;
      if (token.kind === "organisation" && !organisation) return null;
      if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
        await store.touchToken(db, token.id, now);
      }
      if (token.kind === "broker") return brokerActor(db, token);
      return organisation
        ? { kind: "token", tokenId: token.id, scopes: token.scopes, organisation }
        : null;
    },

    hashPassword,
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
