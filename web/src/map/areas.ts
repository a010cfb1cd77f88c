import type { BodySummary, MunicipalityGeo, MunicipalityListItem } from "../api/types";
import { bodyColours, focusColour, noBodyColour, outsideColour } from "./palette";

/** How one municipality is drawn: "member" and "partial" only matter when a body is in focus. */
export type AreaStyle = "body" | "member" | "partial" | "outside";

export type MapArea = {
  code: string;
  name: string;
  bodyId: string | null;
  bodyName: string | null;
  bodyVerified: boolean;
  partialBodyNames: string[];
  colour: string;
  style: AreaStyle;
};

export type AreaInput = {
  geo: MunicipalityGeo;
  bodies: readonly BodySummary[];
  municipalities: readonly MunicipalityListItem[];
  /** When set, only this body's municipalities are coloured. */
  focusBodyId?: string;
};

export function mapAreas({ geo, bodies, municipalities, focusBodyId }: AreaInput): MapArea[] {
  const colours = bodyColours(bodies);
  const bodyById = new Map(bodies.map((c) => [c.id, c]));
  const municipalityByCode = new Map(municipalities.map((m) => [m.code, m]));
  return geo.features.map(({ properties }) => {
    const code = properties.lau_1;
    const municipality = municipalityByCode.get(code);
    const bodyId = municipality?.bodyId ?? null;
    const partialIds = municipality?.partialBodyIds ?? [];
    const ownColour = (bodyId && colours.get(bodyId)) || noBodyColour;
    let style: AreaStyle = "body";
    let colour = ownColour;
    if (focusBodyId) {
      style =
        bodyId === focusBodyId
          ? "member"
          : partialIds.includes(focusBodyId)
            ? "partial"
            : "outside";
      colour = style === "outside" ? outsideColour : focusColour;
    }
    return {
      code,
      name: municipality?.name ?? properties.label_dk,
      bodyId,
      bodyName: bodyId ? (bodyById.get(bodyId)?.name ?? bodyId) : null,
      bodyVerified: bodyId ? (bodyById.get(bodyId)?.verified ?? false) : true,
      partialBodyNames: partialIds.map((id) => bodyById.get(id)?.name ?? id),
      colour,
      style,
    };
  });
}

/** Codes of the municipalities that belong to a body, fully or partly. */
export function memberCodes(body: BodySummary): Set<string> {
  return new Set([...body.municipalityCodes, ...body.partialMunicipalityCodes]);
}
