import type { Language } from "../i18n";
import type { ValueKind } from "./types";

const locales: Record<Language, string> = { da: "da-DK", en: "en-GB" };

function decimal(value: number, language: Language, digits: number): string {
  return new Intl.NumberFormat(locales[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** "12,3 %" in Danish (a no-break space keeps the sign with its number), "12.3%" in English. */
function percentSign(language: Language): string {
  return language === "da" ? "\u00a0%" : "%";
}

/** A share is a fraction (0.123); a rate is per 1,000; hours are hours. */
export function formatValue(value: number, kind: ValueKind, language: Language): string {
  if (kind === "share") return `${decimal(value * 100, language, 1)}${percentSign(language)}`;
  if (kind === "hours") return `${decimal(value, language, 1)} ${language === "da" ? "t" : "h"}`;
  return decimal(value, language, 1);
}

/** A value as the chart's axis counts it: shares in per cent, the rest as they are. */
export function chartValue(value: number, kind: ValueKind): number {
  return kind === "share" ? value * 100 : value;
}

/** The 95 % interval: "10,2–14,8". */
export function formatInterval(low: number, high: number, kind: ValueKind, language: Language) {
  const bare = (v: number) => decimal(chartValue(v, kind), language, 1);
  const unit = kind === "share" ? percentSign(language) : "";
  return `${bare(low)}–${bare(high)}${unit}`;
}

export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(value);
}

export function formatKroner(value: number, language: Language): string {
  return `${new Intl.NumberFormat(locales[language], { maximumFractionDigits: 0 }).format(value)} kr.`;
}

/** An axis tick: whole numbers as counts, others with one decimal at most. */
export function formatTick(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits: 1 }).format(value);
}
