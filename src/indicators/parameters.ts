import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { DayRates } from "./episodes.ts";
import type { ExclusionRule } from "./readmission.ts";

/**
 * The indicators' data: the diagnosis lists (the nine preventable groups, the
 * readmission exclusions) and the day rates for days after "medically ready".
 * They are data, not code, because the national lists are GAPs: each says
 * whether it is verified and where it comes from, and the pages show that.
 */

const text = z.object({ da: z.string().min(1), en: z.string().min(1) });
const code = z.string().regex(/^[A-Z][0-9A-Z.]*$/, "an ICD-10 code or prefix");

const groupSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  label: text,
  codes: z.array(code).min(1),
  appliesTo: z.enum(["index", "readmission", "both"]).optional(),
});

const listSchema = z.object({
  id: z.string(),
  label: text,
  verified: z.boolean(),
  source: z.string().nullable(),
  note: z.string(),
  groups: z.array(groupSchema).min(1),
  notApplied: z.array(z.object({ key: z.string(), label: text, reason: text })).optional(),
});

export const parametersSchema = z.object({
  about: z.string(),
  codeLists: z.array(listSchema),
  dayRates: z.object({
    verified: z.boolean(),
    source: z.string().nullable(),
    priceLevel: z.string(),
    note: z.string(),
    regionalPerDay: z.number().nonnegative(),
    statePerDayFirstTwo: z.number().nonnegative(),
    statePerDayFromThird: z.number().nonnegative(),
  }),
});

export type CodeList = z.infer<typeof listSchema>;
export type IndicatorParameters = z.infer<typeof parametersSchema> & { sha256: string };

export const PREVENTABLE_LIST = "preventable-admissions";
export const EXCLUSION_LIST = "readmission-exclusions";

export const defaultParametersFile = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../data/indicators/parameters.json",
);

export function parseParameters(textContent: string): IndicatorParameters {
  const parsed = parametersSchema.parse(JSON.parse(textContent));
  for (const id of [PREVENTABLE_LIST, EXCLUSION_LIST])
    if (!parsed.codeLists.some((l) => l.id === id))
      throw new Error(`indicator parameters: the code list "${id}" is missing`);
  return { ...parsed, sha256: createHash("sha256").update(textContent).digest("hex") };
}

export function loadParameters(file = defaultParametersFile): IndicatorParameters {
  return parseParameters(readFileSync(file, "utf8"));
}

export function codeList(parameters: IndicatorParameters, id: string): CodeList {
  const list = parameters.codeLists.find((l) => l.id === id);
  if (!list) throw new Error(`indicator parameters: no code list "${id}"`);
  return list;
}

/** ICD-10 codes are compared without the dot, so "J18" matches "J18.9" and "K59.0" matches "K590". */
export function bare(codeText: string): string {
  return codeText.replace(".", "").toUpperCase();
}

function matcher(codes: string[]): (diagnosis: string) => boolean {
  const prefixes = codes.map(bare);
  return (diagnosis) => {
    const d = bare(diagnosis);
    return prefixes.some((p) => d.startsWith(p));
  };
}

/** The preventable group of a diagnosis, or null; the first matching group wins. */
export function preventableClassifier(
  parameters: IndicatorParameters,
): (diagnosis: string | null) => string | null {
  const groups = codeList(parameters, PREVENTABLE_LIST).groups.map((g) => ({
    key: g.key,
    matches: matcher(g.codes),
  }));
  return (diagnosis) =>
    diagnosis === null ? null : (groups.find((g) => g.matches(diagnosis))?.key ?? null);
}

export function exclusionRules(parameters: IndicatorParameters): ExclusionRule[] {
  return codeList(parameters, EXCLUSION_LIST).groups.map((g) => ({
    id: g.key,
    appliesTo: g.appliesTo ?? "both",
    matches: matcher(g.codes),
  }));
}

export function dayRates(parameters: IndicatorParameters): DayRates {
  const { regionalPerDay, statePerDayFirstTwo, statePerDayFromThird } = parameters.dayRates;
  return { regionalPerDay, statePerDayFirstTwo, statePerDayFromThird };
}
