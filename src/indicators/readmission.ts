/**
 * Acute readmission within 30 days, for one citizen's admissions. Whether a
 * readmission can itself be an index is a national GAP; Tovholder's
 * definition says yes, so every ended admission of a living citizen is an
 * index, readmission or not. The hospital is irrelevant: a readmission in
 * another region or cluster counts the same.
 */
import type { Admission } from "./episodes.ts";

export type ExclusionRule = {
  id: string;
  appliesTo: "index" | "readmission" | "both";
  matches: (diagnosis: string) => boolean;
};

/** An index: ended (not open), the citizen alive at its end. */
export type IndexAdmission = Admission & {
  /** Ids of exclusion rules that removed it as an index (empty = counts). */
  excludedBy: string[];
  /**
   * Start of the first acute admission starting > 0 and <= 30 days (30 * 24 h
   * exactly, in ms) after the index's end, not excluded as a readmission. It is
   * filled in for excluded indexes too, so a report can show what an exclusion removed.
   */
  readmittedAt: Date | null;
};

const WINDOW_MS = 30 * 24 * 3_600_000;

/** An admission without a diagnosis cannot be shown to fall under an exclusion, so it counts. */
function excludedAs(
  role: "index" | "readmission",
  diagnosis: string | null,
  rules: ExclusionRule[],
): string[] {
  if (diagnosis === null) return [];
  return rules
    .filter((r) => (r.appliesTo === role || r.appliesTo === "both") && r.matches(diagnosis))
    .map((r) => r.id);
}

/** `candidates` sorted by start. */
function firstReadmission(indexEnd: Date, candidates: Admission[]): Date | null {
  const end = indexEnd.getTime();
  for (const c of candidates) {
    const gap = c.startedAt.getTime() - end;
    if (gap > WINDOW_MS) break;
    // Guard > 0: one starting at the very end would have been joined into the index's episode.
    if (gap > 0) return c.startedAt;
  }
  return null;
}

/**
 * Indexes and their readmissions for one citizen's admissions (sorted or not),
 * sorted by start. Admissions that are open or where the citizen died are not
 * indexes (not returned).
 */
export function readmissionIndexes(
  admissions: Admission[],
  exclusions: ExclusionRule[],
): IndexAdmission[] {
  const sorted = [...admissions].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const candidates = sorted.filter(
    (a) => a.acute && excludedAs("readmission", a.diagnosis, exclusions).length === 0,
  );
  return sorted.flatMap((a) =>
    a.endedAt === null || a.diedDuring
      ? []
      : [
          {
            ...a,
            excludedBy: excludedAs("index", a.diagnosis, exclusions),
            readmittedAt: firstReadmission(a.endedAt, candidates),
          },
        ],
  );
}
