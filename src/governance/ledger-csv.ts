/**
 * The ledger as CSV for a spreadsheet: a first line naming the body, year and
 * computation date, then Danish column names and one row per ledger row;
 * `;`-separated, kr. and FTE with a decimal comma and two decimals.
 */
import type { LedgerParty } from "./ledger-model.ts";
import type { LedgerView } from "./ledger-service.ts";

function cell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Hundredths (øre, or hundredths of an FTE) as a Danish decimal with two decimals. */
export function hundredthsText(value: number | null): string {
  if (value === null) return "";
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

const SECTORS: Record<string, string> = {
  region: "region",
  hospital: "sygehus",
  municipality: "kommune",
  "general-practice": "almen praksis",
};
const sector = (p: LedgerParty | null) => (p?.sector ? (SECTORS[p.sector] ?? p.sector) : "");

const HEAD = [
  "kilde",
  "id",
  "titel",
  "status",
  "opgave",
  "retning",
  "fra_sektor",
  "fra_organisation",
  "til_sektor",
  "til_organisation",
  "art",
  "beloeb_kr",
  "aarsvaerk",
  "fte",
  "dage_i_aaret",
  "aarets_dage",
  "indikatorer",
];

export function ledgerCsv(view: LedgerView): string {
  const title = `Økonomi for ${view.body.name} (${view.body.id}), år ${view.year}, beregnet ${view.computedOn}`;
  const rows = view.rows.map((r) =>
    [
      r.source === "agreement" ? "aftale" : "initiativ",
      r.id,
      r.title,
      r.status,
      r.task,
      r.direction === "committed" ? "afsat" : "overført",
      sector(r.party),
      r.party.organisation,
      sector(r.to),
      r.to?.organisation ?? null,
      r.kind === "money" ? "penge" : "personale",
      hundredthsText(r.amountOre),
      hundredthsText(r.fteYearHundredths),
      hundredthsText(r.fteHundredths),
      r.days,
      r.daysInYear,
      r.indicatorIds.join(" "),
    ]
      .map(cell)
      .join(";"),
  );
  return `${[cell(`# ${title}`), HEAD.join(";"), ...rows].join("\r\n")}\r\n`;
}
