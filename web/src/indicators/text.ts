import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { currentLanguage, type Language } from "../i18n";
import type { IndicatorStrings } from "../i18n/bundles";
import type { Text } from "./types";

/** Every leaf of a string tree as a dotted key: "quality.title". */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A plural's forms ("count_one", "count_other") are asked for by their common key. */
type WithoutPlural<K extends string> = K extends `${infer Base}_${"one" | "other"}` ? Base : K;

/** The keys of the indicators' strings (web/src/i18n/indicators.*.json). */
export type IndicatorKey = WithoutPlural<Leaves<IndicatorStrings>>;

/**
 * i18next's t for the indicators' keys. Like the structure's strings they are kept
 * out of the named strings (the key type would grow too deep: TS2589) and checked
 * against this narrow type instead.
 */
export type IndicatorText = (key: IndicatorKey, values?: Record<string, unknown>) => string;

export const indicatorText = (t: TFunction): IndicatorText => t as unknown as IndicatorText;

/** `t` for the indicators' strings and the language; both follow a language switch. */
export function useIndicatorText(): { t: IndicatorText; language: Language } {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === "en" ? "en" : "da";
  return { t: indicatorText(t), language };
}

/** A server text in the language shown. */
export function local(text: Text, language: Language = currentLanguage()): string {
  return text[language];
}
