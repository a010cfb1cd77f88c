import type { BodyKind, BodySummary, MunicipalityGeo, MunicipalityListItem } from "../api/types";
import { bodyColours, focusColour, noBodyColour, outsideColour } from "./palette";

/** How one municipality is drawn: "member" and "partial" only matter when a body is in focus. */
export type AreaStyle = "body" | "member" | "partial" | "outside";

/** A municipality's body as the tooltip names it. */
export type BodyName = { name: string; kind: BodyKind; verified: boolean };

/** The structure on one day: its bodies and each municipality's body. */
export type StructureOnDate = {
  bodies: readonly BodySummary[];
  municipalities: readonly MunicipalityListItem[];
};

/**
 * Both sides of a change: the last day before it and the first day after, with
 * the structure on each. Around a change the map names both bodies.
 */
export type Transition = {
  lastDayBefore: string;
  changeDate: string;
  before: StructureOnDate;
  after: StructureOnDate;
};

/** A municipality whose body changes: until the last day the one, from the change the other. */
export type AreaChange = {
  lastDayBefore: string;
  before: BodyName | null;
  changeDate: string;
  after: BodyName | null;
};

export type MapArea = {
  code: string;
  name: string;
  bodyId: string | null;
  bodyKind: BodyKind | null;
  bodyName: string | null;
  bodyVerified: boolean;
  partialBodyNames: string[];
  /** Set around a change, for a municipality whose body changes. */
  change: AreaChange | null;
  colour: string;
  style: AreaStyle;
};

export type AreaInput = StructureOnDate & {
  geo: MunicipalityGeo;
  /** When set, only this body's municipalities are coloured. */
  focusBodyId?: string;
  transition?: Transition | null;
};

/** Each municipality's primary body on one day, by municipality code. */
function bodyNames({ bodies, municipalities }: StructureOnDate): Map<string, BodyName | null> {
  const byId = new Map(bodies.map((b) => [b.id, b]));
  return new Map(
    municipalities.map((m) => {
      const body = m.bodyId ? byId.get(m.bodyId) : undefined;
      return [m.code, body ? { name: body.name, kind: body.kind, verified: body.verified } : null];
    }),
  );
}

function changeOf(
  code: string,
  transition: Transition,
  before: Map<string, BodyName | null>,
  after: Map<string, BodyName | null>,
): AreaChange | null {
  const was = before.get(code) ?? null;
  const becomes = after.get(code) ?? null;
  if (was?.name === becomes?.name && was?.kind === becomes?.kind) return null;
  return {
    lastDayBefore: transition.lastDayBefore,
    before: was,
    changeDate: transition.changeDate,
    after: becomes,
  };
}

export function mapAreas({
  geo,
  bodies,
  municipalities,
  focusBodyId,
  transition,
}: AreaInput): MapArea[] {
  const colours = bodyColours(bodies);
  const bodyById = new Map(bodies.map((c) => [c.id, c]));
  const municipalityByCode = new Map(municipalities.map((m) => [m.code, m]));
  const sides = transition && {
    before: bodyNames(transition.before),
    after: bodyNames(transition.after),
  };
  return geo.features.map(({ properties }) => {
    const code = properties.lau_1;
    const municipality = municipalityByCode.get(code);
    const bodyId = municipality?.bodyId ?? null;
    const body = bodyId ? bodyById.get(bodyId) : undefined;
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
      bodyKind: body?.kind ?? null,
      bodyName: bodyId ? (body?.name ?? bodyId) : null,
      bodyVerified: bodyId ? (body?.verified ?? false) : true,
      partialBodyNames: partialIds.map((id) => bodyById.get(id)?.name ?? id),
      change:
        transition && sides && municipality
          ? changeOf(code, transition, sides.before, sides.after)
          : null,
      colour,
      style,
    };
  });
}

/** Codes of the municipalities that belong to a body, fully or partly. */
export function memberCodes(body: BodySummary): Set<string> {
  return new Set([...body.municipalityCodes, ...body.partialMunicipalityCodes]);
}
