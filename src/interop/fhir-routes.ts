import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../access/authenticate.ts";
import { CARE_ROLES } from "../access/model.ts";
import type { CitizenService } from "../citizens/service.ts";
import type { PathwayService } from "../pathways/service.ts";
import {
  capabilityStatement,
  encounterResource,
  episodeOfCareResource,
  patientResource,
  searchBundle,
} from "./fhir-resources.ts";

const FHIR_JSON = "application/fhir+json";
const readsCitizen = {
  access: {
    actors: ["staff", "token", "citizen", "relative"],
    roles: CARE_ROLES,
    scopes: ["fhir:read"],
    citizen: "relation",
  },
} as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const patientParam = z.object({
  patient: z
    .string({ error: "is required: the patient's id (Patient/<id> or <id>)" })
    .transform((v) => v.replace(/^(.*\/)?Patient\//, ""))
    .refine((v) => UUID.test(v), "must be a Patient id (a uuid), optionally as Patient/<id>"),
});

/** The FHIR R4 read facade: reads go through the access rules and the audit log. */
export const fhirReadRoutes: FastifyPluginAsyncZod<{
  citizens: CitizenService;
  pathways: PathwayService;
}> = async (app, { citizens, pathways }) => {
  const base = (request: { protocol: string; host: string }) =>
    `${request.protocol}://${request.host}`;

  app.get(
    "/fhir/metadata",
    {
      config: {
        access: { public: true, reason: "FHIR capability discovery carries no personal data" },
      },
      schema: { tags: ["fhir"], summary: "CapabilityStatement" },
    },
    async (request, reply) =>
      reply.type(FHIR_JSON).send(capabilityStatement(base(request), new Date())),
  );

  app.get(
    "/fhir/Patient/:id",
    {
      config: readsCitizen,
      schema: {
        tags: ["fhir"],
        summary: "A citizen as a FHIR Patient (audited)",
        params: z.object({ id: z.uuid({ error: "must be a Patient id (uuid)" }) }),
      },
    },
    async (request, reply) => {
      const citizen = await citizens.get(
        contextOf(request),
        request.params.id,
        undefined,
        "fhir:Patient",
      );
      return reply.type(FHIR_JSON).send(patientResource(citizen));
    },
  );

  app.get(
    "/fhir/Encounter",
    {
      config: readsCitizen,
      schema: {
        tags: ["fhir"],
        summary: "A patient's hospital stays as Encounters (audited)",
        querystring: patientParam,
      },
    },
    async (request, reply) => {
      const id = request.query.patient;
      const p = await pathways.pathwayOf(contextOf(request), id, undefined, "fhir:Encounter");
      const resources = p.stays.map((s) => encounterResource(id, s));
      return reply
        .type(FHIR_JSON)
        .send(searchBundle(base(request), `/fhir/Encounter?patient=${id}`, resources));
    },
  );

  app.get(
    "/fhir/EpisodeOfCare",
    {
      config: readsCitizen,
      schema: {
        tags: ["fhir"],
        summary: "A patient's episodes of care (forløb), one per hospital stay (audited)",
        querystring: patientParam,
      },
    },
    async (request, reply) => {
      const id = request.query.patient;
      const p = await pathways.pathwayOf(contextOf(request), id, undefined, "fhir:EpisodeOfCare");
      const resources = p.stays.map((s) => episodeOfCareResource(id, s));
      return reply
        .type(FHIR_JSON)
        .send(searchBundle(base(request), `/fhir/EpisodeOfCare?patient=${id}`, resources));
    },
  );
};
