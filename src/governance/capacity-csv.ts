import { z } from "zod";
import type { FieldError } from "../platform/http/errors.ts";
import { zodIssueText } from "../platform/http/issue-text.ts";
import { splitCsvLine } from "../structure/register-model.ts";
import type { AreaCapacity } from "./capacity-model.ts";

/**
 * The capacity CSV (issue 22 §5): one row per practice and date, with a header.
 * The practice is named by its provider number (*ydernummer*), the register's
 * stable practice code. Separated by `;` or `,`; quotes and a BOM are read.
 *
 *   provider_number;doctors;listed_patients;closed_to_new;as_of
 *   370043;3;5120;nej;2026-11-01
 */
export const CSV_HEADER = [
  "provider_number",
  "doctors",
  "listed_patients",
  "closed_to_new",
  "as_of",
] as const;
export type CsvColumn = (typeof CSV_HEADER)[number];

const YES = new Set(["ja", "yes", "true", "1", "j", "y"]);
const NO = new Set(["nej", "no", "false", "0", "n"]);
const whole = (what: string) =>
  z
    .string({ error: "is missing" })
    .regex(/^-?\d+$/, `must be a whole number of ${what}`)
    .transform(Number);

export const csvRowSchema = z.object({
  provider_number: z
    .string({ error: "is missing" })
    .regex(/^\d{1,12}$/, "must be a provider number (ydernummer), digits only"),
  doctors: whole("doctors").pipe(z.number().min(1, "must be at least 1 doctor").max(200)),
  listed_patients: whole("patients").pipe(
    z.number().min(0, "must not be negative").max(200_000, "must be at most 200000"),
  ),
  closed_to_new: z
    .string({ error: "is missing" })
    .transform((v) => v.toLowerCase())
    .refine((v) => YES.has(v) || NO.has(v), "must be ja/nej (yes/no)")
    .transform((v) => YES.has(v)),
  as_of: z.iso.date({ error: "must be a date YYYY-MM-DD" }),
});
export type CsvRow = z.infer<typeof csvRowSchema> & { line: number };

/** A problem with one row and column of the file; `line` counts the header as line 1. */
export type CsvProblem = { line: number; column: string; reason: string; key: string };

/** As a problem+json field error: the field names the line and column. */
export function fieldErrorOf(p: CsvProblem): FieldError {
  return {
    in: "file",
    field: `line ${p.line}: ${p.column}`,
    reason: p.reason,
    i18n: { key: p.key, values: { line: p.line, column: p.column } },
  };
}

/** Reads and checks every row; returns all rows or every problem (never some of each). */
export function parseCapacityCsv(text: string): { rows: CsvRow[] } | { problems: CsvProblem[] } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = lines[0] ?? "";
  const sep = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ";" : ",";
  const columns = splitCsvLine(header, sep).map((c) => c.trim().toLowerCase());
  const problems: CsvProblem[] = [];
  for (const c of columns.filter((c) => !(CSV_HEADER as readonly string[]).includes(c)))
    problems.push({
      line: 1,
      column: c || "(empty)",
      reason: `is not a known column (known: ${CSV_HEADER.join(", ")})`,
      key: "capacity.csv.unknownColumn",
    });
  for (const c of CSV_HEADER.filter((c) => !columns.includes(c)))
    problems.push({ line: 1, column: c, reason: "is missing", key: "capacity.csv.missingColumn" });
  if (problems.length > 0) return { problems };
  const rows: CsvRow[] = [];
  const seen = new Map<string, number>();
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === "") return;
    const cells = splitCsvLine(raw, sep);
    const data: Record<string, string> = {};
    columns.forEach((c, j) => {
      const cell = (cells[j] ?? "").trim();
      if (cell !== "") data[c] = cell;
    });
    const parsed = csvRowSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({
          line,
          column: String(issue.path[0] ?? "(row)"),
          reason: issue.message,
          key: zodIssueText(issue.code, { ...issue }, issue.message).key,
        });
      return;
    }
    const key = `${parsed.data.provider_number} ${parsed.data.as_of}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({
        line,
        column: "provider_number",
        reason: `repeats the practice and date of line ${first}`,
        key: "capacity.csv.repeated",
      });
    seen.set(key, line);
    rows.push({ ...parsed.data, line });
  });
  if (rows.length === 0 && problems.length === 0)
    problems.push({
      line: 2,
      column: "(row)",
      reason: "the file has no rows",
      key: "capacity.csv.empty",
    });
  return problems.length > 0 ? { problems } : { rows };
}

/** A cell as CSV: quoted when it holds the separator, a quote or a line break. */
function cell(value: string | number | boolean | null): string {
  const text = value === null ? "" : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export type ExportRow = {
  municipalityCode: string;
  municipalityName: string;
  capacity: AreaCapacity;
  thin: boolean;
};

/** The per-municipality rows as a `;`-separated CSV (Danish spreadsheets' default). */
export function capacityCsv(rows: readonly ExportRow[], threshold: number): string {
  const head = [
    "municipality_code",
    "municipality",
    "practices",
    "doctors",
    "listed_patients",
    "patients_per_doctor",
    "closed_practices",
    "oldest_as_of",
    "newest_as_of",
    "sources",
    "synthetic",
    "thin",
    "threshold",
  ];
  const body = rows.map((r) =>
    [
      r.municipalityCode,
      r.municipalityName,
      r.capacity.practices,
      r.capacity.doctors,
      r.capacity.listedPatients,
      r.capacity.patientsPerDoctor,
      r.capacity.closedPractices,
      r.capacity.oldestAsOf,
      r.capacity.newestAsOf,
      r.capacity.sources.join(" "),
      r.capacity.synthetic,
      r.thin,
      threshold,
    ]
      .map(cell)
      .join(";"),
  );
  return `${[head.join(";"), ...body].join("\r\n")}\r\n`;
}
