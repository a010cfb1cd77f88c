import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../access/authenticate.ts";
import { DISCHARGE_REFUSALS, DISCHARGE_ROLES } from "../access/discharge-rule.ts";
import { citizenView, readsCitizen } from "../citizens/routes.ts";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import type { MedicalFollowUp } from "./responsibility-model.ts";
import type { PathwayService } from "./service.ts";

const party = z.object({
  kind: z.enum(["hospital", "municipality", "general-practice"]),
  organisationId: z.string().nullable(),
  name: z.string(),
});

/** A body named by the course of care: a cluster (until 2026) or a council (from 2027). */
const bodyRef = z.object({
  id: z.string(),
  kind: z.enum(["sundhedsklynge", "sundhedsraad"]),
  name: z.string(),
  verified: z.boolean(),
  /** The day the body ended (a cluster on 2027-01-01); null while it lasts. */
  validTo: z.string().nullable(),
});

/** The residence's, the GP's and the hospital's bodies on one date. */
const bodiesOnDate = z.object({
  date: z.string(),
  residence: bodyRef.nullable(),
  generalPractice: bodyRef.nullable(),
  hospital: z.array(bodyRef),
  differ: z.boolean(),
});

const pathwayView = z.object({
  citizen: citizenView.extend({
    listedPractice: z
      .object({
        id: z.string(),
        name: z.string(),
        providerNumber: z.string(),
        municipalityCode: z.string(),
      })
      .nullable(),
    deceasedAt: z.string().nullable(),
  }),
  state: z.enum(["admitted", "on-leave", "discharged", "deceased", "no-stay"]),
  responsibility: z.object({
    responsible: z.array(party.extend({ for: z.enum(["treatment", "care", "medical-follow-up"]) })),
    awaitingConfirmationFrom: z.array(party),
    since: z.string().nullable(),
    reason: z.enum([
      "in-hospital",
      "discharged-awaiting-handover",
      "handed-over",
      "discharged-no-gp",
      "handed-over-no-gp",
      "deceased",
      "no-hospital-stay",
    ]),
    /** After a discharge where no GP was asked (no listed GP): who follows up medically. */
    medicalFollowUp: z
      .discriminatedUnion("state", [
        z.object({ state: z.literal("undecided"), since: z.string() }),
        z.object({
          state: z.literal("named"),
          kind: z.enum(["hospital", "general-practice"]),
          organisationId: z.string(),
          name: z.string(),
          at: z.string(),
        }),
        z.object({ state: z.literal("not-needed"), reason: z.string(), at: z.string() }),
      ])
      .nullable(),
  }),
  handovers: z.array(
    z.object({
      stayId: z.string(),
      sector: z.enum(["municipality", "general-practice"]),
      status: z.enum(["open", "confirmed", "declined", "closed"]),
      /** Whose contact details to show once confirmed (GET /api/organisations/:id/contact). */
      receiverOrganisationId: z.string(),
      receiverName: z.string(),
      /** The body of the discharge's own date, which the handover is counted under. */
      body: bodyRef.nullable(),
      dischargedAt: z.string(),
      deadlineAt: z.string(),
      decidedAt: z.string().nullable(),
    }),
  ),
  /** Today's bodies: who coordinates the citizen's care now. */
  bodies: bodiesOnDate,
  stays: z.array(
    z.object({
      id: z.string(),
      hospitalId: z.string(),
      hospitalName: z.string(),
      /** The discharging department, responsible until the receivers confirm. */
      departmentOrganisationId: z.string().nullable(),
      departmentName: z.string().nullable(),
      status: z.enum(["admitted", "on-leave", "discharged", "deceased", "cancelled"]),
      encounterClass: z.enum(["inpatient", "acute-ambulant"]).nullable(),
      admittedAt: z.string(),
      dischargedAt: z.string().nullable(),
      diedAt: z.string().nullable(),
      endedAt: z.string().nullable(),
      /** The bodies of the stay's own date (its admission's, Danish time). */
      bodies: bodiesOnDate,
      /** Null when the reader may discharge the stay now; otherwise why not (src/access/discharge-rule.ts). */
      dischargeRefusal: z.enum(DISCHARGE_REFUSALS).nullable(),
    }),
  ),
  timeline: z.array(
    z.object({
      at: z.string(),
      sector: z.enum(["hospital", "municipality", "general-practice"]),
      kind: z.string(),
      stayId: z.string(),
      organisation: z.string(),
      messageType: z.string(),
      corrected: z.boolean(),
    }),
  ),
});

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function followUpJson(f: MedicalFollowUp | null) {
  if (f === null) return null;
  if (f.state === "undecided") return { ...f, since: new Date(f.since).toISOString() };
  return { ...f, at: new Date(f.at).toISOString() };
}

export const pathwayRoutes: FastifyPluginAsyncZod<{ pathways: PathwayService }> = async (
  app,
  { pathways },
) => {
  app.get(
    "/api/citizens/:id/pathway",
    {
      config: readsCitizen,
      schema: {
        tags: ["pathways"],
        summary: "A citizen's course of care: timeline, state, who is responsible now, and bodies",
        params: z.object({ id: z.uuid({ error: "must be a citizen id (uuid)" }) }),
        querystring: z.object({ purpose: z.string().max(TEXT_LIMITS.shortText).optional() }),
        response: { 200: pathwayView },
      },
    },
    async (request) => {
      const p = await pathways.pathwayOf(
        contextOf(request),
        request.params.id,
        request.query.purpose,
      );
      return {
        ...p,
        citizen: { ...p.citizen, deceasedAt: iso(p.citizen.deceasedAt) },
        responsibility: {
          ...p.responsibility,
          since: iso(p.responsibility.since),
          medicalFollowUp: followUpJson(p.responsibility.medicalFollowUp),
        },
        stays: p.stays.map((s) => ({
          ...s,
          admittedAt: new Date(s.admittedAt).toISOString(),
          dischargedAt: iso(s.dischargedAt),
          diedAt: iso(s.diedAt),
          endedAt: iso(s.endedAt),
        })),
        timeline: p.timeline.map((e) => ({ ...e, at: e.at.toISOString() })),
        handovers: p.handovers.map((h) => ({
          stayId: h.stayId,
          sector: h.sector,
          status: h.status,
          receiverOrganisationId: h.receiverOrganisationId,
          receiverName: h.receiverName,
          body: h.body,
          dischargedAt: new Date(h.dischargedAt).toISOString(),
          deadlineAt: new Date(h.deadlineAt).toISOString(),
          decidedAt: iso(h.decidedAt),
        })),
      };
    },
  );

  app.post(
    "/api/stays/:stayId/discharge",
    {
      // The ward's clinicians and its discharge coordinator (src/access/discharge-rule.ts).
      config: { access: { actors: ["staff"], roles: [...DISCHARGE_ROLES] } },
      schema: {
        tags: ["pathways"],
        summary:
          "Discharge from the hospital view (where no HospitalNotification has told it): creates the handovers, with the hospital's note to the receivers",
        params: z.object({ stayId: z.uuid({ error: "must be a stay id (uuid)" }) }),
        body: z.object({
          dischargedAt: z.iso
            .datetime({ offset: true, error: "must be a date and time with offset (ISO 8601)" })
            .optional(),
          note: z
            .string()
            .max(
              TEXT_LIMITS.note,
              `must be at most ${TEXT_LIMITS.note} characters: what the citizen needs, medication changes, follow-up`,
            )
            .optional(),
        }),
        response: { 200: z.object({ stayId: z.string(), status: z.string() }) },
      },
    },
    async (request) =>
      pathways.dischargeByStaff(contextOf(request), request.params.stayId, {
        ...(request.body.dischargedAt ? { dischargedAt: new Date(request.body.dischargedAt) } : {}),
        ...(request.body.note ? { note: request.body.note } : {}),
      }),
  );
};
