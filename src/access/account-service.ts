import type { Database } from "../platform/db/database.ts";
import { AppError, notFound } from "../platform/http/errors.ts";
import { PASSWORD_MIN, passwordTooShort } from "./admin-service.ts";
import { accountRefusal } from "./administration-model.ts";
import { type Administrator, administrationAudit, refusedError, scopeOf } from "./administrator.ts";
import { appendAudit } from "./audit-store.ts";
import { afterFailure, defaultThrottlePolicy, isLocked, type StaffActor } from "./model.ts";
import { hashPassword, verifyPassword } from "./secrets.ts";
import * as sessionStore from "./session-store.ts";
import * as store from "./store.ts";

/**
 * Accounts: a user changes their own password (every other session of theirs
 * ends); an administrator resets the password of, disables or enables a user
 * whose every role lies in their tree (model.ts `accountRefusal`), the
 * operator anyone. Disabling ends all the user's sessions, and a disabled
 * user cannot log in. Integration tokens belong to organisations, not to the
 * user who made them, so they stay (revoke them on their own). All audited.
 */
export function createAccountService(db: Database, clock: () => Date = () => new Date()) {
  async function subjectOf(
    username: string,
    by: Administrator,
    action: "reset-password" | "disable-user" | "enable-user",
  ) {
    const user = await store.findUserByUsername(db, username.toLowerCase());
    if (!user) throw notFound("user", `User "${username}" was not found`);
    const scope = scopeOf(by);
    if (scope) {
      const memberships = await store.activeMemberships(db, user.id);
      const chains = await store.organisationChains(
        db,
        memberships.map((m) => m.organisation.id),
      );
      const refused = accountRefusal({
        scope,
        subjectUserId: user.id,
        membershipChains: memberships.map((m) => chains.get(m.organisation.id) ?? []),
      });
      if (refused) {
        await appendAudit(
          db,
          administrationAudit(
            by,
            {
              action,
              resource: "user",
              outcome: "denied",
              subjectUserId: user.id,
            },
            clock(),
          ),
        );
        throw refusedError(refused);
      }
    }
    return user;
  }

  /** Sets the account's state and audits it; every session of the user ends. */
  async function change(
    by: Administrator,
    userId: string,
    action: "reset-password" | "disable-user" | "enable-user",
    write: (tx: Database, now: Date) => Promise<void>,
    reason: string | null,
  ) {
    await db.transaction().execute(async (tx) => {
      const now = clock();
      await write(tx, now);
      if (action !== "enable-user") await sessionStore.endSessionsOfUser(tx, userId, now);
      await appendAudit(
        tx,
        administrationAudit(
          by,
          { action, resource: "user", outcome: "allowed", subjectUserId: userId, reason },
          now,
        ),
      );
    });
  }

  return {
    /**
     * A user's own password change: the current password is required, and
     * every other session of the user ends (a stolen session does not outlive it).
     */
    async changeOwnPassword(input: {
      userId: string;
      sessionKey: string;
      currentPassword: string;
      newPassword: string;
      actor: StaffActor | null;
      requestId: string;
    }) {
      const user = await store.findUserById(db, input.userId);
      if (!user || user.disabledAt) throw notFound("user", "The user was not found");
      const throttleKey = `user:${user.username}`;
      if (isLocked(await sessionStore.getThrottle(db, throttleKey), clock())) {
        throw new AppError(
          "TOV_ERR_LOGIN_LOCKED",
          "Too many failed attempts; try again later",
          [],
          { key: "access.loginLocked" },
        );
      }
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        // Counted as a failed login: a session does not give unlimited guesses at the password.
        await db.transaction().execute(async (tx) => {
          const now = clock();
          const current = await sessionStore.lockThrottle(tx, throttleKey, now);
          await sessionStore.saveThrottle(
            tx,
            throttleKey,
            afterFailure(current, now, defaultThrottlePolicy),
          );
        });
        throw new AppError("TOV_ERR_FORBIDDEN", "The current password is wrong", [], {
          key: "access.wrongPassword",
        });
      }
      if (input.newPassword.length < PASSWORD_MIN) throw passwordTooShort("newPassword");
      const passwordHash = await hashPassword(input.newPassword);
      return db.transaction().execute(async (tx) => {
        const now = clock();
        await store.setPassword(tx, user.id, passwordHash);
        const ended = await sessionStore.endSessionsOfUser(tx, user.id, now, input.sessionKey);
        // Whoever changes their own password is that user, whatever they act as.
        await appendAudit(tx, {
          at: now,
          requestId: input.requestId,
          actorKind: user.kind,
          userId: user.id,
          organisationId: input.actor?.organisation.id ?? null,
          organisationName: input.actor?.organisation.name ?? null,
          role: input.actor?.role ?? null,
          action: "change-password",
          resource: "user",
          outcome: "allowed",
          subjectUserId: user.id,
        });
        return { endedSessions: ended };
      });
    },

    /** Sets a new password for a user (they choose their own afterwards); their sessions end. */
    async resetPassword(username: string, password: string, by: Administrator) {
      const user = await subjectOf(username, by, "reset-password");
      if (password.length < PASSWORD_MIN) throw passwordTooShort();
      const passwordHash = await hashPassword(password);
      await change(
        by,
        user.id,
        "reset-password",
        (tx) => store.setPassword(tx, user.id, passwordHash),
        null,
      );
      return { username: user.username };
    },

    /** A disabled user cannot log in, and their sessions end at once. */
    async disable(username: string, by: Administrator, reason: string) {
      const user = await subjectOf(username, by, "disable-user");
      await change(
        by,
        user.id,
        "disable-user",
        (tx, now) => store.setUserDisabled(tx, user.id, user.disabledAt ?? now),
        reason,
      );
      return { username: user.username, disabled: true };
    },

    async enable(username: string, by: Administrator, reason: string | null = null) {
      const user = await subjectOf(username, by, "enable-user");
      await change(
        by,
        user.id,
        "enable-user",
        (tx) => store.setUserDisabled(tx, user.id, null),
        reason,
      );
      return { username: user.username, disabled: false };
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
