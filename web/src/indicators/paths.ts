import type { BodyKind } from "../api/types";
import { bodyRoutes } from "../structure/paths";

export const qualityPath = "/kvalitet";

/** A municipality's trends for every indicator. */
export function municipalityPath(code: string): string {
  return `${qualityPath}/kommune/${encodeURIComponent(code)}`;
}

/** A body's own dashboard: under the body's page, /klynger/:id/overblik or /sundhedsraad/:id/overblik. */
export function dashboardPath(id: string, kind?: BodyKind): string {
  return `/${bodyRoutes[kind ?? "sundhedsklynge"]}/${encodeURIComponent(id)}/overblik`;
}
