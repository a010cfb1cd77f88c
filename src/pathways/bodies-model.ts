/**
 * The citizen's three bodies (residence, GP, treating hospital) on a date, as
 * the course of care names them, and whether they differ.
 */

export type BodyTriple = {
  residence: string | null;
  generalPractice: string | null;
  /** A hospital can serve more than one body (Aalborg UH). */
  hospital: string[];
};

/** A body as the course of care names it: a cluster or a council, and the day it ended. */
export type BodyRef = {
  id: string;
  kind: "sundhedsklynge" | "sundhedsraad";
  name: string;
  verified: boolean;
  validTo: string | null;
};

/** The citizen's three bodies on one date: today's, or a stay's own. */
export type BodiesOnDate = {
  date: string;
  residence: BodyRef | null;
  generalPractice: BodyRef | null;
  hospital: BodyRef[];
  differ: boolean;
};

export function bodiesOnDate(
  date: string,
  found: Pick<BodiesOnDate, "residence" | "generalPractice" | "hospital">,
): BodiesOnDate {
  const differ = bodiesDiffer({
    residence: found.residence?.id ?? null,
    generalPractice: found.generalPractice?.id ?? null,
    hospital: found.hospital.map((b) => b.id),
  });
  return { date, ...found, differ };
}

/** True when the citizen's bodies differ: their care is coordinated across body borders. */
export function bodiesDiffer(c: BodyTriple): boolean {
  const known = [c.residence, c.generalPractice].filter((x): x is string => x !== null);
  if (new Set(known).size > 1) return true;
  const anchor = c.residence ?? c.generalPractice;
  return anchor !== null && c.hospital.length > 0 && !c.hospital.includes(anchor);
}
