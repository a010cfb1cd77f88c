import { describe, expect, it } from "vitest";
import { type OpenApiDocument, openApiTypes, render } from "./openapi-types.ts";

const type = (schema: unknown) => render(schema, "#").text;

describe("the OpenAPI type generator", () => {
  it("says primitives, literals and nullable values as TypeScript does", () => {
    expect(type({ type: "string", format: "uuid", maxLength: 36 })).toBe("string");
    expect(type({ type: "integer", minimum: 0 })).toBe("number");
    expect(type({ type: "boolean" })).toBe("boolean");
    expect(type({ type: "string", enum: ["a", "b"] })).toBe('"a" | "b"');
    expect(type({ type: "string", nullable: true })).toBe("string | null");
    expect(type({ type: "string", enum: ["a", null], nullable: true })).toBe('"a" | null');
    expect(type({ type: ["string", "number"] })).toBe("string | number");
    expect(type({})).toBe("unknown");
    // A null inside a nullable object's property does not make the object itself nullable.
    expect(
      type({
        type: "object",
        nullable: true,
        properties: { a: { anyOf: [{ type: "string" }, { type: "null" }, { type: "number" }] } },
        required: ["a"],
      }),
    ).toBe("{\n  a: string | null | number;\n} | null");
  });

  it("brackets a union inside an array, and joins anyOf and allOf", () => {
    expect(
      type({ type: "array", items: { anyOf: [{ type: "string" }, { type: "number" }] } }),
    ).toBe("(string | number)[]");
    expect(type({ allOf: [{ $ref: "#/components/schemas/A" }, { type: "string" }] })).toBe(
      'components["schemas"]["A"] & string',
    );
  });

  it("marks properties not required as optional, and says records and open objects", () => {
    expect(
      type({
        type: "object",
        properties: {
          id: { type: "string", description: "The id" },
          "odd-name": { type: "number" },
        },
        required: ["id"],
        additionalProperties: false,
      }),
    ).toBe('{\n  /** The id */\n  id: string;\n  "odd-name"?: number;\n}');
    expect(type({ type: "object", additionalProperties: { type: "boolean" } })).toBe(
      "Record<string, boolean>",
    );
    expect(type({ type: "object" })).toBe("Record<string, unknown>");
    expect(type({ type: "object", properties: {}, additionalProperties: false })).toBe(
      "Record<string, never>",
    );
  });

  it("refuses, by name and place, what it does not know rather than guess", () => {
    expect(() => render({ type: "string", not: { enum: ["x"] } }, "#/x")).toThrow(
      /#\/x: the schema keyword "not"/,
    );
    expect(() => render({ $ref: "https://example.org/schema" }, "#/y")).toThrow(/reference/);
    expect(() => render({ type: "array", items: [{ type: "string" }] }, "#/z")).toThrow(/items/);
    expect(() =>
      render(
        { type: "object", properties: { a: {} }, additionalProperties: { type: "string" } },
        "#",
      ),
    ).toThrow(/named properties/);
  });

  it("lays out paths and components as openapi-typescript does", () => {
    const document: OpenApiDocument = {
      openapi: "3.0.3",
      paths: {
        "/api/things/{id}": {
          put: {
            summary: "Replace a thing",
            parameters: [
              { in: "path", name: "id", required: true, schema: { type: "string" } },
              { in: "query", name: "dry", required: false, schema: { type: "boolean" } },
            ],
            requestBody: {
              required: true,
              content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
            },
            responses: {
              200: {
                description: "Done",
                content: { "application/json": { schema: { type: "string" } } },
              },
              204: { description: "Nothing" },
            },
          },
        },
      },
      components: {
        schemas: {
          Thing: { type: "object", properties: { n: { type: "number" } }, required: ["n"] },
        },
      },
    };
    const text = openApiTypes(document);
    expect(text).toContain('"/api/things/{id}": {\n    /** Replace a thing */\n    put: {');
    expect(text).toContain("path: {\n          id: string;\n        };");
    expect(text).toContain("query?: {\n          dry?: boolean;\n        };");
    expect(text).toContain(
      'requestBody: {\n        content: {\n          "application/json": components["schemas"]["Thing"];',
    );
    expect(text).toContain('200: {\n          content: {\n            "application/json": string;');
    expect(text).toContain("204: {\n          content?: never;");
    expect(text).toContain("Thing: {\n      n: number;\n    };");
    expect(() => openApiTypes({ ...document, openapi: "3.1.0" })).toThrow(/OpenAPI 3\.1\.0/);
  });
});
