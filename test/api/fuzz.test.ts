import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flowFor, USE_CASES } from "../../src/interop/medcom/fixtures.ts";
import { writeHospitalNotification } from "../../src/interop/medcom/write-hospital-notification.ts";
import type { RouteAccess } from "../../src/platform/http/route-access.ts";
import { authHeaders, type DemoApp, demoApp, nextIp } from "../support/access.ts";
import { integrationToken } from "../support/messages.ts";

/**
 * Issue 18, point 6: whatever arrives, the answer is never a 5xx. fast-check
 * spoils valid MedCom Bundles for $process-message, and sends arbitrary
 * bodies, path and query parameters to every JSON route the OpenAPI document
 * lists, as a caller the route admits. Fixed seeds and bounded runs keep it
 * reproducible and quick; a counterexample it finds becomes a plain test
 * (bad-input.test.ts, bad-messages.test.ts).
 */

const SEED = 18_06;
let demo: DemoApp;
let token: string;

beforeAll(async () => {
  demo = await demoApp();
  token = await integrationToken(demo.database.db, ["messages:write", "fhir:read", "tasks:write"]);
});
afterAll(() => demo.close());

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path in a JSON value, the root included. */
function pathsOf(value: Json, at: Path = []): Path[] {
  const found: Path[] = [at];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) found.push(...pathsOf(v, [...at, i]));
  } else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) found.push(...pathsOf(v, [...at, k]));
  return found;
}

type Mutation =
  | { kind: "drop"; pick: number }
  | { kind: "replace"; pick: number; value: Json }
  | { kind: "wrap"; pick: number }
  | { kind: "taint"; pick: number; text: string };

/** Applies a mutation at the `pick`-th path (modulo the paths there are) of `root`. */
function mutate(root: Json, m: Mutation): Json {
  const all = pathsOf(root);
  // A taint goes into a text that is there (an id, a code, a time), where readers look.
  const paths = m.kind === "taint" ? all.filter((p) => typeof valueAt(root, p) === "string") : all;
  const path = paths[m.pick % Math.max(1, paths.length)] ?? [];
  if (path.length === 0) {
    if (m.kind === "taint") return root;
    return m.kind === "replace" ? m.value : m.kind === "wrap" ? [root] : null;
  }
  const parent = path.slice(0, -1).reduce<Json>((node, k) => (node as never)[k] as Json, root) as
    | Json[]
    | Record<string, Json>;
  const key = path.at(-1) as string | number;
  const current = (parent as never)[key] as Json;
  if (m.kind === "taint") {
    (parent as Record<string | number, Json>)[key] = `${String(current)}${m.text}`;
  } else if (m.kind === "drop") {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else (parent as Record<string | number, Json>)[key] = m.kind === "wrap" ? [current] : m.value;
  return root;
}

const valueAt = (root: Json, path: Path): Json =>
  path.reduce<Json>((node, k) => (node as never)[k] as Json, root);

const deep = (n: number): Json => {
  let v: Json = "x";
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};

/** Long text that does not compress, as a database index entry cannot hold it. */
const incompressible = fc
  .integer({ min: 0, max: 1000 })
  .map((n) =>
    Array.from({ length: 3000 }, (_, i) =>
      String.fromCharCode(0x4e00 + ((i * 7919 + n) % 20000)),
    ).join(""),
  );

/** Values a sender might put anywhere: wrong types, huge and odd texts, deep nesting. */
const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom<Json>(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x".repeat(100_000),
    "2999-01-01T00:00:00+01:00",
    "0000-00-00T00:00:00Z",
    "urn:uuid:",
    -1,
    1e308,
    [],
    {},
    "",
  ),
  fc.integer({ min: 60, max: 200 }).map(deep),
  incompressible,
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("drop" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("replace" as const), pick: fc.nat(), value: anyValue }),
  fc.record({ kind: fc.constant("wrap" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("taint" as const),
    pick: fc.nat(),
    text: fc.oneof(
      fc.constantFrom("\u0000", "\ud800", "\u202e", "x".repeat(10_000), " ", "ø"),
      fc.string({ unit: "binary", maxLength: 5 }),
      incompressible,
    ),
  }),
);

const BUNDLES = Object.keys(USE_CASES).flatMap((useCase) =>
  flowFor(useCase, `fuzz-${useCase}`).messages.map((m) =>
    JSON.stringify(writeHospitalNotification(m)),
  ),
);

describe("$process-message under fuzzing", () => {
  it("answers every spoiled MedCom Bundle with a 2xx or 4xx Acknowledgement", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...BUNDLES),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.constantFrom("application/fhir+json", "application/json"),
        // Now and then the text is cut short, as a broken connection leaves it.
        fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 9 },
          { arbitrary: fc.nat(), weight: 1 },
        ),
        async (raw, mutations, contentType, cut) => {
          run++;
          const bundle = JSON.parse(raw) as Json;
          // A fresh MessageHeader id, so that each run is read rather than answered as a duplicate.
          const header = (bundle as { entry: { resource: { id: string } }[] }).entry[0];
          if (header) header.resource.id = `fuzz-${SEED}-${run}`;
          const spoiled = mutations.reduce(mutate, bundle);
          let payload = JSON.stringify(spoiled) ?? "null";
          if (cut !== undefined) payload = payload.slice(0, cut % (payload.length + 1));
          const response = await demo.app.inject({
            method: "POST",
            url: "/fhir/$process-message",
            headers: { authorization: `Bearer ${token}`, "content-type": contentType },
            payload,
          });
          expect(response.statusCode, response.body.slice(0, 500)).toBeLessThan(500);
          expect(response.json()).toMatchObject({ resourceType: expect.any(String) });
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});

type Operation = {
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
  parameters?: { in: string; name: string }[];
};
type Route = {
  method: string;
  path: string;
  access: RouteAccess | undefined;
  pathParams: string[];
  query: string[];
  bodyKeys: string[] | null;
};

/** Never fuzzed: the live stream would not end, and logging out would end the fuzzer's sessions. */
const SKIP = new Set(["GET /api/handovers/events", "POST /api/auth/logout"]);

const STAFF_BY_ROLE: Record<string, string> = {
  clinician: "demo.sygeplejerske",
  coordinator: "demo.udskrivning",
  body_lead: "demo.klyngeleder",
  committee_member: "demo.udvalg",
  administrator: "demo.admin",
};

describe("every JSON route under fuzzing", () => {
  it("never answers 5xx, whatever the body, path and query", async () => {
    const doc = (await demo.app.inject({ url: "/api/docs/json" })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const routes: Route[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const upper = method.toUpperCase();
        if (SKIP.has(`${upper} ${path}`) || path === "/fhir/$process-message") continue;
        const url = path.replace(/\{(\w+)\}/g, ":$1");
        const route = demo.app.registeredRoutes.find((r) => r.url === url && r.method === upper);
        const params = op.parameters ?? [];
        const body = op.requestBody?.content?.["application/json"]?.schema;
        routes.push({
          method: upper,
          path,
          access: route?.access,
          pathParams: params.filter((p) => p.in === "path").map((p) => p.name),
          query: params.filter((p) => p.in === "query").map((p) => p.name),
          bodyKeys: body ? Object.keys(body.properties ?? {}) : null,
        });
      }
    }
    expect(routes.length).toBeGreaterThan(40);

    const sessions = new Map<string, Record<string, string>>();
    async function headersFor(access: RouteAccess | undefined) {
      if (!access || access.public) return {};
      let username: string | null = null;
      if (access.actors.includes("staff"))
        username = STAFF_BY_ROLE[access.roles?.[0] ?? "clinician"] ?? "demo.admin";
      else if (access.actors.includes("citizen")) username = "demo.borger";
      else if (access.actors.includes("relative")) username = "demo.paaroerende";
      if (!username) return { authorization: `Bearer ${token}` };
      let headers = sessions.get(username);
      if (!headers) {
        headers = authHeaders(await demo.sessionOf(username));
        sessions.set(username, headers);
      }
      return headers;
    }

    const text = fc.oneof(
      fc.uuid(),
      fc.string({ maxLength: 30 }),
      fc.string({ unit: "grapheme", maxLength: 30 }),
      fc.constantFrom(
        "",
        "naestved-slagelse",
        "370",
        "municipality",
        "\u0000",
        "%",
        "x".repeat(500),
      ),
    );
    const request = fc.constantFrom(...routes).chain((route) =>
      fc.record({
        route: fc.constant(route),
        params: fc.array(text, {
          minLength: route.pathParams.length,
          maxLength: route.pathParams.length,
        }),
        query: fc.dictionary(fc.constantFrom(...route.query, "x"), text, { maxKeys: 3 }),
        body:
          route.bodyKeys === null
            ? fc.constant(undefined)
            : fc.oneof(
                anyValue,
                fc.dictionary(fc.constantFrom(...route.bodyKeys, "x"), anyValue, { maxKeys: 4 }),
              ),
      }),
    );

    await fc.assert(
      fc.asyncProperty(request, async ({ route, params, query, body }) => {
        let i = 0;
        const url = route.path.replace(/\{\w+\}/g, () => encodeURIComponent(params[i++] ?? ""));
        const search = new URLSearchParams(query as Record<string, string>).toString();
        const response = await demo.app.inject({
          method: route.method as "POST",
          url: search ? `${url}?${search}` : url,
          headers: {
            ...(await headersFor(route.access)),
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          remoteAddress: nextIp(),
          ...(body === undefined ? {} : { payload: JSON.stringify(body) ?? "null" }),
        });
        expect(
          response.statusCode,
          `${route.method} ${url}?${search} ${JSON.stringify(body)?.slice(0, 300)} → ${response.body.slice(0, 300)}`,
        ).toBeLessThan(500);
      }),
      { seed: SEED, numRuns: 800 },
    );
  });
});
