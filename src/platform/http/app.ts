import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, {
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyServerOptions,
  type RouteOptions,
} from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../db/database.ts";
import { clientErrorHandler, frameworkErrors } from "./client-errors.ts";
import { installErrorHandlers } from "./error-handler.ts";
import { healthRoutes } from "./health-routes.ts";
import { installInputChecks } from "./input-checks.ts";
import { problemFor, problemSchema, sendProblem } from "./problem.ts";
import {
  type Authenticator,
  collectRoutes,
  type DenialListener,
  installRouteGuard,
  type RegisteredRoute,
  type RouteAccess,
} from "./route-access.ts";

export type AppDeps = {
  database: DatabaseHandle;
  /** Folder of the built web client; when absent the API still runs. */
  webDist?: string;
  logger?: FastifyServerOptions["logger"];
  /** Trust X-Forwarded-For from this many proxies (or all with true). */
  trustProxy?: boolean | number;
  /** Who is calling; without it, every protected route answers 401. */
  authenticate?: Authenticator;
  /** Told of every refusal by the route guard, so it can be audited. */
  onDenied?: DenialListener;
  /** Feature plugins (one per capability), each registered in its own encapsulated context. */
  features: FastifyPluginAsync[];
};

export type App = FastifyInstance & { registeredRoutes: RegisteredRoute[] };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Routes that plugins register for us (docs, static files) are public by nature. */
function defaultAccess(reason: string) {
  return (route: RouteOptions) => {
    const config = (route.config ?? {}) as { access?: RouteAccess };
    route.config = { ...config, access: config.access ?? { public: true, reason } };
  };
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: deps.logger ?? false,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 5 * 1024 * 1024,
    trustProxy:
      typeof deps.trustProxy === "number"
        ? (_address: string, hop: number) => hop < (deps.trustProxy as number)
        : (deps.trustProxy ?? false),
    routerOptions: { ignoreTrailingSlash: true },
    // Refusals before a route is found are problem+json too (client-errors.ts).
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  const registeredRoutes: RegisteredRoute[] = [];
  collectRoutes(app, registeredRoutes);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // ECharts and the design system set inline styles on elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: "Tovholder API",
        version: "0.1.0",
        description: "Coordination platform for the Danish health bodies (sundhedsklynger).",
      },
      // Every error answer has this shape; no route lists it, so it is named here for clients.
      components: {
        schemas: {
          Problem: z.toJSONSchema(problemSchema, { target: "openapi-3.0" }) as Record<
            string,
            unknown
          >,
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    docs.addHook("onRoute", defaultAccess("API documentation"));
    await docs.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: false });
  });

  await app.register(cookie);
  // Per-route limits only (login); login throttling per account lives in the access capability.
  await app.register(rateLimit, { global: false });
  installRouteGuard(
    app,
    deps.authenticate ?? (async () => null),
    deps.onDenied ?? (async () => {}),
  );
  installInputChecks(app);
  await app.register(healthRoutes, { database: deps.database });
  for (const feature of deps.features) {
    await app.register(feature);
  }

  const indexHtml = deps.webDist ? path.join(deps.webDist, "index.html") : undefined;
  const hasWeb = indexHtml !== undefined && existsSync(indexHtml);
  if (hasWeb && deps.webDist) {
    const root = deps.webDist;
    await app.register(async (web) => {
      web.addHook("onRoute", defaultAccess("web client assets"));
      await web.register(fastifyStatic, { root, wildcard: false, index: ["index.html"] });
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url;
    const isApi = /^\/(api|fhir)(\/|$|\?)/.test(url);
    const wantsHtml = request.method === "GET" && /text\/html/.test(request.headers.accept ?? "");
    if (!isApi && hasWeb && indexHtml && wantsHtml) {
      // Client-side routes (/klynger/…) are served the app shell; React Router takes it from there.
      return reply.type("text/html; charset=utf-8").send(await readFile(indexHtml, "utf8"));
    }
    return sendProblem(
      reply,
      problemFor(
        request,
        "TOV_ERR_ROUTE_NOT_FOUND",
        `No endpoint ${request.method} ${url.split("?")[0]}`,
      ),
    );
  });

  return Object.assign(app, { registeredRoutes }) as unknown as App;
}
