import { currentLanguage } from "../i18n";

function locale(): string {
  return currentLanguage() === "da" ? "da-DK" : "en-GB";
}

/** Whole øre as kroner: 125000050 → "1.250.000,50 kr." / "DKK 1,250,000.50". */
export function formatKroner(amountOre: number): string {
  return new Intl.NumberFormat(locale(), {
    style: "currency",
    currency: "DKK",
    minimumFractionDigits: amountOre % 100 === 0 ? 0 : 2,
  }).format(amountOre / 100);
}

/** Hundredths of a full-time equivalent: 150 → "1,5" / "1.5". */
export function formatFte(hundredths: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(hundredths / 100);
}

/** A decimal typed the Danish way ("450.000,50") or the English way, as the API's text. */
export function decimalText(typed: string): string {
  const t = typed.trim().replace(/\s/g, "");
  if (t.includes(",")) return t.replace(/\./g, "").replace(",", ".");
  return t;
}
