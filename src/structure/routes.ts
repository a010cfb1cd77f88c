import { readFile } from "node:fs/promises";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { danishToday, type StructureService } from "./service.ts";

const publicData = {
  access: { public: true, reason: "the Danish health structure is public fact" },
} as const;

const dateQuery = z.object({
  date: z.iso
    .date({ error: "must be a date in the form YYYY-MM-DD" })
    .optional()
    .describe("The date to answer for (YYYY-MM-DD); default today in Denmark"),
});

const committee = z.object({ name: z.string(), verified: z.boolean() });
const hospitalRef = z.object({ id: z.string(), name: z.string(), sorCode: z.string().nullable() });
const clusterSummary = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  verified: z.boolean(),
  verification: z.record(z.string(), z.boolean()),
  aliases: z.array(z.string()),
  acuteHospitals: z.array(hospitalRef),
  municipalityCodes: z.array(z.string()),
  partialMunicipalityCodes: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export type StructureRoutesOptions = { structure: StructureService; geojsonFile: string };

export const structureRoutes: FastifyPluginAsyncZod<StructureRoutesOptions> = async (
  app,
  { structure, geojsonFile },
) => {
  const tags = ["structure"];

  app.get(
    "/api/regions",
    {
      config: publicData,
      schema: {
        tags,
        summary: "The five regions, their health collaboration committee and their clusters",
        querystring: dateQuery,
        response: {
          200: z.array(
            z.object({
              code: z.string(),
              name: z.string(),
              committee,
              clusterIds: z.array(z.string()),
            }),
          ),
        },
      },
    },
    async (req) => structure.listRegions(req.query.date ?? danishToday()),
  );

  app.get(
    "/api/clusters",
    {
      config: publicData,
      schema: {
        tags,
        summary: "The health clusters valid on a date",
        querystring: dateQuery,
        response: { 200: z.array(clusterSummary) },
      },
    },
    async (req) => structure.listClusters(req.query.date ?? danishToday()),
  );

  app.get(
    "/api/clusters/:id",
    {
      config: publicData,
      schema: {
        tags,
        summary: "One cluster with its municipalities and hospitals",
        params: z.object({
          id: z.string().regex(/^[a-z0-9-]{1,64}$/, "must be a cluster id such as hovedstaden-syd"),
        }),
        querystring: dateQuery,
        response: {
          200: clusterSummary.extend({
            region: z.object({ code: z.string(), name: z.string(), committee }),
            municipalities: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                population: z.number().nullable(),
                populationYear: z.number().nullable(),
                membership: z.enum(["primary", "partial"]),
              }),
            ),
            hospitals: z.array(hospitalRef.extend({ acute: z.boolean() })),
            sources: z.array(z.string()),
            notes: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => structure.getCluster(req.params.id, req.query.date ?? danishToday()),
  );

  app.get(
    "/api/hospitals",
    {
      config: publicData,
      schema: {
        tags,
        summary: "All hospitals in the structure, acute or not",
        response: {
          200: z.array(hospitalRef.extend({ acute: z.boolean(), regionCode: z.string() })),
        },
      },
    },
    async () => structure.listHospitals(),
  );

  app.get(
    "/api/municipalities",
    {
      config: publicData,
      schema: {
        tags,
        summary: "All municipalities with their cluster on a date",
        querystring: dateQuery,
        response: {
          200: z.array(
            z.object({
              code: z.string(),
              name: z.string(),
              regionCode: z.string(),
              population: z.number().nullable(),
              clusterId: z.string().nullable(),
              partialClusterIds: z.array(z.string()),
            }),
          ),
        },
      },
    },
    async (req) => structure.listMunicipalities(req.query.date ?? danishToday()),
  );

  app.get(
    "/api/municipalities/:code",
    {
      config: publicData,
      schema: {
        tags,
        summary: "One municipality and the cluster it belongs to on a date",
        params: z.object({
          code: z.string().regex(/^[0-9]{3}$/, "must be a 3-digit municipality code such as 370"),
        }),
        querystring: dateQuery,
        response: {
          200: z.object({
            code: z.string(),
            name: z.string(),
            region: z.object({ code: z.string(), name: z.string() }),
            population: z.number().nullable(),
            populationYear: z.number().nullable(),
            date: z.string(),
            cluster: z
              .object({ id: z.string(), name: z.string(), verified: z.boolean() })
              .nullable(),
            partialClusters: z.array(z.object({ id: z.string(), name: z.string() })),
          }),
        },
      },
    },
    async (req) => structure.getMunicipality(req.params.code, req.query.date ?? danishToday()),
  );

  const geojson = await readFile(geojsonFile, "utf8");
  app.get(
    "/api/geo/municipalities",
    {
      config: { access: { public: true, reason: "public map geometry" } },
      schema: {
        tags,
        summary: "Municipality boundaries (GeoJSON, WGS84), from Geodatastyrelsen DAGI/FOT",
      },
    },
    async (_req, reply) =>
      reply
        .type("application/geo+json")
        .header("cache-control", "public, max-age=86400")
        .send(geojson),
  );
};
