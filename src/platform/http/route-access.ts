import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest, RouteOptions } from "fastify";
import { AppError, type Reason } from "./errors.ts";

/** `broker`: a message broker's token (no organisation; see src/access/broker-tokens.ts). */
export type ActorKind = "staff" | "citizen" | "relative" | "token" | "broker";

/**
 * Every route must say who may call it. Public routes say why they are public.
 * Protected routes name the kinds of caller, and for staff the roles, and for
 * integration tokens the scopes. `citizen` records that the service also
 * checks a relation to the citizen concerned (the authorisation matrix uses it).
 */
export type RouteAccess =
  | { public: true; reason: string }
  | {
      public?: false;
      actors: readonly ActorKind[];
      roles?: readonly string[];
      scopes?: readonly string[];
      citizen?: "relation";
    };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** What the platform needs to know about a caller to enforce a declaration. */
export type Caller = {
  kind: ActorKind;
  role?: string;
  scopes?: readonly string[];
  /** Callers authenticated by a cookie must prove intent on state changes (CSRF). */
  csrfToken?: string;
};

export type Authenticator = (request: FastifyRequest) => Promise<Caller | null>;
export type DenialListener = (request: FastifyRequest, reason: string) => Promise<void>;

export type RegisteredRoute = { method: string; url: string; access: RouteAccess | undefined };

/** Records every route as it is registered, so tests can check every one has a declaration. */
export function collectRoutes(app: FastifyInstance, routes: RegisteredRoute[]): void {
  const getUrls = new Set<string>();
  app.addHook("onRoute", (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Fastify adds a HEAD twin right after each GET, with the GET's config; a HEAD route
      // registered on its own is recorded like any other.
      if (method === "HEAD" && getUrls.has(route.url)) continue;
      if (method === "GET") getUrls.add(route.url);
      routes.push({
        method,
        url: route.url,
        // Read when asked: this root hook runs before the plugins' own onRoute hooks,
        // which may still add the declaration (see defaultAccess in app.ts).
        get access() {
          return (route.config as { access?: RouteAccess } | undefined)?.access;
        },
      });
    }
  });
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Why a caller may not use a route, or null if they may. */
/** No valid session or token: the same 401 wherever it is found out. */
export function unauthenticated(): AppError {
  return new AppError("TOV_ERR_UNAUTHENTICATED", "log in or present a valid token", [], {
    key: "access.unauthenticated",
  });
}

/** Why a route refuses its caller (keys `access.route.*`), or null. */
export function refusal(access: RouteAccess, caller: Caller): Reason | null {
  if (access.public) return null;
  if (!access.actors.includes(caller.kind))
    return {
      reason: `not open to ${caller.kind} callers`,
      i18n: { key: `access.route.kind.${caller.kind}` },
    };
  if (caller.kind === "staff" && access.roles && !access.roles.includes(caller.role ?? "")) {
    return {
      reason: `the role ${caller.role ?? "(none)"} may not use this`,
      i18n: { key: "access.route.role" },
    };
  }
  if (caller.kind === "token" || caller.kind === "broker") {
    const missing = (access.scopes ?? []).filter((s) => !(caller.scopes ?? []).includes(s));
    if (missing.length > 0)
      return {
        reason: `the token lacks the scope ${missing.join(", ")}`,
        i18n: { key: "access.route.scope", values: { scopes: missing.join(", ") } },
      };
  }
  return null;
}

declare module "fastify" {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

const audited = new WeakSet<Error>();

/**
 * Marks a refusal whose audit entry has been written (by the guard, or by a
 * service that audited it with the citizen and what was refused), so the
 * guard's net (`installRouteGuard`) does not write a second one.
 */
export function auditedRefusal<E extends Error>(error: E): E {
  audited.add(error);
  return error;
}

/** A refusal (403) that nothing has audited yet. */
function unauditedRefusal(error: Error): error is AppError {
  return error instanceof AppError && error.status === 403 && !audited.has(error);
}

/**
 * Enforces each route's declaration before its handler: 401 without a valid
 * caller, 403 for the wrong kind, role or scope, and 403 for a cookie-borne
 * state change without the session's CSRF token. A route without a
 * declaration is refused outright, so forgetting one fails closed. Every
 * refusal of a known caller is audited through `onDenied`: the guard's own,
 * and — as a net under the services, which audit theirs with the citizen
 * concerned — any other 403 that reaches the error handler unaudited.
 */
export function installRouteGuard(
  app: FastifyInstance,
  authenticate: Authenticator,
  onDenied: DenialListener,
): void {
  app.decorateRequest("caller", null);
  // preValidation: who the caller is is settled before the input is judged.
  app.addHook("preValidation", async (request) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (!access)
      throw new AppError("TOV_ERR_FORBIDDEN", "this endpoint declares no access", [], {
        key: "access.route.undeclared",
      });
    if (access.public) return;
    const caller = await authenticate(request);
    if (!caller) throw unauthenticated();
    request.caller = caller;
    if (caller.csrfToken !== undefined && !SAFE_METHODS.has(request.method)) {
      if (!sameSecret(request.headers["x-csrf-token"], caller.csrfToken)) {
        await onDenied(request, "missing or wrong CSRF token");
        throw auditedRefusal(
          new AppError("TOV_ERR_CSRF", "the x-csrf-token header is missing or wrong", [], {
            key: "access.csrf",
          }),
        );
      }
    }
    const refused = refusal(access, caller);
    if (refused) {
      await onDenied(request, refused.reason);
      throw auditedRefusal(
        new AppError(
          "TOV_ERR_FORBIDDEN",
          `You may not do this: ${refused.reason}`,
          [],
          refused.i18n,
        ),
      );
    }
  });
  // Runs before the error handler answers, so the entry is written before the refusal is sent.
  app.addHook("onError", async (request, _reply, error) => {
    if (!request.caller || !unauditedRefusal(error)) return;
    auditedRefusal(error);
    try {
      await onDenied(request, error.message);
    } catch (err) {
      // The refusal is answered all the same; the missing entry must not go unnoticed.
      request.log.error({ err }, "could not audit a refusal");
    }
  });
}
