import type { IndicatorSpec } from "./definitions.ts";
import type { AnsweredRow } from "./values.ts";

/**
 * The values as CSV for a spreadsheet: `;`-separated with a decimal comma, as
 * Danish Excel reads it, after a first line naming the definition and when the
 * figures were computed. A hidden figure is an empty cell, never a zero.
 */

const COLUMNS: [string, (r: AnsweredRow) => string | number | boolean | null | undefined][] = [
  ["enhedstype", (r) => r.unit],
  ["kode", (r) => r.code],
  ["navn", (r) => r.name],
  ["periode", (r) => r.period],
  ["periodestart", (r) => r.periodStart],
  ["aldersgruppe", (r) => r.ageBand],
  ["sektor", (r) => r.sector],
  ["gruppe", (r) => r.group],
  ["tæller", (r) => r.numerator],
  ["nævner", (r) => r.denominator],
  ["værdi", (r) => r.value],
  ["ci_nedre_95", (r) => r.ciLow],
  ["ci_øvre_95", (r) => r.ciHigh],
  ["standardiseret_værdi", (r) => r.standardisedValue],
  ["beløb_kr", (r) => r.amount],
  ["undertrykt", (r) => (r.suppressed ? "ja" : "nej")],
  // "nej": the period's figures are provisional (not yet final; see completeness.ts).
  ["endelig", (r) => (r.complete ? "ja" : "nej")],
];

function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(Math.round(v * 1e6) / 1e6).replace(".", ",");
  const s = String(v);
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(
  spec: IndicatorSpec,
  answer: { computedAt: Date | null; attribution: string; rows: AnsweredRow[] },
): string {
  const computed = answer.computedAt ? answer.computedAt.toISOString() : "ikke beregnet";
  const definedBy =
    spec.definedBy === "tovholder" ? "Tovholders definition" : "national definition";
  const lines = [
    cell(
      `# ${spec.title.da} (${spec.id}); ${definedBy}; tilskrivning: ${answer.attribution}; beregnet ${computed}; tal fra 1 til 4 og det, der kan afsløre dem, er undertrykt`,
    ),
    COLUMNS.map(([name]) => name).join(";"),
    ...answer.rows.map((r) => COLUMNS.map(([, get]) => cell(get(r))).join(";")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
