import type { BodyKind } from "../api/types";
import { dateParam } from "./useStructureDate";

/** Where a body's page lives: clusters under /klynger, councils under /sundhedsraad. */
export const bodyRoutes: Record<BodyKind, string> = {
  sundhedsklynge: "klynger",
  sundhedsraad: "sundhedsraad",
};

/**
 * The address of a body's page, on a date when one is given. Without the kind
 * (a pathway names only ids), /klynger is used; the page moves itself to the
 * address of the body's own kind.
 */
export function bodyPath(id: string, kind?: BodyKind, date?: string | null): string {
  const path = `/${bodyRoutes[kind ?? "sundhedsklynge"]}/${encodeURIComponent(id)}`;
  return date ? `${path}?${dateParam}=${date}` : path;
}

export const reformPath = "/reformen-2027";
