import type { FastifyServerOptions } from "fastify";
import { stdSerializers } from "pino";
import type { Config } from "./config.ts";
import { isSqlError, scrubMessage } from "./db/statement-error.ts";
import { redactPath } from "./http/redact.ts";

/**
 * What a database error may carry that holds the statement's values: PGlite
 * hangs the statement and its parameters on its errors, and the server's
 * DETAIL and WHERE quote the row. None of it is logged.
 */
const VALUE_CARRIERS = [
  "params",
  "parameters",
  "query",
  "queryOptions",
  "detail",
  "where",
  "internalQuery",
];

type Serialized = ReturnType<typeof stdSerializers.err> & Record<string, unknown>;

function withoutValues(serialized: Serialized, sqlError: boolean): Serialized {
  for (const key of VALUE_CARRIERS) delete serialized[key];
  if (sqlError) {
    serialized.message = scrubMessage(serialized.message);
    serialized.stack = scrubMessage(serialized.stack);
  }
  for (const [key, value] of Object.entries(serialized)) {
    if (key !== "raw" && value && typeof value === "object" && "stack" in value)
      serialized[key] = withoutValues(value as Serialized, sqlError);
  }
  const nested = serialized.aggregateErrors as Serialized[] | undefined;
  if (nested) serialized.aggregateErrors = nested.map((e) => withoutValues(e, sqlError));
  return serialized;
}

/**
 * pino's error serializer, less what could quote personal data. The database
 * layer already hands on errors without values (src/platform/db/statement-error.ts);
 * this is the second lock, for an error that reaches a log some other way.
 */
export function serializeError(err: Error): Serialized {
  const serialized = stdSerializers.err(err) as Serialized;
  // Something thrown that is not an Error comes back as it was; there is nothing to strip.
  if (!(err instanceof Error)) return serialized;
  return withoutValues(serialized, isSqlError(err));
}

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
      err: serializeError,
      req: (req: { id: string; method: string; url: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: redactPath(req.url),
        remoteAddress: req.ip,
      }),
    },
  };
}
