import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../platform/http/errors.ts";
import {
  type Authenticator,
  type Caller,
  type DenialListener,
  unauthenticated,
} from "../platform/http/route-access.ts";
import type { CitizenAccess, RequestContext } from "./citizen-access.ts";
import type { Actor } from "./model.ts";
import type { SessionContext, SessionService } from "./session-service.ts";

export const SESSION_COOKIE = "tovholder_session";

export type SessionCookieOptions = { secure: boolean; maxAgeSeconds: number };

/** The one way a session cookie is set: HttpOnly, SameSite=Lax, Secure in production. */
export function setSessionCookie(
  reply: FastifyReply,
  cookieValue: string,
  options: SessionCookieOptions,
): void {
  reply.setCookie(SESSION_COOKIE, cookieValue, {
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    path: "/",
    maxAge: options.maxAgeSeconds,
  });
}

export type AccessCaller = Caller & { actor: Actor | null; session: SessionContext | null };

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** Session cookie for people, bearer token for systems. A bad bearer token is never retried as a cookie. */
export function createAuthenticator(sessions: SessionService): Authenticator {
  return async (request): Promise<AccessCaller | null> => {
    if (request.headers.authorization !== undefined) {
      const presented = bearerToken(request);
      const actor = presented ? await sessions.authenticateToken(presented) : null;
      if (actor?.kind !== "token" && actor?.kind !== "broker") return null;
      return { kind: actor.kind, scopes: actor.scopes, actor, session: null };
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return null;
    const session = await sessions.resolveSession(cookie);
    if (!session) return null;
    const actor = session.actor;
    const kind =
      actor?.kind === "token" || actor?.kind === "broker" ? "staff" : (actor?.kind ?? "staff");
    return {
      kind,
      ...(actor?.kind === "staff" ? { role: actor.role } : {}),
      csrfToken: session.csrfToken,
      actor,
      session,
    };
  };
}

export function callerOf(request: FastifyRequest): AccessCaller {
  const caller = request.caller as AccessCaller | null;
  if (!caller) throw unauthenticated();
  return caller;
}

/** The acting identity of a request; staff with several memberships must have chosen one. */
export function contextOf(request: FastifyRequest): RequestContext {
  const caller = callerOf(request);
  if (!caller.actor) {
    throw new AppError("TOV_ERR_FORBIDDEN", "Choose which membership to act in first", [], {
      key: "access.chooseMembership",
    });
  }
  return { actor: caller.actor, requestId: String(request.id) };
}

export function sessionOf(request: FastifyRequest): SessionContext {
  const session = callerOf(request).session;
  if (!session)
    throw new AppError("TOV_ERR_FORBIDDEN", "This needs a logged-in session", [], {
      key: "access.sessionOnly",
    });
  return session;
}

/** Route-level refusals are audited too, so attempts to reach what one may not are visible. */
export function createDenialAuditor(access: CitizenAccess): DenialListener {
  return async (request, reason) => {
    const caller = request.caller as AccessCaller | null;
    if (!caller?.actor) return;
    await access.audit(
      { actor: caller.actor, requestId: String(request.id) },
      null,
      {
        action: request.method.toLowerCase(),
        resource: (request.routeOptions.url as `/${string}` | undefined) ?? "unknown",
        purpose: reason,
      },
      "denied",
    );
  };
}
