import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { type ErrorCode, errorCatalogue } from "./errors.ts";
import { isFhirPath } from "./operation-outcome.ts";
import { type Problem, problemFor, sendProblem } from "./problem.ts";

/**
 * Requests refused before a route is found: a URL that does not decode, a path
 * parameter past the router's limit, or (from Node's own parser, before Fastify
 * sees a request) headers too large or a request that cannot be read. Each is
 * answered as problem+json like every other error, not as Fastify's plain JSON.
 */

const FRAMEWORK: Record<string, ErrorCode> = {
  FST_ERR_BAD_URL: "TOV_ERR_BAD_URL",
  FST_ERR_MAX_PARAM_LENGTH: "TOV_ERR_URI_TOO_LONG",
};

/** Fastify's `frameworkErrors` option. */
export function frameworkErrors(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const code = FRAMEWORK[error.code] ?? "TOV_ERR_BAD_REQUEST";
  const problem = problemFor(request, code, errorCatalogue[code].title);
  reply.header("x-request-id", request.id);
  // The URL could not be read: the instance must not echo it (FHIR clients still get FHIR).
  sendProblem(reply, { ...problem, instance: isFhirPath(request.url) ? "/fhir" : "/" });
}

function clientProblem(code: ErrorCode, detail: string): Problem {
  const { status, title } = errorCatalogue[code];
  return {
    type: `urn:tovholder:problem:${code}`,
    title,
    status,
    detail,
    instance: "/",
    code,
    requestId: randomUUID(),
  };
}

/** Fastify's `clientErrorHandler` option: Node's parser refused the request outright. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A connection reset leaves nothing to answer.
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const problem =
    error.code === "HPE_HEADER_OVERFLOW"
      ? clientProblem("TOV_ERR_HEADERS_TOO_LARGE", "The request's header fields are too large")
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? clientProblem("TOV_ERR_REQUEST_TIMEOUT", "The request did not arrive in time")
        : clientProblem("TOV_ERR_BAD_REQUEST", "The request could not be read");
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        `Content-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${problem.requestId}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
