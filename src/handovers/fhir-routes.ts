import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../access/authenticate.ts";
import type { RequestContext } from "../access/citizen-access.ts";
import { CARE_ROLES } from "../access/model.ts";
import { searchBundle } from "../interop/fhir-resources.ts";
import { AppError, type FieldError } from "../platform/http/errors.ts";
import { jsonParser } from "../platform/http/input-checks.ts";
import { problemFor, sendProblem } from "../platform/http/problem.ts";
import {
  chooseVersion,
  etagOf,
  handoverStatusesOf,
  parseIfMatch,
  parseTaskUpdate,
  TASK_STATUS,
  type TaskDecision,
  type TaskProblem,
  type TaskStatus,
  taskResource,
} from "./fhir-task.ts";
import type { HandoverService } from "./service.ts";

const FHIR_JSON = "application/fhir+json";
const tags = ["fhir"];
/** The audit log's name for a Task read (like fhir:Patient, fhir:Encounter). */
const AUDITED_AS = "fhir:Task";

/**
 * A Task list is the acting organisation's worklist, not one citizen's
 * record: the relation rules apply per row inside the service (the ward's
 * note only where there is a relation; each such read audited as fhir:Task).
 */
const readsTasks = {
  access: { actors: ["staff", "token"], roles: CARE_ROLES, scopes: ["fhir:read"] },
} as const;
const writesTasks = {
  access: { actors: ["staff", "token"], roles: CARE_ROLES, scopes: ["tasks:write"] },
} as const;

const params = z.object({ id: z.uuid({ error: "must be a Task id (uuid)" }) });
const STATUS_LIST =
  /^(requested|accepted|rejected|cancelled)(,(requested|accepted|rejected|cancelled))*$/;

const invalid = (problems: TaskProblem[], where: "body" | "headers") =>
  new AppError(
    "TOV_ERR_VALIDATION",
    problems.map((p) => `${p.field}: ${p.reason}`).join("; "),
    problems.map((p): FieldError => ({ in: where, ...p })),
  );

/**
 * Handovers as FHIR R4 Tasks for the receivers' own systems (municipal care
 * systems, GP systems): their worklist, one Task, and accepting (confirm) or
 * rejecting (decline) it through the same use cases as the web pages.
 */
export const fhirTaskRoutes: FastifyPluginAsyncZod<{ handovers: HandoverService }> = async (
  app,
  { handovers },
) => {
  // application/fhir+json is JSON; parsed like application/json (same limits and errors).
  app.addContentTypeParser(FHIR_JSON, { parseAs: "string" }, jsonParser(app));
  const base = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

  app.get(
    "/fhir/Task",
    {
      config: readsTasks,
      schema: {
        tags,
        summary:
          "The acting organisation's handovers as Tasks (its worklist; by default those still requested or rejected)",
        querystring: z.object({
          status: z
            .string()
            .regex(STATUS_LIST, {
              message: "must be a comma-separated list of requested, accepted, rejected, cancelled",
            })
            .optional(),
          _count: z.coerce.number().int().min(1).max(500).default(200),
        }),
      },
    },
    async (request, reply) => {
      const { status, _count: count } = request.query;
      const codes = status ? (status.split(",") as TaskStatus[]) : null;
      const items = await handovers.worklist(
        contextOf(request),
        {
          ...(codes ? { statuses: handoverStatusesOf(codes) } : {}),
          overdueOnly: false,
          resource: AUDITED_AS,
        },
        { limit: count, offset: 0 },
      );
      const self = `/fhir/Task?${status ? `status=${status}&` : ""}_count=${count}`;
      const bundle = searchBundle(base(request), self, items.map(taskResource));
      // A full page may not be all: then the total is not known, and not claimed.
      const { total: _total, ...withoutTotal } = bundle;
      return reply.type(FHIR_JSON).send(items.length < count ? bundle : withoutTotal);
    },
  );

  app.get(
    "/fhir/Task/:id",
    {
      config: readsTasks,
      schema: {
        tags,
        summary: "One handover as a Task, with its version as ETag (404 unless on your worklist)",
        params,
      },
    },
    async (request, reply) => {
      const item = await readTask(contextOf(request), request.params.id);
      return reply.header("etag", etagOf(item.version)).type(FHIR_JSON).send(taskResource(item));
    },
  );

  app.put(
    "/fhir/Task/:id",
    {
      config: writesTasks,
      schema: {
        tags,
        summary:
          "Accept (confirm) or reject (decline, with statusReason) a Task, giving the version read as If-Match",
        description:
          'Reads `status` (accepted | rejected), `statusReason` (required when rejected) and `meta.versionId`; `resourceType` and `id` must match; the rest is ignored. The version read comes from `If-Match: W/"<n>"` or `meta.versionId` (428 without either). 409 with the current status and ETag when the Task changed since; 404 (audited) unless the Task is on your worklist, as for GET; 403 (audited) when it is but you are not the receiver.',
        params,
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      const parsed = parseTaskUpdate(request.body, id);
      if (!parsed.ok) throw invalid(parsed.problems, "body");
      const ifMatch = parseIfMatch(request.headers["if-match"]);
      if (!ifMatch.ok) throw invalid(ifMatch.problems, "headers");
      const chosen = chooseVersion(ifMatch.value, parsed.value.versionId);
      if (chosen.kind === "disagree") throw invalid([chosen.problem], "body");
      if (chosen.kind === "missing")
        throw new AppError(
          "TOV_ERR_PRECONDITION_REQUIRED",
          'Send the version you read: If-Match: W/"<version>" (the ETag of GET /fhir/Task/<id>) or meta.versionId',
        );
      const ctx = contextOf(request);
      // Another organisation's Task is as unknown as no Task (404, audited), as it is to GET.
      await handovers.mustSeeTask(ctx, id, {
        action: parsed.value.decision.status === "accepted" ? "confirm" : "decline",
        resource: AUDITED_AS,
      });
      try {
        await decide(ctx, id, parsed.value.decision, chosen.version);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== "TOV_ERR_CONFLICT") throw err;
        return sendConflict(request, reply, { id, read: chosen, wanted: parsed.value.decision });
      }
      const item = await readTask(ctx, id);
      return reply.header("etag", etagOf(item.version)).type(FHIR_JSON).send(taskResource(item));
    },
  );

  /** The Task, or 404 (audited) unless it is on the acting organisation's worklist. */
  const readTask = (ctx: RequestContext, id: string) => handovers.task(ctx, id, AUDITED_AS);

  function decide(ctx: RequestContext, id: string, decision: TaskDecision, version: number) {
    if (decision.status === "accepted") return handovers.confirm(ctx, id, { version });
    return handovers.decline(ctx, id, {
      version,
      reason: decision.reason,
      ...(decision.note ? { note: decision.note } : {}),
    });
  }

  /** 409 with the Task's current status and version, its ETag and where to read it again. */
  async function sendConflict(
    request: FastifyRequest,
    reply: FastifyReply,
    c: { id: string; read: { version: number; from: string }; wanted: TaskDecision },
  ) {
    const current = await handovers.worklistItem(contextOf(request), c.id, AUDITED_AS);
    if (!current) throw new AppError("TOV_ERR_CONFLICT", "The Task has changed");
    const now = `${TASK_STATUS[current.status]} (version ${current.version})`;
    const reason =
      current.version === c.read.version
        ? `the Task is ${now} and can no longer be set to ${c.wanted.status}`
        : `is not the current version: the Task is now ${now}; read it again (GET /fhir/Task/${c.id})`;
    reply
      .header("etag", etagOf(current.version))
      .header("content-location", `${base(request)}/fhir/Task/${c.id}`);
    return sendProblem(
      reply,
      problemFor(request, "TOV_ERR_CONFLICT", `The Task has changed: it is ${now}`, [
        { in: c.read.from === "If-Match" ? "headers" : "body", field: c.read.from, reason },
      ]),
    );
  }
};
