import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../access/authenticate.ts";
import { asUnavailable, RETRY_AFTER_SECONDS } from "../platform/db/unavailable.ts";
import { AppError } from "../platform/http/errors.ts";
import { createBatcher } from "./batcher.ts";
import type { SenderAuthority } from "./sender-authority.ts";
import { type MessageIngest, unavailableAcknowledgement } from "./service.ts";

const FHIR_JSON = "application/fhir+json";
const PROCESS_MESSAGE = "/fhir/$process-message";
const adminOnly = { access: { actors: ["staff"], roles: ["administrator"] } } as const;
const MESSAGE_TYPES = [FHIR_JSON, "application/json"] as const;
/** The HTTP status of each Acknowledgement code: a duplicate gets the status of the first answer. */
const STATUS_OF = { ok: 200, "fatal-error": 422, "transient-error": 503 } as const;

/** No body, or a body that is not JSON: FHIR clients get an OperationOutcome (problem.ts). */
const unsupportedType = () =>
  new AppError(
    "TOV_ERR_UNSUPPORTED_MEDIA_TYPE",
    `A message is sent as ${MESSAGE_TYPES.join(" or ")}`,
    [],
    { key: "interop.messageMediaType" },
  );

const messageRow = z.object({
  id: z.string(),
  messageHeaderId: z.string().nullable(),
  bundleId: z.string().nullable(),
  receivedAt: z.string(),
  receivedVia: z.string(),
  messageType: z.string().nullable(),
  activityCode: z.string().nullable(),
  senderSor: z.string().nullable(),
  senderName: z.string().nullable(),
  receiverSor: z.string().nullable(),
  receiverName: z.string().nullable(),
  eventAt: z.string().nullable(),
  status: z.enum(["applied", "rejected", "dead_letter"]),
  responseCode: z.string(),
  problems: z.array(
    z.object({
      severity: z.string(),
      /** The FHIR issue type (ISSUE_TYPES), which the message admin says in words. */
      code: z.string().optional(),
      expression: z.string(),
      rule: z.string(),
    }),
  ),
  attempts: z.number(),
  appliedAt: z.string().nullable(),
});

type Row = Awaited<ReturnType<MessageIngest["list"]>>[number];
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const toRow = ({ seq: _seq, ...r }: Row) => ({
  ...r,
  receivedAt: new Date(r.receivedAt).toISOString(),
  eventAt: iso(r.eventAt),
  appliedAt: iso(r.appliedAt),
  problems: r.problems as z.infer<typeof messageRow>["problems"],
});

/** Receiving MedCom messages over FHIR, and the administrators' view of what was received. */
export const interopRoutes: FastifyPluginAsyncZod<{ ingest: MessageIngest }> = async (
  app,
  { ingest },
) => {
  // Concurrent requests share one transaction; each still gets its own Acknowledgement.
  const receive = createBatcher(ingest.receiveEach);
  // Its own context: the message is read as text (the reader checks its depth and its
  // texts and answers with an Acknowledgement), and only the two JSON types are accepted.
  await app.register(async (fhir) => {
    fhir.removeAllContentTypeParsers();
    fhir.addContentTypeParser([...MESSAGE_TYPES], { parseAs: "string" }, (_request, body, done) =>
      done(null, body),
    );

    // The database away, at any step (the token's lookup too): the sender gets a MedCom
    // transient-error and sends again; never a 500, and never a bare OperationOutcome.
    fhir.setErrorHandler((error, request, reply) => {
      const unavailable =
        request.routeOptions.url === PROCESS_MESSAGE ? asUnavailable(error) : null;
      if (!unavailable) throw error;
      request.log.warn(
        { err: unavailable },
        "database unavailable; message answered transient-error",
      );
      const raw = typeof request.body === "string" ? request.body : "null";
      return reply
        .status(503)
        .header("retry-after", String(RETRY_AFTER_SECONDS))
        .type(FHIR_JSON)
        .send(unavailableAcknowledgement(raw));
    });

    fhir.post(
      PROCESS_MESSAGE,
      {
        config: { access: { actors: ["token", "broker"], scopes: ["messages:write"] } },
        schema: {
          tags: ["fhir"],
          summary: "Receive a MedCom HospitalNotification; answers with a MedCom Acknowledgement",
          description:
            "The body is a HospitalNotification message Bundle (application/fhir+json or application/json; " +
            "any other content type is refused with 415). The answer is an Acknowledgement message: `ok` " +
            "(200; also for a duplicate of an accepted message, and for a message kept until its sender or " +
            "receiver is registered), `fatal-error` (422, with an OperationOutcome naming each element and " +
            "rule; also when MessageHeader.sender is not a unit under the organisation that holds the " +
            "token, or for a broker's token not one of its listed senders; a duplicate of a refused " +
            "message gets it again) or `transient-error` (503 with Retry-After: try again).",
        },
      },
      async (request, reply) => {
        if (typeof request.body !== "string") throw unsupportedType();
        const actor = contextOf(request).actor;
        if (actor.kind !== "token" && actor.kind !== "broker")
          throw new AppError("TOV_ERR_FORBIDDEN", "Messages come from integrations", [], {
            key: "interop.integrationsOnly",
          });
        // Bound to the token: its organisation's units, or the senders listed for a broker.
        const authority: SenderAuthority =
          actor.kind === "token"
            ? { kind: "organisation", organisationId: actor.organisation.id }
            : { kind: "broker", senders: actor.senders };
        const result = await receive({
          raw: request.body,
          via: { via: "http", tokenId: actor.tokenId, authority },
        });
        request.log.info(
          { outcome: result.outcome, messageId: result.messageId },
          "hospital notification received",
        );
        return reply
          .status(STATUS_OF[result.responseCode])
          .type(FHIR_JSON)
          .send(result.acknowledgement);
      },
    );
  });

  app.get(
    "/api/admin/messages",
    {
      config: adminOnly,
      schema: {
        tags: ["messages"],
        summary: "Received messages, newest first, with their outcome (never their content)",
        querystring: z.object({
          status: z.enum(["applied", "rejected", "dead_letter"]).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          cursor: z
            .string()
            .regex(/^[0-9]{1,18}$/, "must be the nextCursor of a previous page")
            .optional(),
        }),
        response: {
          200: z.object({
            counts: z.record(z.string(), z.number()),
            messages: z.array(messageRow),
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const { status, limit, cursor } = request.query;
      const [rows, counts] = await Promise.all([
        ingest.list({ status, limit, ...(cursor ? { beforeSeq: cursor } : {}) }),
        ingest.counts(),
      ]);
      const last = rows.length === limit ? rows.at(-1) : undefined;
      return { counts, messages: rows.map(toRow), nextCursor: last ? String(last.seq) : null };
    },
  );

  app.post(
    "/api/admin/messages/:id/reapply",
    {
      config: adminOnly,
      schema: {
        tags: ["messages"],
        summary: "Apply a dead letter again, e.g. after registering its sender's SOR code",
        params: z.object({ id: z.uuid({ error: "must be a message id (uuid)" }) }),
        response: {
          200: z.object({
            status: z.enum(["applied", "rejected", "dead_letter"]),
            problems: z.array(z.unknown()),
          }),
        },
      },
    },
    async (request) => ingest.reapply(request.params.id),
  );
};
