import type { FastifyContextConfig } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf, contextOf } from "../access/authenticate.ts";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import { packHtml } from "./meeting-pack-html.ts";
import { printPdf } from "./meeting-pdf.ts";
import {
  decisionInput,
  decisionList,
  meetingInput,
  meetingList,
  meetingPack,
  meetingView,
} from "./meeting-schemas.ts";
import type { MeetingService } from "./meeting-service.ts";
import { version } from "./schemas.ts";

const tags = ["governance"];
const signedIn = { access: { actors: ["staff", "citizen", "relative"] } } as const;
const publicRead = {
  access: {
    public: true,
    reason:
      "a body's meetings marked public are open: their public agenda items, decisions and pack",
  },
} as const;
const runners = {
  access: { actors: ["staff"], roles: ["coordinator", "body_lead"] },
} as const;
const bodyParams = z.object({ bodyId: z.string().min(1).max(TEXT_LIMITS.identifier) });
const params = z.object({ id: z.uuid({ error: "must be a meeting id (uuid)" }) });
const agreementParams = z.object({ id: z.uuid({ error: "must be an agreement id (uuid)" }) });
const initiativeParams = z.object({ id: z.uuid({ error: "must be an initiative id (uuid)" }) });

/** A body's meetings: agenda, attendees, decisions, and the generated pack. */
export const meetingRoutes: FastifyPluginAsyncZod<{ meetings: MeetingService }> = async (
  app,
  { meetings },
) => {
  const reads: [string, FastifyContextConfig, string][] = [
    ["", signedIn, "signed in"],
    ["/public", publicRead, "without logging in (public ones and public items only)"],
  ];
  for (const [prefix, config, who] of reads) {
    const actorOf = (request: Parameters<typeof callerOf>[0]) =>
      prefix === "" ? callerOf(request).actor : null;
    app.get(
      `/api${prefix}/bodies/:bodyId/meetings`,
      {
        config,
        schema: {
          tags,
          summary: `A body's meetings (and its predecessors'), ${who}`,
          params: bodyParams,
          response: { 200: meetingList },
        },
      },
      async (request) => meetings.meetingsOf(actorOf(request), request.params.bodyId),
    );
    app.get(
      `/api${prefix}/meetings/:id`,
      {
        config,
        schema: {
          tags,
          summary: `A meeting with its agenda, attendees and decisions, ${who}`,
          params,
          response: { 200: meetingView },
        },
      },
      async (request) => meetings.meeting(actorOf(request), request.params.id),
    );
    app.get(
      `/api${prefix}/meetings/:id/pack`,
      {
        config,
        schema: {
          tags,
          summary: `The meeting's pack, generated now from the body's figures and work, ${who}`,
          params,
          response: { 200: meetingPack },
        },
      },
      async (request) => meetings.pack(actorOf(request), request.params.id),
    );
    app.get(
      `/api${prefix}/meetings/:id/pack.pdf`,
      {
        config,
        schema: {
          tags,
          summary: `The meeting's pack printed as PDF (503 when Chromium is missing), ${who}`,
          params,
        },
      },
      async (request, reply) => {
        const pack = await meetings.pack(actorOf(request), request.params.id);
        const pdf = await printPdf(packHtml(pack));
        return reply
          .type("application/pdf")
          .header("content-disposition", `inline; filename="moedepakke-${pack.meeting.date}.pdf"`)
          .send(pdf);
      },
    );
    app.get(
      `/api${prefix}/agreements/:id/decisions`,
      {
        config,
        schema: {
          tags,
          summary: `The decisions made at meetings on an agreement, ${who}`,
          params: agreementParams,
          response: { 200: decisionList },
        },
      },
      async (request) => meetings.decisionsOn(actorOf(request), "agreement", request.params.id),
    );
    app.get(
      `/api${prefix}/initiatives/:id/decisions`,
      {
        config,
        schema: {
          tags,
          summary: `The decisions made at meetings on an initiative, ${who}`,
          params: initiativeParams,
          response: { 200: decisionList },
        },
      },
      async (request) => meetings.decisionsOn(actorOf(request), "initiative", request.params.id),
    );
  }

  app.post(
    "/api/bodies/:bodyId/meetings",
    {
      config: runners,
      schema: {
        tags,
        summary: "A new meeting of the body (its secretariat and lead)",
        params: bodyParams,
        body: meetingInput,
        response: { 201: meetingView },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return meetings.create(contextOf(request), request.params.bodyId, request.body);
    },
  );

  app.put(
    "/api/meetings/:id",
    {
      config: runners,
      schema: {
        tags,
        summary: "The meeting's title, date, agenda, attendees and status (409 on a stale version)",
        params,
        body: meetingInput.extend({ version }),
        response: { 200: meetingView },
      },
    },
    async (request) => meetings.edit(contextOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/meetings/:id/decisions",
    {
      config: { access: { actors: ["staff"], roles: ["coordinator"] } },
      schema: {
        tags,
        summary: "A decision on one of the body's agreements or initiatives (the secretariat)",
        params,
        body: decisionInput,
        response: { 201: meetingView },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return meetings.decide(contextOf(request), request.params.id, request.body);
    },
  );
};
