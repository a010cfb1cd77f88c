import type { FastifyReply, FastifyRequest } from "fastify";
import { type ErrorCode, errorCatalogue, type FieldError, type Translatable } from "./errors.ts";
import { isFhirPath, sendOperationOutcome } from "./operation-outcome.ts";
import { redactPath } from "./redact.ts";

/** RFC 9457 problem details, as every API error is sent. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  requestId: string;
  errors?: FieldError[];
  /** The detail as a key and values, for a client to say in its user's language. */
  i18n?: Translatable;
};

export function problemFor(
  request: FastifyRequest,
  code: ErrorCode,
  detail: string,
  errors: FieldError[] = [],
  i18n?: Translatable,
): Problem {
  const { status, title } = errorCatalogue[code];
  return {
    type: `urn:tovholder:problem:${code}`,
    title,
    status,
    detail,
    // The path only, with anything CPR-shaped blanked: it must never be echoed.
    instance: redactPath(request.url),
    code,
    requestId: String(request.id),
    ...(errors.length > 0 ? { errors } : {}),
    ...(i18n ? { i18n } : {}),
  };
}

/** Sends the problem as problem+json, or as a FHIR OperationOutcome on /fhir endpoints. */
export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (isFhirPath(problem.instance)) return sendOperationOutcome(reply, problem);
  return reply.status(problem.status).type("application/problem+json").send(problem);
}
