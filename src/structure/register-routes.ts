import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../platform/http/errors.ts";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import { lineErrors, newUnitSchema, parseUnitsCsv, UNIT_KINDS } from "./register-model.ts";
import type { RegisterService } from "./register-service.ts";

const adminOnly = { access: { actors: ["staff"], roles: ["administrator"] } } as const;
const tags = ["organisation register"];

const unitView = z.object({
  id: z.string(),
  kind: z.string(),
  unitType: z.string().nullable(),
  name: z.string(),
  sorCode: z.string().nullable(),
  gln: z.string().nullable(),
  hospitalId: z.string().nullable(),
  hospitalName: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  providerNumber: z.string().nullable(),
  synthetic: z.boolean(),
});

const notAList = {
  in: "body",
  field: "content",
  reason: "must be a JSON array of units",
  i18n: { key: "structure.register.mustBeList" },
};

/** Reads an import body into numbered rows; a JSON file is an array of units. */
function rowsOf(format: "csv" | "json", content: string) {
  if (format === "csv") {
    const { rows, errors } = parseUnitsCsv(content);
    if (errors.length > 0) {
      throw new AppError(
        "TOV_ERR_VALIDATION",
        "The file's header is not valid; nothing was imported",
        lineErrors(errors),
        { key: "structure.register.badHeader" },
      );
    }
    return rows;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw new AppError("TOV_ERR_VALIDATION", "The file is not valid JSON", [notAList], {
      key: "structure.register.notJson",
    });
  }
  if (!Array.isArray(parsed)) {
    throw new AppError("TOV_ERR_VALIDATION", "The file is not a list of units", [notAList], {
      key: "structure.register.notAList",
    });
  }
  return parsed.map((data, i) => ({ line: i + 1, data }));
}

export { rowsOf as unitRowsOf };

/** The organisation register's SOR-coded units, for administrators. */
export const registerRoutes: FastifyPluginAsyncZod<{ register: RegisterService }> = async (
  app,
  { register },
) => {
  app.get(
    "/api/admin/organisation-units",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "SOR-coded units: hospital departments, municipal units, general practices",
        querystring: z.object({
          kind: z.enum(UNIT_KINDS).optional(),
          municipalityCode: z
            .string()
            .regex(/^[0-9]{3}$/, "must be a municipality code")
            .optional(),
          hospitalId: z.string().max(TEXT_LIMITS.identifier).optional(),
          q: z.string().max(TEXT_LIMITS.searchTerm).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.array(unitView) },
      },
    },
    async (request) => {
      const { q, ...rest } = request.query;
      return register.list({ ...rest, ...(q ? { search: q } : {}) });
    },
  );

  app.post(
    "/api/admin/organisation-units",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Register a SOR-coded unit",
        body: newUnitSchema,
        response: {
          201: z.object({
            organisationId: z.string(),
            sorCode: z.string(),
            name: z.string(),
            kind: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const unit = await register.add(request.body);
      return reply.status(201).send(unit);
    },
  );

  app.post(
    "/api/admin/organisation-units/import",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Import a CSV or JSON file of units; all or nothing",
        body: z.object({
          format: z.enum(["csv", "json"]),
          content: z.string().min(1, "is empty").max(2_000_000, "is too large (2 MB at most)"),
        }),
        response: {
          200: z.object({ added: z.number(), updated: z.number(), unchanged: z.number() }),
        },
      },
    },
    async (request) => register.import(rowsOf(request.body.format, request.body.content)),
  );
};
