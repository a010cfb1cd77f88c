import type { FastifyServerOptions } from "fastify";
import type { Config } from "./config.ts";
import { redactPath } from "./http/redact.ts";

/**
 * Request logs carry the request id. Headers that carry credentials are
 * redacted, and bodies and query strings are never logged, so no CPR number or
 * name can reach a log through them.
 */
export function loggerOptions(config: Pick<Config, "logLevel">): FastifyServerOptions["logger"] {
  return {
    level: config.logLevel,
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        'res.headers["set-cookie"]',
        "req.body",
      ],
      censor: "[redacted]",
    },
    serializers: {
      req: (req: { id: string; method: string; url: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: redactPath(req.url),
        remoteAddress: req.ip,
      }),
    },
  };
}
