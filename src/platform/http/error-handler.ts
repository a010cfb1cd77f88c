import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { asUnavailable, RETRY_AFTER_SECONDS } from "../db/unavailable.ts";
import { AppError, type ErrorCode, type FieldError } from "./errors.ts";
import { zodIssueText } from "./issue-text.ts";
import { problemFor, sendProblem } from "./problem.ts";

const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "TOV_ERR_UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_BODY_TOO_LARGE: "TOV_ERR_PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_EMPTY_JSON_BODY: "TOV_ERR_BAD_JSON",
  FST_ERR_CTP_INVALID_JSON_BODY: "TOV_ERR_BAD_JSON",
};

function validationErrors(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const where = error.validationContext ?? "request";
  return error.validation.map((v) => ({
    in: where === "querystring" ? "query" : where === "params" ? "path" : where,
    field: v.instancePath.replace(/^\//, "").replaceAll("/", ".") || "(root)",
    reason: v.message ?? "is not valid",
    i18n: zodIssueText(v.keyword, v.params, v.message),
  }));
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(
        reply,
        problemFor(request, error.code, error.message, error.errors, error.i18n),
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = validationErrors(error);
      const named = errors.map((e) => `${e.in} parameter "${e.field}": ${e.reason}`).join("; ");
      return sendProblem(
        reply,
        problemFor(request, "TOV_ERR_VALIDATION", named, errors, { key: "validation.fields" }),
      );
    }
    const mapped = error.code ? frameworkCodes[error.code] : undefined;
    if (mapped) {
      return sendProblem(reply, problemFor(request, mapped, error.message));
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, problemFor(request, "TOV_ERR_RATE_LIMITED", "Try again later"));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(
        reply,
        problemFor(request, "TOV_ERR_VALIDATION", "The request could not be processed"),
      );
    }
    const unavailable = asUnavailable(error);
    if (unavailable) {
      // Not a bug: the database is away for now. The caller may try again.
      request.log.warn({ err: unavailable }, "database unavailable; answered 503");
      return sendUnavailable(request, reply);
    }
    // A 500 is a bug: log it in full with the request id, tell the caller nothing internal.
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(
      reply,
      problemFor(
        request,
        "TOV_ERR_INTERNAL",
        `Something went wrong; quote request id ${request.id}`,
      ),
    );
  });
}

/** 503 TOV_ERR_UNAVAILABLE with Retry-After: the database does not answer right now. */
export function sendUnavailable(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.header("retry-after", String(RETRY_AFTER_SECONDS));
  return sendProblem(
    reply,
    problemFor(
      request,
      "TOV_ERR_UNAVAILABLE",
      "The database does not answer right now; try again shortly",
      [],
      { key: "platform.databaseUnavailable" },
    ),
  );
}
