import { z } from "zod";
import { isValidGln, SOR_PATTERN } from "../interop/medcom/codes.ts";
import type { FieldError } from "../platform/http/errors.ts";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import { zodIssueText } from "../platform/http/issue-text.ts";

/**
 * The organisation register's SOR-coded units as pure rules: what a new unit
 * must say, and how a CSV or JSON file of units is read. A unit belongs to a
 * hospital (department), a municipality (home care, visitation, …) or a
 * general practice.
 */

export const UNIT_KINDS = ["hospital_department", "municipal_unit", "general_practice"] as const;
export const UNIT_TYPES = [
  "hospital_department",
  "home_care",
  "home_nursing",
  "care_centre",
  "visitation",
  "rehabilitation",
  "general_practice",
  "other",
] as const;

const optionalText = z
  .string()
  .trim()
  .max(TEXT_LIMITS.identifier, `must be at most ${TEXT_LIMITS.identifier} characters`)
  .transform((v) => (v === "" ? undefined : v))
  .optional();

export const newUnitSchema = z
  .object({
    sorCode: z
      .string()
      .trim()
      .refine((v) => SOR_PATTERN.test(v), {
        message: "must be a SOR code: at least 11 digits",
        params: { key: "structure.register.sorCode" },
      }),
    name: z
      .string()
      .trim()
      .min(2, "must be at least 2 characters")
      .max(TEXT_LIMITS.name, `must be at most ${TEXT_LIMITS.name} characters`),
    kind: z.enum(UNIT_KINDS, { error: `must be one of ${UNIT_KINDS.join(", ")}` }),
    unitType: z.enum(UNIT_TYPES, { error: `must be one of ${UNIT_TYPES.join(", ")}` }).optional(),
    gln: optionalText.refine((v) => v === undefined || isValidGln(v), {
      message: "must be a GLN: 13 digits with a valid GS1 check digit",
      params: { key: "structure.register.gln" },
    }),
    hospitalId: optionalText,
    municipalityCode: optionalText.refine((v) => v === undefined || /^[0-9]{3}$/.test(v), {
      message: "must be a municipality code (3 digits)",
      params: { key: "structure.register.municipalityCode" },
    }),
    providerNumber: optionalText.refine((v) => v === undefined || /^[0-9]{6}$/.test(v), {
      message: "must be a provider number (6 digits)",
      params: { key: "structure.register.providerNumber" },
    }),
    /** Synthetic (generated, demo) units are marked so wherever they are shown. */
    synthetic: z
      .union([
        z.boolean(),
        z
          .enum(["true", "false"], { error: "must be true or false" })
          .transform((v) => v === "true"),
      ])
      .optional(),
  })
  .superRefine((u, ctx) => {
    const need = (field: "hospitalId" | "municipalityCode" | "providerNumber", why: string) => {
      if (u[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: why });
    };
    if (u.kind === "hospital_department")
      need("hospitalId", "is required for a hospital department");
    if (u.kind === "municipal_unit") need("municipalityCode", "is required for a municipal unit");
    if (u.kind === "general_practice") {
      need("providerNumber", "is required for a general practice");
      need("municipalityCode", "is required for a general practice (where it is)");
    }
  });

export type NewUnit = z.infer<typeof newUnitSchema>;

/** The unit type a kind implies when none is given. */
export function unitTypeOf(u: NewUnit) {
  if (u.unitType) return u.unitType;
  return u.kind === "municipal_unit" ? "other" : u.kind;
}

export type RowError = FieldError & { line: number };

/** A file's row errors as a problem's field errors: the field names its line. */
export function lineErrors(errors: RowError[]): FieldError[] {
  return errors.map(({ line, ...e }) => ({ ...e, field: `line ${line}: ${e.field}` }));
}

const CSV_COLUMNS: Record<string, keyof NewUnit> = {
  sor_code: "sorCode",
  name: "name",
  kind: "kind",
  unit_type: "unitType",
  gln: "gln",
  hospital_id: "hospitalId",
  municipality_code: "municipalityCode",
  provider_number: "providerNumber",
  synthetic: "synthetic",
};

/** Splits one CSV line on `sep`, honouring double quotes ("" inside quotes is a quote). */
export function splitCsvLine(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Reads a CSV file of units (comma or semicolon separated, header row, optional BOM). */
export function parseUnitsCsv(text: string): {
  rows: { line: number; data: Record<string, string> }[];
  errors: RowError[];
} {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = lines[0] ?? "";
  const sep = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ";" : ",";
  const columns = splitCsvLine(header, sep).map((c) => c.trim().toLowerCase());
  const unknown = columns.filter((c) => !(c in CSV_COLUMNS));
  const errors: RowError[] = unknown.map((c) => ({
    line: 1,
    in: "file",
    field: c,
    reason: `is not a known column (known: ${Object.keys(CSV_COLUMNS).join(", ")})`,
    i18n: {
      key: "structure.register.unknownColumn",
      values: { known: Object.keys(CSV_COLUMNS).join(", ") },
    },
  }));
  const rows = lines.slice(1).flatMap((line, i) => {
    if (line.trim() === "") return [];
    const cells = splitCsvLine(line, sep);
    const data: Record<string, string> = {};
    columns.forEach((c, j) => {
      const key = CSV_COLUMNS[c];
      const cell = (cells[j] ?? "").trim();
      // An empty cell means "not given", as in a spreadsheet.
      if (key && cell !== "") data[key] = cell;
    });
    return [{ line: i + 2, data }];
  });
  return { rows, errors };
}

/** Validates every row; a file is taken whole or not at all. */
export function validateUnits(rows: { line: number; data: unknown }[]): {
  units: (NewUnit & { line: number })[];
  errors: RowError[];
} {
  const units: (NewUnit & { line: number })[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const parsed = newUnitSchema.safeParse(row.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({
          line: row.line,
          in: "file",
          field: issue.path.join(".") || "(row)",
          reason: issue.message,
          i18n: zodIssueText(issue.code, { ...issue }, issue.message),
        });
      }
      continue;
    }
    const first = seen.get(parsed.data.sorCode);
    if (first !== undefined) {
      errors.push({
        line: row.line,
        in: "file",
        field: "sorCode",
        reason: `repeats the SOR code of line ${first}`,
        i18n: { key: "structure.register.repeatedSor", values: { line: first } },
      });
      continue;
    }
    seen.set(parsed.data.sorCode, row.line);
    units.push({ ...parsed.data, line: row.line });
  }
  return { units, errors };
}
