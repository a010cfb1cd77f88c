import { z } from "zod";

/**
 * The Danish health structure as it is written in data/denmark-health-structure*.json,
 * and the pure rules for checking it and for asking "which body on which date".
 */

const isoDate = z.iso.date();

const bodyEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "a body id is lower-case letters, digits and -"),
  name: z.string().min(1),
  regionCode: z.string(),
  aliases: z.array(z.string()).default([]),
  acuteHospitals: z
    .array(z.object({ name: z.string().min(1), sorCode: z.string().nullable().default(null) }))
    .default([]),
  municipalityCodes: z.array(z.string()),
  partialMunicipalityCodes: z.array(z.string()).default([]),
  verified: z.boolean(),
  verification: z.record(z.string(), z.boolean()).default({}),
  sources: z.array(z.string()).default([]),
  notes: z.string().nullable().default(null),
});

export const BODY_KINDS = ["sundhedsklynge", "sundhedsraad"] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/**
 * A structure file: the 2022 file lists `clusters`, the 2027 file `healthCouncils`.
 * Both are read as `bodies` of the file's kind, so one loader serves every reform.
 */
export const structureFileSchema = z
  .object({
    asOf: isoDate,
    kind: z.enum(BODY_KINDS).optional(),
    notes: z.array(z.string()).default([]),
    regions: z
      .array(
        z.object({
          code: z
            .string()
            .regex(
              /^([0-9]{4}|[a-z]+)$/,
              "a region code has 4 digits, or is a lower-case id where the code is not known",
            ),
          name: z.string().min(1),
          codeVerified: z.boolean().default(true),
          seat: z.string().min(1).nullable().default(null),
          replaces: z.array(z.string()).default([]),
          committee: z.string().min(1).nullable().default(null),
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
    clusters: z.array(bodyEntry).min(1).optional(),
    healthCouncils: z.array(bodyEntry).min(1).optional(),
  })
  .superRefine((file, ctx) => {
    const lists = [file.clusters, file.healthCouncils].filter((l) => l !== undefined).length;
    if (lists !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["clusters"],
        message: "a structure file lists either clusters or healthCouncils, exactly one of them",
      });
    }
    const listed: BodyKind = file.healthCouncils ? "sundhedsraad" : "sundhedsklynge";
    if (file.kind && file.kind !== listed) {
      ctx.addIssue({
        code: "custom",
        path: ["kind"],
        message: `kind ${file.kind} does not match the list the file gives`,
      });
    }
  })
  .transform(({ clusters, healthCouncils, ...file }) => {
    const kind: BodyKind = healthCouncils ? "sundhedsraad" : "sundhedsklynge";
    return {
      ...file,
      kind,
      bodies: (healthCouncils ?? clusters ?? []).map((b) => ({
        ...b,
        id: storedBodyId(kind, b.id),
      })),
    };
  });

/**
 * The id a body is stored under. A council is a new body, even where it has the
 * id of the cluster it follows (seven of the 2027 ids equal a cluster's, such as
 * "fyn"), so council ids carry the prefix "sundhedsraad-"; cluster ids stay as
 * they were, for the history that points at them.
 */
export function storedBodyId(kind: BodyKind, fileId: string): string {
  return kind === "sundhedsraad" ? `sundhedsraad-${fileId}` : fileId;
}

export type StructureFile = z.infer<typeof structureFileSchema>;

export type StructureProblem = {
  rule:
    | "duplicate-code"
    | "unknown-region"
    | "unknown-municipality"
    | "municipality-in-several-bodies"
    | "municipality-in-no-body"
    | "body-without-municipalities"
    | "region-differs-from-body"
    | "partial-same-as-primary"
    | "hospital-in-several-regions"
    | "municipality-dropped";
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

function problem(rule: StructureProblem["rule"], codes: string[], message: string) {
  const sorted = [...new Set(codes)].sort();
  return { rule, codes: sorted, message: `${message}: ${sorted.join(", ")}` };
}

function duplicateProblems(file: StructureFile): StructureProblem[] {
  const lists: [string, string[]][] = [
    ["region code", file.regions.map((r) => r.code)],
    ["municipality code", file.municipalities.map((m) => m.code)],
    ["body id", file.bodies.map((c) => c.id)],
  ];
  return lists.flatMap(([kind, values]) => {
    const codes = duplicates(values);
    return codes.length > 0 ? [problem("duplicate-code", codes, `duplicate ${kind}`)] : [];
  });
}

function membershipProblems(file: StructureFile): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const municipalityCodes = new Set(file.municipalities.map((m) => m.code));
  const primaryOf = new Map<string, string[]>();
  const unknown = new Set<string>();
  for (const body of file.bodies) {
    for (const code of [...body.municipalityCodes, ...body.partialMunicipalityCodes]) {
      if (!municipalityCodes.has(code)) unknown.add(code);
    }
    for (const code of body.municipalityCodes) {
      primaryOf.set(code, [...(primaryOf.get(code) ?? []), body.id]);
    }
  }
  if (unknown.size > 0) {
    problems.push(
      problem("unknown-municipality", [...unknown], "bodies name unknown municipality codes"),
    );
  }
  const several = [...primaryOf].filter(([, bodies]) => bodies.length > 1);
  if (several.length > 0) {
    problems.push({
      rule: "municipality-in-several-bodies",
      codes: several.map(([code]) => code).sort(),
      message: several
        .map(([code, bodies]) => `municipality ${code} is in ${bodies.join(" and ")}`)
        .join("; "),
    });
  }
  const none = [...municipalityCodes].filter((code) => !primaryOf.has(code));
  if (none.length > 0)
    problems.push(problem("municipality-in-no-body", none, "municipalities in no body"));
  const empty = file.bodies
    .filter((b) => b.municipalityCodes.length + b.partialMunicipalityCodes.length === 0)
    .map((b) => b.id);
  if (empty.length > 0) {
    problems.push(problem("body-without-municipalities", empty, "bodies without municipalities"));
  }
  const selfPartial = file.bodies.flatMap((c) =>
    c.partialMunicipalityCodes.filter((code) => c.municipalityCodes.includes(code)),
  );
  if (selfPartial.length > 0) {
    problems.push(
      problem(
        "partial-same-as-primary",
        selfPartial,
        "a partial membership repeats the primary one",
      ),
    );
  }
  return problems;
}

function regionProblems(file: StructureFile): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const regionCodes = new Set(file.regions.map((r) => r.code));
  const unknown = [
    ...file.municipalities.map((m) => m.regionCode),
    ...file.bodies.map((c) => c.regionCode),
  ].filter((code) => !regionCodes.has(code));
  if (unknown.length > 0) problems.push(problem("unknown-region", unknown, "unknown region code"));

  // A municipality's region on a date is its body's region: the two must agree.
  // Checked only where the other rules hold: one body, both regions known.
  const regionsOf = new Map<string, string[]>();
  for (const b of file.bodies) {
    for (const code of b.municipalityCodes) {
      regionsOf.set(code, [...(regionsOf.get(code) ?? []), b.regionCode]);
    }
  }
  const differing = file.municipalities
    .filter((m) => {
      const regions = regionsOf.get(m.code) ?? [];
      return (
        regions.length === 1 &&
        regions[0] !== m.regionCode &&
        regionCodes.has(m.regionCode) &&
        regionCodes.has(regions[0] ?? "")
      );
    })
    .map((m) => m.code);
  if (differing.length > 0) {
    problems.push(
      problem(
        "region-differs-from-body",
        differing,
        "municipalities in another region than their body",
      ),
    );
  }

  const hospitalRegions = new Map<string, Set<string>>();
  for (const body of file.bodies) {
    for (const h of body.acuteHospitals) {
      const set = hospitalRegions.get(h.name) ?? new Set<string>();
      set.add(body.regionCode);
      hospitalRegions.set(h.name, set);
    }
  }
  const straddling = [...hospitalRegions].filter(([, r]) => r.size > 1).map(([n]) => n);
  if (straddling.length > 0) {
    problems.push(
      problem(
        "hospital-in-several-regions",
        straddling,
        "a hospital is listed in bodies of different regions",
      ),
    );
  }
  return problems;
}

/** Every rule a structure file must satisfy on its own before anything of it is written. */
export function checkStructure(file: StructureFile): StructureProblem[] {
  return [...duplicateProblems(file), ...regionProblems(file), ...membershipProblems(file)];
}

/**
 * The rules a later file must satisfy against what is loaded: municipalities keep
 * their identity across reforms, so a later file may not drop one.
 */
export function checkAgainstLoaded(
  file: StructureFile,
  loadedMunicipalityCodes: string[],
): StructureProblem[] {
  const inFile = new Set(file.municipalities.map((m) => m.code));
  const dropped = loadedMunicipalityCodes.filter((code) => !inFile.has(code));
  return dropped.length > 0
    ? [problem("municipality-dropped", dropped, "the file leaves out loaded municipalities")]
    : [];
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

/** A membership of a municipality in a body over the half-open interval [validFrom, validTo). */
export type Membership = {
  bodyId: string;
  municipalityCode: string;
  kind: "primary" | "partial";
  validFrom: string;
  validTo: string | null;
};

export function isValidOn(interval: { validFrom: string; validTo: string | null }, date: string) {
  return interval.validFrom <= date && (interval.validTo === null || date < interval.validTo);
}

const danishCalendar = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" });

/**
 * The Danish calendar date of an instant, "YYYY-MM-DD". The structure changes at
 * Danish midnight, so an event belongs to the structure of this date: a discharge
 * at 23:50 on 31 December 2026 to a cluster, one at 00:10 on 1 January to a council.
 */
export function danishDate(at: Date | number): string {
  return danishCalendar.format(at);
}

export type BodyResolution = {
  municipalityCode: string;
  date: string;
  /** The one body the municipality belongs to on that date; null before the structure existed. */
  primaryBodyId: string | null;
  /** Bodies that serve part of the municipality (København: Syd serves part of the city). */
  partialBodyIds: string[];
};

export function resolveBody(
  memberships: Membership[],
  municipalityCode: string,
  date: string,
): BodyResolution {
  const current = memberships.filter(
    (m) => m.municipalityCode === municipalityCode && isValidOn(m, date),
  );
  const primary = current.filter((m) => m.kind === "primary");
  if (primary.length > 1) {
    // The loader and a database trigger both forbid this; reaching it means corrupt data.
    throw new Error(`municipality ${municipalityCode} has ${primary.length} primary bodies`);
  }
  return {
    municipalityCode,
    date,
    primaryBodyId: primary[0]?.bodyId ?? null,
    partialBodyIds: current
      .filter((m) => m.kind === "partial")
      .map((m) => m.bodyId)
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
  const key = (m: { bodyId: string; municipalityCode: string; kind: string }) =>
    `${m.kind}:${m.municipalityCode}:${m.bodyId}`;
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
