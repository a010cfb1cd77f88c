import type { BodyKind } from "../api/types";

/** The kind all the bodies share, or null when there are none or both kinds. */
export function kindOfAll(bodies: readonly { kind: BodyKind }[]): BodyKind | null {
  const kinds = new Set(bodies.map((b) => b.kind));
  return kinds.size === 1 ? ([...kinds][0] ?? null) : null;
}
