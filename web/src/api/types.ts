// The API's shapes, taken from the types generated from its OpenAPI document
// (schema.ts; `npm run api:types` writes it, and a test fails when it is stale).
// Nothing here is restated by hand: change the server's Zod schema instead.
import type { components, paths } from "./schema";

type JsonOf<Response> = Response extends { content: { "application/json": infer T } } ? T : never;

/** What an endpoint answers on success (200 unless another status is named). */
export type ApiAnswer<
  Path extends keyof paths,
  Method extends keyof paths[Path] = "get" & keyof paths[Path],
  Status extends number = 200,
> = paths[Path][Method] extends { responses: infer R }
  ? Status extends keyof R
    ? JsonOf<R[Status]>
    : never
  : never;

/** The body an endpoint takes. */
export type ApiRequest<
  Path extends keyof paths,
  Method extends keyof paths[Path],
> = paths[Path][Method] extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** Today in Denmark by the server's clock. */
export type Today = ApiAnswer<"/api/structure/today">;

export type Region = ApiAnswer<"/api/regions">[number];

/** The health collaboration committee; none from 2027. */
export type Committee = NonNullable<Region["committee"]>;

export type BodySummary = ApiAnswer<"/api/bodies">[number];

/** The local body a municipality belongs to: a cluster (until 2026) or a council (from 2027). */
export type BodyKind = BodySummary["kind"];

export type HospitalRef = BodySummary["acuteHospitals"][number];

export type Verification = BodySummary["verification"];

export type BodyDetail = ApiAnswer<"/api/bodies/{id}">;

export type BodyMunicipality = BodyDetail["municipalities"][number];

export type Membership = BodyMunicipality["membership"];

/** A body that came before or after another, and the municipalities that moved between them. */
export type LinkedBody = BodyDetail["predecessors"][number];

export type MunicipalityListItem = ApiAnswer<"/api/municipalities">[number];

/** A date on which the structure changed, from the loaded structure files. */
export type StructureVersion = ApiAnswer<"/api/structure/versions">[number];

type ServerProblem = components["schemas"]["Problem"];

/**
 * RFC 9457 problem details: as the API sends every error, or as the client
 * makes one up for an answer that carried none (then only type, title and
 * status, and the request id when the answer had one).
 */
export type Problem = Pick<ServerProblem, "type" | "title" | "status"> &
  Partial<Omit<ServerProblem, "type" | "title" | "status" | "code">> & {
    /** One of ServerProblem's codes, or a newer server's that this build does not know yet. */
    code?: string;
  };

/** A server text as a key and its values, for the web to say in the user's language. */
export type Translatable = NonNullable<ServerProblem["i18n"]>;

export type MunicipalityGeo = ApiAnswer<"/api/geo/municipalities">;

export type MunicipalityFeature = MunicipalityGeo["features"][number];
