import { readFile } from "node:fs/promises";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { BODY_KINDS, type BodyKind } from "./model.ts";
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

const committee = z.object({ name: z.string(), verified: z.boolean() }).nullable();
const bodyKind = z.enum(BODY_KINDS);
const bodyRef = z.object({
  id: z.string(),
  kind: bodyKind,
  name: z.string(),
  verified: z.boolean(),
});
const hospitalRef = z.object({ id: z.string(), name: z.string(), sorCode: z.string().nullable() });
const bodySummary = z.object({
  id: z.string(),
  kind: bodyKind,
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

const linkedBody = z.object({
  id: z.string(),
  kind: bodyKind,
  name: z.string(),
  municipalityCodes: z.array(z.string()),
});
const bodyDetail = bodySummary.extend({
  date: z.string().describe("The date described: the one asked for, or the body's nearest day"),
  region: z.object({ code: z.string(), name: z.string(), codeVerified: z.boolean(), committee }),
  predecessors: z.array(linkedBody),
  successors: z.array(linkedBody),
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
});
const position = z.array(z.number()).describe("[longitude, latitude] (WGS84)");
const municipalityGeo = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      properties: z.object({
        lau_1: z.string().describe("The municipality's code"),
        label_dk: z.string().describe("The municipality's Danish name"),
      }),
      geometry: z.union([
        z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(position)) }),
        z.object({
          type: z.literal("MultiPolygon"),
          coordinates: z.array(z.array(z.array(position))),
        }),
      ]),
    }),
  ),
});
const bodyParams = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/, "must be a body id such as hovedstaden-syd"),
});

export type StructureRoutesOptions = {
  structure: StructureService;
  geojsonFile: string;
  /** What "today" is when a request gives no date (the demo's clock may differ from the wall). */
  clock?: () => Date;
};

export const structureRoutes: FastifyPluginAsyncZod<StructureRoutesOptions> = async (
  app,
  { structure, geojsonFile, clock = () => new Date() },
) => {
  const tags = ["structure"];
  const dateOf = (q: { date?: string | undefined }) => q.date ?? danishToday(clock());

  /** The neutral list and detail, and one pair per kind under the name people use. */
  const bodyLists: { path: string; kind?: BodyKind; summary: string }[] = [
    { path: "/api/bodies", summary: "The local health bodies (clusters or councils) on a date" },
    {
      path: "/api/clusters",
      kind: "sundhedsklynge",
      summary: "The sundhedsklynger on a date (none from 2027-01-01)",
    },
    {
      path: "/api/health-councils",
      kind: "sundhedsraad",
      summary: "The sundhedsråd on a date (none before 2027-01-01)",
    },
  ];
  for (const list of bodyLists) {
    app.get(
      list.path,
      {
        config: publicData,
        schema: {
          tags,
          summary: list.summary,
          querystring: dateQuery,
          response: { 200: z.array(bodySummary) },
        },
      },
      async (req) => structure.listBodies(dateOf(req.query), list.kind),
    );
    app.get(
      `${list.path}/:id`,
      {
        config: publicData,
        schema: {
          tags,
          summary: "One body with its municipalities, hospitals, predecessors and successors",
          description:
            "Without a date: today, or the body's nearest day when it has ended or not begun",
          params: bodyParams,
          querystring: dateQuery,
          response: { 200: bodyDetail },
        },
      },
      async (req) =>
        structure.getBody(req.params.id, dateOf(req.query), list.kind, {
          nearest: req.query.date === undefined,
        }),
    );
  }

  app.get(
    "/api/structure/today",
    {
      config: publicData,
      schema: {
        tags,
        summary: "The date the structure answers for when no date is given: today in Denmark",
        response: { 200: z.object({ date: z.string() }) },
      },
    },
    async () => ({ date: danishToday(clock()) }),
  );

  app.get(
    "/api/structure/versions",
    {
      config: publicData,
      schema: {
        tags,
        summary: "The structure versions loaded: the dates on which the structure changed",
        response: {
          200: z.array(z.object({ asOf: z.string(), summary: z.record(z.string(), z.number()) })),
        },
      },
    },
    async () => structure.versions(),
  );

  app.get(
    "/api/regions",
    {
      config: publicData,
      schema: {
        tags,
        summary: "The regions on a date, their committee (until 2026) and their bodies",
        querystring: dateQuery,
        response: {
          200: z.array(
            z.object({
              code: z.string(),
              name: z.string(),
              codeVerified: z.boolean(),
              seat: z.string().nullable(),
              validFrom: z.string(),
              validTo: z.string().nullable(),
              committee,
              bodyIds: z.array(z.string()),
            }),
          ),
        },
      },
    },
    async (req) => structure.listRegions(dateOf(req.query)),
  );

  app.get(
    "/api/hospitals",
    {
      config: publicData,
      schema: {
        tags,
        summary: "All hospitals in the structure, acute or not, with their region on a date",
        querystring: dateQuery,
        response: {
          200: z.array(hospitalRef.extend({ acute: z.boolean(), regionCode: z.string() })),
        },
      },
    },
    async (req) => structure.listHospitals(dateOf(req.query)),
  );

  app.get(
    "/api/municipalities",
    {
      config: publicData,
      schema: {
        tags,
        summary: "All municipalities with their body on a date",
        querystring: dateQuery,
        response: {
          200: z.array(
            z.object({
              code: z.string(),
              name: z.string(),
              regionCode: z.string(),
              population: z.number().nullable(),
              bodyId: z.string().nullable(),
              partialBodyIds: z.array(z.string()),
            }),
          ),
        },
      },
    },
    async (req) => structure.listMunicipalities(dateOf(req.query)),
  );

  app.get(
    "/api/municipalities/:code",
    {
      config: publicData,
      schema: {
        tags,
        summary: "One municipality and the body it belongs to on a date",
        params: z.object({
          code: z.string().regex(/^[0-9]{3}$/, "must be a 3-digit municipality code such as 370"),
        }),
        querystring: dateQuery,
        response: {
          200: z.object({
            code: z.string(),
            name: z.string(),
            region: z.object({ code: z.string(), name: z.string(), codeVerified: z.boolean() }),
            population: z.number().nullable(),
            populationYear: z.number().nullable(),
            date: z.string(),
            body: bodyRef.nullable(),
            partialBodies: z.array(z.object({ id: z.string(), name: z.string() })),
            bodyHistory: z.array(
              bodyRef.extend({
                regionCode: z.string(),
                regionName: z.string(),
                validFrom: z.string(),
                validTo: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => structure.getMunicipality(req.params.code, dateOf(req.query)),
  );

  const geojson = await readFile(geojsonFile, "utf8");
  // The file is checked against the documented shape once, here, and then sent as it was
  // read: Fastify does not serialise a string again, so the schema costs nothing per request.
  municipalityGeo.parse(JSON.parse(geojson));
  const asRead = geojson as unknown as z.infer<typeof municipalityGeo>;
  app.get(
    "/api/geo/municipalities",
    {
      config: { access: { public: true, reason: "public map geometry" } },
      schema: {
        tags,
        summary: "Municipality boundaries (GeoJSON, WGS84), from Geodatastyrelsen DAGI/FOT",
        response: { 200: municipalityGeo },
      },
    },
    async (_req, reply) =>
      reply
        .type("application/geo+json")
        .header("cache-control", "public, max-age=86400")
        .send(asRead),
  );
};
