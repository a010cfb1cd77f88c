import { z } from "zod";

/**
 * The Danish health structure as it is written in data/denmark-health-structure.json,
 * and the pure rules for checking it and for asking "which cluster on which date".
 */

const isoDate = z.iso.date();

export const structureFileSchema = z.object({
  asOf: isoDate,
  notes: z.array(z.string()).default([]),
  regions: z
    .array(
      z.object({
        code: z.string().regex(/^[0-9]{4}$/, "a region code has 4 digits"),
        name: z.string().min(1),
        committee: z.string().min(1),
        committeeVerified: z.boolean().default(false),
      }),
    )
    .min(1),
  municipalities: z
    .array(
      z.object({
        code: z.string().regex(/^[0-9]{3}$/, "a municipality code has 3 digits"),
        name: z.string().min(1),
        regionCode: z.string(),
        population: z.number().int().nonnegative().nullable().default(null),
        populationYear: z.number().int().nullable().default(null),
        population65plus: z.number().int().nonnegative().nullable().default(null),
      }),
    )
    .min(1),
  clusters: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/, "a cluster id is lower-case letters, digits and -"),
        name: z.string().min(1),
        regionCode: z.string(),
        aliases: z.array(z.string()).default([]),
        acuteHospitals: z
          .array(
            z.object({ name: z.string().min(1), sorCode: z.string().nullable().default(null) }),
          )
          .default([]),
        municipalityCodes: z.array(z.string()),
        partialMunicipalityCodes: z.array(z.string()).default([]),
        verified: z.boolean(),
        verification: z.record(z.string(), z.boolean()).default({}),
        sources: z.array(z.string()).default([]),
        notes: z.string().nullable().default(null),
      }),
    )
    .min(1),
});

export type StructureFile = z.infer<typeof structureFileSchema>;

export type StructureProblem = {
  rule:
    | "duplicate-code"
    | "unknown-region"
    | "unknown-municipality"
    | "municipality-in-several-clusters"
    | "municipality-in-no-cluster"
    | "partial-same-as-primary"
    | "hospital-in-several-regions";
  /** The codes or ids that break the rule. */
  codes: string[];
  message: string;
};

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup].sort();
}

/** Every rule a structure file must satisfy before anything of it is written. */
export function checkStructure(file: StructureFile): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const dup = (kind: string, values: string[]) => {
    const codes = duplicates(values);
    if (codes.length > 0) {
      problems.push({
        rule: "duplicate-code",
        codes,
        message: `duplicate ${kind}: ${codes.join(", ")}`,
      });
    }
  };
  dup(
    "region code",
    file.regions.map((r) => r.code),
  );
  dup(
    "municipality code",
    file.municipalities.map((m) => m.code),
  );
  dup(
    "cluster id",
    file.clusters.map((c) => c.id),
  );

  const regionCodes = new Set(file.regions.map((r) => r.code));
  const unknownRegions = [
    ...file.municipalities.filter((m) => !regionCodes.has(m.regionCode)).map((m) => m.regionCode),
    ...file.clusters.filter((c) => !regionCodes.has(c.regionCode)).map((c) => c.regionCode),
  ];
  if (unknownRegions.length > 0) {
    const codes = [...new Set(unknownRegions)].sort();
    problems.push({
      rule: "unknown-region",
      codes,
      message: `unknown region code: ${codes.join(", ")}`,
    });
  }

  const municipalityCodes = new Set(file.municipalities.map((m) => m.code));
  const primaryOf = new Map<string, string[]>();
  const unknownMunicipalities = new Set<string>();
  for (const cluster of file.clusters) {
    for (const code of [...cluster.municipalityCodes, ...cluster.partialMunicipalityCodes]) {
      if (!municipalityCodes.has(code)) unknownMunicipalities.add(code);
    }
    for (const code of cluster.municipalityCodes) {
      primaryOf.set(code, [...(primaryOf.get(code) ?? []), cluster.id]);
    }
  }
  if (unknownMunicipalities.size > 0) {
    const codes = [...unknownMunicipalities].sort();
    problems.push({
      rule: "unknown-municipality",
      codes,
      message: `clusters name unknown municipality codes: ${codes.join(", ")}`,
    });
  }
  const several = [...primaryOf].filter(([, clusters]) => clusters.length > 1);
  if (several.length > 0) {
    problems.push({
      rule: "municipality-in-several-clusters",
      codes: several.map(([code]) => code).sort(),
      message: several
        .map(([code, clusters]) => `municipality ${code} is in clusters ${clusters.join(" and ")}`)
        .join("; "),
    });
  }
  const none = [...municipalityCodes].filter((code) => !primaryOf.has(code)).sort();
  if (none.length > 0) {
    problems.push({
      rule: "municipality-in-no-cluster",
      codes: none,
      message: `municipalities in no cluster: ${none.join(", ")}`,
    });
  }
  const selfPartial = file.clusters.flatMap((c) =>
    c.partialMunicipalityCodes.filter((code) => c.municipalityCodes.includes(code)),
  );
  if (selfPartial.length > 0) {
    problems.push({
      rule: "partial-same-as-primary",
      codes: [...new Set(selfPartial)].sort(),
      message: `a partial membership repeats the primary one: ${selfPartial.join(", ")}`,
    });
  }

  const hospitalRegions = new Map<string, Set<string>>();
  for (const cluster of file.clusters) {
    for (const h of cluster.acuteHospitals) {
      const set = hospitalRegions.get(h.name) ?? new Set<string>();
      set.add(cluster.regionCode);
      hospitalRegions.set(h.name, set);
    }
  }
  const straddling = [...hospitalRegions].filter(([, r]) => r.size > 1).map(([n]) => n);
  if (straddling.length > 0) {
    problems.push({
      rule: "hospital-in-several-regions",
      codes: straddling,
      message: `a hospital is listed in clusters of different regions: ${straddling.join(", ")}`,
    });
  }
  return problems;
}

/** A stable id for a hospital, derived from its name (Danish letters spelled out). */
export function hospitalIdFromName(name: string): string {
  return name
    .toLowerCase()
    .replaceAll("æ", "ae")
    .replaceAll("ø", "oe")
    .replaceAll("å", "aa")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A membership of a municipality in a cluster over the half-open interval [validFrom, validTo). */
export type Membership = {
  clusterId: string;
  municipalityCode: string;
  kind: "primary" | "partial";
  validFrom: string;
  validTo: string | null;
};

export function isValidOn(interval: { validFrom: string; validTo: string | null }, date: string) {
  return interval.validFrom <= date && (interval.validTo === null || date < interval.validTo);
}

export type ClusterResolution = {
  municipalityCode: string;
  date: string;
  /** The one cluster the municipality belongs to on that date; null before the structure existed. */
  primaryClusterId: string | null;
  /** Clusters that serve part of the municipality (København: Syd serves part of the city). */
  partialClusterIds: string[];
};

export function resolveCluster(
  memberships: Membership[],
  municipalityCode: string,
  date: string,
): ClusterResolution {
  const current = memberships.filter(
    (m) => m.municipalityCode === municipalityCode && isValidOn(m, date),
  );
  const primary = current.filter((m) => m.kind === "primary");
  if (primary.length > 1) {
    // The loader and a database trigger both forbid this; reaching it means corrupt data.
    throw new Error(`municipality ${municipalityCode} has ${primary.length} primary clusters`);
  }
  return {
    municipalityCode,
    date,
    primaryClusterId: primary[0]?.clusterId ?? null,
    partialClusterIds: current
      .filter((m) => m.kind === "partial")
      .map((m) => m.clusterId)
      .sort(),
  };
}

export type MembershipChange =
  | { action: "keep"; membership: Membership }
  | { action: "close"; membership: Membership; validTo: string }
  | { action: "open"; membership: Membership };

/**
 * Compares the memberships open now with the ones a file of date `asOf` states,
 * and says which to keep, which to close at asOf, and which to open from asOf.
 * Loading the same file again yields only "keep".
 */
export function planMemberships(
  open: Membership[],
  wanted: Omit<Membership, "validFrom" | "validTo">[],
  asOf: string,
): MembershipChange[] {
  const key = (m: { clusterId: string; municipalityCode: string; kind: string }) =>
    `${m.kind}:${m.municipalityCode}:${m.clusterId}`;
  const wantedKeys = new Set(wanted.map(key));
  const openKeys = new Set(open.map(key));
  const changes: MembershipChange[] = [];
  for (const m of open) {
    changes.push(
      wantedKeys.has(key(m))
        ? { action: "keep", membership: m }
        : { action: "close", membership: m, validTo: asOf },
    );
  }
  for (const w of wanted) {
    if (!openKeys.has(key(w))) {
      changes.push({ action: "open", membership: { ...w, validFrom: asOf, validTo: null } });
    }
  }
  return changes;
}
