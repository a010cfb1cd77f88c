import { readFile } from "node:fs/promises";
import path from "node:path";
import { openDatabase } from "../platform/db/database.ts";
import { type OpenApiDocument, openApiTypes } from "./openapi-types.ts";
import { createApp, projectRoot } from "./server.ts";

/** Where the web keeps the document and the types made from it; both are committed. */
export const apiFiles = {
  document: path.join(projectRoot, "web/src/api/openapi.json"),
  types: path.join(projectRoot, "web/src/api/schema.ts"),
};

/** Object keys in order at every depth, so the same routes always give the same text. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
  );
}

/**
 * The API's OpenAPI document as the server describes it, from every route's
 * Zod schemas. The app is built on an empty in-memory database and never
 * listens: registering routes reads no data.
 */
export async function openApiDocument(): Promise<OpenApiDocument> {
  const database = await openDatabase({ engine: "pglite" });
  try {
    // No web client: its static files are not part of the API.
    const app = await createApp(database, { webDist: "" });
    try {
      await app.ready();
      return sortedKeys(app.swagger()) as OpenApiDocument;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

/** The two committed files' text: the document, and the TypeScript types made from it. */
export async function apiFileTexts(): Promise<{ document: string; types: string }> {
  const document = await openApiDocument();
  return { document: `${JSON.stringify(document, null, 2)}\n`, types: openApiTypes(document) };
}

/** The first line (1-based) where two texts part. */
function firstDifference(a: string, b: string): number {
  const left = a.split("\n");
  const right = b.split("\n");
  const at = left.findIndex((line, i) => line !== right[i]);
  return (at === -1 ? left.length : at) + 1;
}

/**
 * The committed files that differ from what the server describes now, each
 * with the line where it first differs; empty when both are current.
 */
export async function staleApiFiles(): Promise<string[]> {
  const fresh = await apiFileTexts();
  const stale: string[] = [];
  for (const which of ["document", "types"] as const) {
    const committed = await readFile(apiFiles[which], "utf8").catch(() => "");
    if (committed === fresh[which]) continue;
    const line = firstDifference(committed, fresh[which]);
    stale.push(`${path.relative(projectRoot, apiFiles[which])} (from line ${line})`);
  }
  return stale;
}
