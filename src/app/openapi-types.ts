/**
 * TypeScript types from the API's OpenAPI document, for the web client
 * (web/src/api/schema.ts). The output has openapi-typescript's layout
 * (`paths[path][method]["responses"][200]["content"]["application/json"]`,
 * `components["schemas"][name]`), so that tool can take over when the
 * project adds it as a dependency.
 *
 * It knows the part of OpenAPI 3.0 that the server's Zod schemas turn into,
 * and refuses anything else by name: a keyword it does not know would
 * otherwise become a type that is silently too wide or too narrow.
 */

type Schema = Record<string, unknown>;

/** Keywords that narrow values in ways a TypeScript type cannot say; they are left out. */
const IGNORED = new Set([
  "title",
  "format",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "default",
  "example",
  "examples",
  "readOnly",
  "writeOnly",
  "deprecated",
  "contentEncoding",
  "contentMediaType",
  "externalDocs",
]);
const UNDERSTOOD = new Set([
  "type",
  "enum",
  "nullable",
  "description",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "anyOf",
  "oneOf",
  "allOf",
  "$ref",
]);
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
const OPERATION_KEYS = new Set([
  "summary",
  "description",
  "tags",
  "operationId",
  "parameters",
  "requestBody",
  "responses",
  "deprecated",
  "security",
]);
const PARAMETER_PLACES = ["path", "query", "header", "cookie"];

/** A type's text, and whether it is a union or intersection that needs brackets inside `[]`. */
type Rendered = { text: string; compound: boolean; members?: string[] };

class UnsupportedSchema extends Error {
  constructor(at: string, what: string) {
    super(
      `${at}: ${what}. Teach src/app/openapi-types.ts this, or generate with openapi-typescript.`,
    );
    this.name = "UnsupportedSchema";
  }
}

const isObject = (value: unknown): value is Schema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const key = (name: string) =>
  /^([A-Za-z_$][\w$]*|[1-9]\d*)$/.test(name) ? name : JSON.stringify(name);

function doc(text: unknown, indent: string): string {
  if (typeof text !== "string" || text.trim() === "") return "";
  const lines = text.replaceAll("*/", "*\\/").trim().split("\n");
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join("\n")}\n${indent} */\n`;
}

function union(parts: string[]): Rendered {
  const unique = [...new Set(parts)];
  return { text: unique.join(" | "), compound: unique.length > 1, members: unique };
}

/** `{ name: T; other?: U }` from named members; an empty one is an object with no keys. */
function block(
  members: { name: string; optional: boolean; type: string; description?: unknown }[],
  indent: string,
  extra: string[] = [],
): string {
  if (members.length === 0 && extra.length === 0) return "Record<string, never>";
  const inner = `${indent}  `;
  const lines = members.map(
    (m) => `${doc(m.description, inner)}${inner}${key(m.name)}${m.optional ? "?" : ""}: ${m.type};`,
  );
  return `{\n${[...lines, ...extra.map((e) => `${inner}${e}`)].join("\n")}\n${indent}}`;
}

function objectType(schema: Schema, at: string, indent: string): string {
  const properties = schema.properties ?? {};
  if (!isObject(properties)) throw new UnsupportedSchema(at, "properties is not an object");
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const members = Object.entries(properties).map(([name, property]) => ({
    name,
    optional: !required.has(name),
    type: render(property, `${at}/properties/${name}`, `${indent}  `).text,
    description: isObject(property) ? property.description : undefined,
  }));
  const extra = schema.additionalProperties;
  if (extra === false) return block(members, indent);
  if (extra === undefined && members.length > 0) return block(members, indent);
  if (extra === true || extra === undefined) {
    return members.length === 0
      ? "Record<string, unknown>"
      : block(members, indent, ["[key: string]: unknown;"]);
  }
  if (members.length > 0)
    throw new UnsupportedSchema(at, "named properties beside a schema for the other keys");
  return `Record<string, ${render(extra, `${at}/additionalProperties`, indent).text}>`;
}

function bracketed(rendered: Rendered): string {
  return rendered.compound ? `(${rendered.text})` : rendered.text;
}

function byType(type: unknown, schema: Schema, at: string, indent: string): Rendered {
  if (Array.isArray(type)) return union(type.map((t) => byType(t, schema, at, indent).text));
  switch (type) {
    case "string":
      return { text: "string", compound: false };
    case "number":
    case "integer":
      return { text: "number", compound: false };
    case "boolean":
      return { text: "boolean", compound: false };
    case "null":
      return { text: "null", compound: false };
    case "array": {
      if (!isObject(schema.items))
        throw new UnsupportedSchema(at, "an array without one items schema");
      return {
        text: `${bracketed(render(schema.items, `${at}/items`, indent))}[]`,
        compound: false,
      };
    }
    case "object":
      return { text: objectType(schema, at, indent), compound: false };
    default:
      throw new UnsupportedSchema(at, `the type ${JSON.stringify(type)}`);
  }
}

function refType(ref: unknown, at: string): Rendered {
  const match = typeof ref === "string" ? /^#\/components\/schemas\/([^/]+)$/.exec(ref) : null;
  if (!match?.[1]) throw new UnsupportedSchema(at, `the reference ${JSON.stringify(ref)}`);
  return { text: `components["schemas"][${JSON.stringify(match[1])}]`, compound: false };
}

function core(schema: Schema, at: string, indent: string): Rendered {
  if (schema.$ref !== undefined) return refType(schema.$ref, at);
  if (Array.isArray(schema.enum)) return union(schema.enum.map((v) => JSON.stringify(v)));
  const branches = (name: "anyOf" | "oneOf" | "allOf") => {
    const list = schema[name];
    if (!Array.isArray(list)) throw new UnsupportedSchema(at, `${name} is not a list`);
    return list.map((branch, i) => bracketed(render(branch, `${at}/${name}/${i}`, indent)));
  };
  if (schema.anyOf !== undefined) return union(branches("anyOf"));
  if (schema.oneOf !== undefined) return union(branches("oneOf"));
  if (schema.allOf !== undefined) {
    const parts = branches("allOf");
    return { text: parts.join(" & "), compound: parts.length > 1 };
  }
  if (schema.type !== undefined) return byType(schema.type, schema, at, indent);
  if (schema.properties !== undefined) return byType("object", schema, at, indent);
  // No constraint at all (z.unknown(), z.any()): any JSON value.
  return { text: "unknown", compound: false };
}

/** The TypeScript type of one schema object; `at` is its JSON pointer, for errors. */
export function render(schema: unknown, at: string, indent = ""): Rendered {
  if (schema === true || (isObject(schema) && Object.keys(schema).length === 0))
    return { text: "unknown", compound: false };
  if (!isObject(schema)) throw new UnsupportedSchema(at, "a schema that is not an object");
  for (const name of Object.keys(schema)) {
    if (!UNDERSTOOD.has(name) && !IGNORED.has(name) && !name.startsWith("x-"))
      throw new UnsupportedSchema(at, `the schema keyword "${name}"`);
  }
  const kinds = ["$ref", "enum", "anyOf", "oneOf", "allOf"].filter((k) => schema[k] !== undefined);
  if (kinds.length > 1) throw new UnsupportedSchema(at, `${kinds.join(" beside ")}`);
  const found = core(schema, at, indent);
  if (schema.nullable !== true) return found;
  if (found.text === "null" || found.members?.includes("null")) return found;
  return union([...(found.members ?? [found.text]), "null"]);
}

function content(value: unknown, at: string, indent: string): string {
  if (!isObject(value)) throw new UnsupportedSchema(at, "content that is not an object");
  const members = Object.entries(value).map(([mediaType, media]) => ({
    name: mediaType,
    optional: false,
    type: isObject(media)
      ? render(media.schema ?? {}, `${at}/${mediaType}/schema`, `${indent}  `).text
      : "unknown",
  }));
  return block(members, indent);
}

type Parameter = { name: string; in: string; required?: boolean; schema?: unknown };

function parameters(list: unknown, at: string, indent: string): string {
  if (list !== undefined && !Array.isArray(list))
    throw new UnsupportedSchema(at, "parameters that are not a list");
  const given = (list ?? []) as (Parameter & { description?: unknown })[];
  const members = PARAMETER_PLACES.flatMap((place) => {
    const here = given.filter((p) => p.in === place);
    if (here.length === 0) return [];
    const fields = here.map((p) => ({
      name: p.name,
      optional: p.required !== true,
      type: render(p.schema ?? {}, `${at}/${given.indexOf(p)}/schema`, `${indent}    `).text,
      description: p.description,
    }));
    return [
      {
        name: place,
        optional: fields.every((f) => f.optional),
        type: block(fields, `${indent}  `),
      },
    ];
  });
  const unknownPlace = given.find((p) => !PARAMETER_PLACES.includes(p.in));
  if (unknownPlace) throw new UnsupportedSchema(at, `a parameter in "${unknownPlace.in}"`);
  return block(members, indent);
}

/** `{ content: { "<media type>": T } }`, or `{ content?: never }` for an answer with no body. */
function withContent(given: unknown, at: string, indent: string): string {
  if (given === undefined) return block([], indent, ["content?: never;"]);
  const type = content(given, `${at}/content`, `${indent}  `);
  return block([{ name: "content", optional: false, type }], indent);
}

function operation(op: unknown, at: string, indent: string): string {
  if (!isObject(op)) throw new UnsupportedSchema(at, "an operation that is not an object");
  const odd = Object.keys(op).find((k) => !OPERATION_KEYS.has(k) && !k.startsWith("x-"));
  if (odd) throw new UnsupportedSchema(at, `the operation field "${odd}"`);
  if (!isObject(op.responses)) throw new UnsupportedSchema(at, "an operation without responses");
  const inner = `${indent}  `;
  const members = [
    {
      name: "parameters",
      optional: false,
      type: parameters(op.parameters, `${at}/parameters`, inner),
    },
  ];
  if (op.requestBody !== undefined) {
    const body = isObject(op.requestBody) ? op.requestBody : {};
    members.push({
      name: "requestBody",
      optional: body.required !== true,
      type: withContent(body.content ?? {}, `${at}/requestBody`, inner),
    });
  }
  const responses = Object.entries(op.responses).map(([status, response]) => ({
    name: status,
    optional: false,
    type: withContent(
      isObject(response) ? response.content : undefined,
      `${at}/responses/${status}`,
      `${inner}  `,
    ),
    description: isObject(response) ? response.description : undefined,
  }));
  members.push({ name: "responses", optional: false, type: block(responses, inner) });
  return block(members, indent);
}

export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
};

/** The text of web/src/api/schema.ts for the document. */
export function openApiTypes(document: OpenApiDocument): string {
  if (!/^3\.0\./.test(document.openapi))
    throw new UnsupportedSchema("#/openapi", `OpenAPI ${document.openapi} (3.0 is known)`);
  const paths = Object.entries(document.paths).map(([path, item]) => {
    const odd = Object.keys(item).find((k) => !METHODS.includes(k));
    if (odd) throw new UnsupportedSchema(`#/paths/${path}`, `the path field "${odd}"`);
    const operations = Object.entries(item).map(([method, op]) => ({
      name: method,
      optional: false,
      type: operation(op, `#/paths/${path}/${method}`, "    "),
      description: isObject(op) ? op.summary : undefined,
    }));
    return { name: path, optional: false, type: block(operations, "  ") };
  });
  const schemas = Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => ({
    name,
    optional: false,
    type: render(schema, `#/components/schemas/${name}`, "    ").text,
    description: isObject(schema) ? schema.description : undefined,
  }));
  return [
    "// Generated from openapi.json by `npm run api:types` (src/app/openapi-types.ts). Do not edit:",
    "// change the server's route schemas and generate again.",
    "",
    `export interface paths ${block(paths, "")}`,
    "",
    `export interface components ${block([{ name: "schemas", optional: false, type: block(schemas, "  ") }], "")}`,
    "",
  ].join("\n");
}
