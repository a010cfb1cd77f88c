import type { BodyKind } from "../api/types";
import { bodyRoutes } from "../structure/paths";

/** A page of a body's own work: /klynger/:id/<part> or /sundhedsraad/:id/<part>. */
export function bodyWorkPath(bodyId: string, kind: string | undefined, part: string): string {
  const route = bodyRoutes[(kind as BodyKind | undefined) ?? "sundhedsklynge"] ?? "klynger";
  return `/${route}/${encodeURIComponent(bodyId)}/${part}`;
}

/** A body's agreements: under its page, /klynger/:id/aftaler or /sundhedsraad/:id/aftaler. */
export function agreementsPath(bodyId: string, kind?: string): string {
  return bodyWorkPath(bodyId, kind, "aftaler");
}

export function agreementPath(bodyId: string, kind: string | undefined, id: string): string {
  return `${agreementsPath(bodyId, kind)}/${encodeURIComponent(id)}`;
}

export function newAgreementPath(bodyId: string, kind?: string): string {
  return `${agreementsPath(bodyId, kind)}/ny`;
}

/** A body's initiatives: /klynger/:id/initiativer or /sundhedsraad/:id/initiativer. */
export function initiativesPath(bodyId: string, kind?: string): string {
  return bodyWorkPath(bodyId, kind, "initiativer");
}

export function initiativePath(bodyId: string, kind: string | undefined, id: string): string {
  return `${initiativesPath(bodyId, kind)}/${encodeURIComponent(id)}`;
}

/** A body's meetings: /klynger/:id/moeder or /sundhedsraad/:id/moeder. */
export function meetingsPath(bodyId: string, kind?: string): string {
  return bodyWorkPath(bodyId, kind, "moeder");
}

export function meetingPath(bodyId: string, kind: string | undefined, id: string): string {
  return `${meetingsPath(bodyId, kind)}/${encodeURIComponent(id)}`;
}

export function meetingPackPath(bodyId: string, kind: string | undefined, id: string): string {
  return `${meetingPath(bodyId, kind, id)}/pakke`;
}

export function meetingEditPath(bodyId: string, kind: string | undefined, id: string): string {
  return `${meetingPath(bodyId, kind, id)}/rediger`;
}
