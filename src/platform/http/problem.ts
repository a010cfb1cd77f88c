import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type ErrorCode, errorCatalogue, type FieldError, type Translatable } from "./errors.ts";
import { isFhirPath, sendOperationOutcome } from "./operation-outcome.ts";
import { redactPath } from "./redact.ts";

const translatableSchema = z.object({
  key: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/**
 * RFC 9457 problem details, as every API error is sent. The OpenAPI document
 * carries it as components.schemas.Problem (app.ts), and the web's type for an
 * error comes from there (web/src/api/types.ts).
 */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string(),
  code: z.enum(Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]]),
  requestId: z.string(),
  errors: z
    .array(
      z.object({
        in: z
          .string()
          .describe('Where the field is: "body", "query", "params", "headers" or "file".'),
        field: z
          .string()
          .describe('Dotted path of the field, e.g. "date" or "bodies.3.municipalityCodes".'),
        reason: z.string(),
        i18n: translatableSchema.optional(),
      }),
    )
    .optional(),
  i18n: translatableSchema
    .optional()
    .describe("The detail as a key and values, for a client to say in its user's language."),
});

export type Problem = z.infer<typeof problemSchema>;

// The schema restates errors.ts's types; this fails to compile when they part.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agrees: [
  Same<NonNullable<Problem["errors"]>[number], FieldError>,
  Same<NonNullable<Problem["i18n"]>, Translatable>,
] = [true, true];
void agrees;

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
