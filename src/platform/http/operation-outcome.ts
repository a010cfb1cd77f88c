import type { OperationOutcome, OperationOutcomeIssue } from "@medplum/fhirtypes";
import type { FastifyReply } from "fastify";
import type { Problem } from "./problem.ts";

/** FHIR endpoints answer errors as OperationOutcome, with the same codes as problem+json. */
function issueCode(status: number): OperationOutcomeIssue["code"] {
  if (status === 400 || status === 422) return "invalid";
  if (status === 401) return "login";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status === 409) return "conflict";
  if (status === 413) return "too-long";
  if (status === 415) return "not-supported";
  if (status === 428) return "required";
  if (status === 429) return "throttled";
  return "exception";
}

export function operationOutcomeFor(problem: Problem): OperationOutcome {
  const code = issueCode(problem.status);
  const issues: OperationOutcomeIssue[] =
    problem.errors && problem.errors.length > 0
      ? problem.errors.map((e) => ({
          severity: "error",
          code,
          details: { coding: [{ system: "urn:tovholder:error", code: problem.code }] },
          diagnostics: `${e.field}: ${e.reason}`,
          expression: [e.field],
        }))
      : [
          {
            severity: "error",
            code,
            details: {
              coding: [{ system: "urn:tovholder:error", code: problem.code }],
              text: problem.title,
            },
            diagnostics: `${problem.detail} (request id ${problem.requestId})`,
          },
        ];
  return { resourceType: "OperationOutcome", issue: issues };
}

export function isFhirPath(url: string): boolean {
  return /^\/fhir(\/|$|\?)/.test(url);
}

export function sendOperationOutcome(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .status(problem.status)
    .type("application/fhir+json")
    .send(operationOutcomeFor(problem));
}
