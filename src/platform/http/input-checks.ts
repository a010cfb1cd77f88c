import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError, invalidFields } from "./errors.ts";
import { MAX_JSON_DEPTH } from "./input-limits.ts";
import { findNul, nestsDeeperThan } from "./json-input.ts";

/**
 * Input every route gets checked the same way, before its schema sees it:
 * JSON nested deeper than MAX_JSON_DEPTH is refused before it is parsed, and
 * a text holding U+0000 anywhere in the body, the path or the query is refused
 * with a 400 naming the field (PostgreSQL cannot store the byte, and no text
 * a person types contains it).
 */

type Parser = ReturnType<FastifyInstance["getDefaultJsonParser"]>;

export function tooDeep(): AppError {
  return new AppError(
    "TOV_ERR_BAD_JSON",
    `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`,
    [],
    { key: "validation.tooDeep", values: { limit: MAX_JSON_DEPTH } },
  );
}

/** Fastify's JSON parser (prototype poisoning refused), behind the depth limit. */
export function jsonParser(app: FastifyInstance): Parser {
  const parse = app.getDefaultJsonParser("error", "error");
  return (request, body, done) => {
    if (typeof body === "string" && nestsDeeperThan(body)) {
      done(tooDeep(), undefined);
      return;
    }
    parse(request, body, done);
  };
}

const PLACES = [
  ["body", (r: FastifyRequest) => r.body],
  ["path", (r: FastifyRequest) => r.params],
  ["query", (r: FastifyRequest) => r.query],
] as const;

/** The first text holding U+0000 in the request, as the 400 that names it; null when none. */
export function nulRefusal(request: FastifyRequest): AppError | null {
  for (const [where, of] of PLACES) {
    const value = of(request);
    // A body left as text (a route that reads its own, such as $process-message) is the route's.
    if (where === "body" && typeof value === "string") continue;
    const at = findNul(value);
    if (at === null) continue;
    const field = at.join(".") || "(root)";
    const reason = "must not contain the null character (U+0000)";
    return invalidFields(`${where} parameter "${field}": ${reason}`, [
      { in: where, field, reason, i18n: { key: "validation.nullCharacter" } },
    ]);
  }
  return null;
}

export function installInputChecks(app: FastifyInstance): void {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, jsonParser(app));
  // After the route guard's preValidation: who the caller is is settled before input is judged.
  app.addHook("preValidation", async (request) => {
    if (request.is404) return;
    const refused = nulRefusal(request);
    if (refused) throw refused;
  });
}
