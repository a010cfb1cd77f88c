/**
 * The pure rules of a change of structure: which municipalities change body on
 * a structure's date, and the population-weighted mapping between the ended
 * bodies and the new ones that the transition carries work over by.
 */

/** On `validFrom` the municipality's primary body changed from one body to another. */
export type Succession = {
  municipalityCode: string;
  fromBodyId: string;
  toBodyId: string;
  validFrom: string;
};

/**
 * The successions a change of structure makes: each municipality whose primary
 * membership closes at asOf and whose new one, opening at asOf, is another body.
 */
export function planSuccessions(
  closing: { municipalityCode: string; bodyId: string }[],
  opening: { municipalityCode: string; bodyId: string }[],
  asOf: string,
): Succession[] {
  const newBodyOf = new Map(opening.map((m) => [m.municipalityCode, m.bodyId]));
  return closing.flatMap((m) => {
    const to = newBodyOf.get(m.municipalityCode);
    return to && to !== m.bodyId
      ? [
          {
            municipalityCode: m.municipalityCode,
            fromBodyId: m.bodyId,
            toBodyId: to,
            validFrom: asOf,
          },
        ]
      : [];
  });
}

export type SuccessorShare = { bodyId: string; population: number; municipalityCodes: string[] };

/**
 * The documented mapping between ended and new bodies, weighted by population:
 * for each new body its predecessors (largest share first), and for each ended
 * body its successors (largest share first). A municipality without a known
 * population weighs 0; ties go to the lower id, so the mapping is deterministic.
 */
export function successionMapping(
  successions: Succession[],
  populationOf: (municipalityCode: string) => number | null,
) {
  const group = (key: (s: Succession) => string, other: (s: Succession) => string) => {
    const out = new Map<string, Map<string, SuccessorShare>>();
    for (const s of successions) {
      const inner = out.get(key(s)) ?? new Map<string, SuccessorShare>();
      const share = inner.get(other(s)) ?? {
        bodyId: other(s),
        population: 0,
        municipalityCodes: [],
      };
      share.population += populationOf(s.municipalityCode) ?? 0;
      share.municipalityCodes.push(s.municipalityCode);
      inner.set(other(s), share);
      out.set(key(s), inner);
    }
    return new Map(
      [...out].map(([id, inner]) => [
        id,
        [...inner.values()]
          .map((v) => ({ ...v, municipalityCodes: [...v.municipalityCodes].sort() }))
          .sort((a, b) => b.population - a.population || a.bodyId.localeCompare(b.bodyId)),
      ]),
    );
  };
  return {
    /** New body → the ended bodies its municipalities came from. */
    predecessors: group(
      (s) => s.toBodyId,
      (s) => s.fromBodyId,
    ),
    /** Ended body → the new bodies its municipalities went to. */
    successors: group(
      (s) => s.fromBodyId,
      (s) => s.toBodyId,
    ),
  };
}
