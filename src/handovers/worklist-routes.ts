import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../access/authenticate.ts";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import { params } from "./decision-routes.ts";
import { handoverNotFound } from "./decisions.ts";
import { type HandoverStatus, NEEDS_ACTION_GROUPS, WORKLIST_GROUPS } from "./model.ts";
import type { HandoverService } from "./service.ts";

const tags = ["handovers"];
const staffInCare = {
  access: { actors: ["staff"], roles: ["clinician", "coordinator", "body_lead"] },
} as const;

const item = z.object({
  id: z.string(),
  citizenId: z.string(),
  /** Null where the acting organisation has no relation to the citizen (a body secretariat). */
  citizenName: z.string().nullable(),
  stayId: z.string(),
  sector: z.enum(["municipality", "general-practice"]),
  status: z.enum(["open", "confirmed", "declined", "closed"]),
  statusReason: z.string().nullable(),
  version: z.number(),
  dischargedAt: z.string(),
  deadlineAt: z.string(),
  overdue: z.boolean(),
  escalationStep: z.number(),
  /** How much the acting organisation's relation opens: `basic` is the name and the handover only. */
  relationScope: z.enum(["basic", "full"]).nullable(),
  /** The ward's note: only under a full relation. */
  note: z.string().nullable(),
  /** What the receiver wrote on declining, where the acting organisation has a relation. */
  declineNote: z.string().nullable(),
  receiverName: z.string(),
  dischargingName: z.string().nullable(),
  hospitalId: z.string(),
  /** The row's group in the worklist for this reader now (model.ts, `worklistGroup`). */
  group: z.enum(WORKLIST_GROUPS),
  /** When the whole ladder had chased it without a confirmation; it stays open. */
  unresolvedAt: z.string().nullable(),
  /** The parties' organisations, for their contact details (`/api/organisations/:id/contact`). */
  receiverOrganisationId: z.string(),
  dischargingOrganisationId: z.string().nullable(),
});

const groupCounts = z.object(
  Object.fromEntries(WORKLIST_GROUPS.map((g) => [g, z.number()])) as Record<
    (typeof WORKLIST_GROUPS)[number],
    z.ZodNumber
  >,
);

/** A receiver's citizen in hospital now: the discharge to come. */
const inHospital = z.object({
  stayId: z.string(),
  citizenId: z.string(),
  citizenName: z.string().nullable(),
  status: z.enum(["admitted", "on-leave"]),
  admittedAt: z.string(),
  hospitalName: z.string(),
  departmentName: z.string().nullable(),
});

/**
 * The worklists: one page, the grouped view, the unresolved, citizens in
 * hospital, the search, one handover, and their live changes.
 */
export const worklistRoutes: FastifyPluginAsyncZod<{ handovers: HandoverService }> = async (
  app,
  { handovers },
) => {
  const statusList = z
    .string()
    .regex(/^(open|confirmed|declined|closed)(,(open|confirmed|declined|closed))*$/, {
      message: "must be a comma-separated list of open, confirmed, declined, closed",
    });
  const filters = {
    status: statusList.optional(),
    overdue: z.enum(["true", "false"]).optional(),
    sector: z.enum(["municipality", "general-practice"]).optional(),
    sort: z.enum(["deadline", "newest"]).default("deadline"),
    group: z.enum(WORKLIST_GROUPS).optional(),
  };
  const paging = {
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  };
  const queryOf = (q: z.infer<z.ZodObject<typeof filters>>) => ({
    ...(q.status ? { statuses: q.status.split(",") as HandoverStatus[] } : {}),
    overdueOnly: q.overdue === "true",
    ...(q.sector ? { sector: q.sector } : {}),
    newestFirst: q.sort === "newest",
    ...(q.group ? { group: q.group } : {}),
  });

  app.get(
    "/api/handovers",
    {
      config: staffInCare,
      schema: {
        tags,
        summary:
          "One page of the acting organisation's worklist: a municipality's or GP's handovers to confirm, a hospital's discharges not yet taken over, a body's overdue or declined",
        querystring: z.object({ ...filters, ...paging }),
        response: {
          200: z.object({
            items: z.array(item),
            /** How many handovers the whole list holds (all pages). */
            total: z.number(),
            limit: z.number(),
            offset: z.number(),
            /** How many of a receiver's citizens are in hospital now (`/api/handovers/in-hospital`). */
            inHospitalTotal: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const { limit, offset, ...q } = request.query;
      const page = await handovers.worklistPage(contextOf(request), queryOf(q), { limit, offset });
      return { ...page, limit, offset };
    },
  );

  app.get(
    "/api/handovers/grouped",
    {
      config: staffInCare,
      schema: {
        tags,
        summary:
          "The worklist's default view: what needs action today, then the overdue by age, each group's first `limit` rows; and how many every group holds (the rest and the unresolved included)",
        querystring: z.object({
          ...filters,
          limit: z.coerce.number().int().min(1).max(200).default(25),
        }),
        response: {
          200: z.object({
            groups: z.array(
              z.object({
                group: z.enum(NEEDS_ACTION_GROUPS),
                total: z.number(),
                items: z.array(item),
              }),
            ),
            counts: groupCounts,
            inHospitalTotal: z.number(),
            limit: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const { limit, group: _one, ...q } = request.query;
      const view = await handovers.groupedView(contextOf(request), queryOf(q), limit);
      return { ...view, limit };
    },
  );

  app.get(
    "/api/handovers/unresolved",
    {
      config: staffInCare,
      schema: {
        tags,
        summary:
          "One page of the unresolved cases the acting organisation may see: a body's coordinators all in its care, a hospital its own discharges, a receiver its own; open until the receiver confirms",
        querystring: z.object(paging),
        response: {
          200: z.object({
            items: z.array(item),
            total: z.number(),
            limit: z.number(),
            offset: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const page = await handovers.worklistPage(
        contextOf(request),
        { overdueOnly: false, group: "unresolved" },
        { limit, offset },
      );
      return { items: page.items, total: page.total, limit, offset };
    },
  );

  app.get(
    "/api/handovers/in-hospital",
    {
      config: staffInCare,
      schema: {
        tags,
        summary:
          "One page of a receiver's citizens in hospital now (admitted or on leave): the discharges to come; empty for hospitals and bodies",
        querystring: z.object(paging),
        response: {
          200: z.object({
            items: z.array(inHospital),
            total: z.number(),
            limit: z.number(),
            offset: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const page = await handovers.inHospital(contextOf(request), { limit, offset });
      return { ...page, limit, offset };
    },
  );

  app.post(
    "/api/handovers/search",
    {
      config: staffInCare,
      schema: {
        tags,
        summary:
          "Both worklists searched by the citizen's name (in the body, never the URL); only the matches are returned and audited",
        body: z.object({
          name: z
            .string()
            .trim()
            .min(2, "must be at least 2 characters")
            .max(TEXT_LIMITS.searchTerm, `must be at most ${TEXT_LIMITS.searchTerm} characters`),
          ...filters,
          overdue: z.boolean().optional(),
        }),
        response: {
          200: z.object({ items: z.array(item), inHospital: z.array(inHospital) }),
        },
      },
    },
    async (request) => {
      const { name, overdue, ...q } = request.body;
      const query = queryOf({ ...q, ...(overdue ? { overdue: "true" as const } : {}) });
      return handovers.search(contextOf(request), query, name);
    },
  );

  app.get(
    "/api/handovers/:id",
    {
      config: staffInCare,
      schema: {
        tags,
        summary:
          "One handover as the acting organisation's worklist shows it, whatever its status (a notification leads here); 404 when it is not on that list",
        params,
        response: { 200: item },
      },
    },
    async (request) => {
      const found = await handovers.worklistItem(contextOf(request), request.params.id, "worklist");
      if (!found) throw handoverNotFound();
      return found;
    },
  );

  // Open streams end before the server stops, or closing would wait for them.
  const streams = new Set<() => void>();
  app.addHook("preClose", async () => {
    for (const end of streams) end();
  });

  app.get(
    "/api/handovers/events",
    {
      config: staffInCare,
      schema: {
        tags,
        summary:
          "Server-sent events: `changed` whenever the acting organisation's worklist may have changed (refetch it then)",
      },
    },
    async (request, reply) => {
      const stop = handovers.watch(contextOf(request), () =>
        reply.raw.write("event: changed\ndata: {}\n\n"),
      );
      reply.hijack();
      reply.raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
        "x-request-id": request.id,
      });
      // A comment now and then keeps proxies from closing an idle stream.
      reply.raw.write(": worklist events\nretry: 5000\n\n");
      const heartbeat = setInterval(() => reply.raw.write(": heartbeat\n\n"), 25_000);
      const end = () => {
        clearInterval(heartbeat);
        stop();
        streams.delete(end);
        reply.raw.end();
      };
      streams.add(end);
      request.raw.on("close", end);
    },
  );
};
