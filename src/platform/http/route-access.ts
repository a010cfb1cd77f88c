import type { FastifyInstance, RouteOptions } from "fastify";

/**
 * Every route must say who may call it. The access capability widens this
 * declaration; the platform only insists that it is there, so that no route
 * can be added without a decision about access.
 */
export type RouteAccess = { public: true; reason: string };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export type RegisteredRoute = { method: string; url: string; access: RouteAccess | undefined };

export class MissingAccessDeclarationError extends Error {}

/** Records every route as it is registered; fails registration if one lacks a declaration. */
export function collectRoutes(app: FastifyInstance, routes: RegisteredRoute[]): void {
  app.addHook("onRoute", (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    for (const method of methods) {
      if (method === "HEAD") continue;
      routes.push({ method, url: route.url, access });
    }
  });
}
