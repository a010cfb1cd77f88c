import { useTranslation } from "react-i18next";
import type { CareStrings } from "../i18n/bundles";

/** Every leaf of a string tree as a dotted key: "inpatients.title". */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** The keys of the roles' pages' strings (web/src/i18n/care.*.json). */
export type CareKey = Leaves<CareStrings>;

/**
 * i18next's t for those keys: kept out of the named strings (the key type
 * would grow too deep: TS2589) and checked against this narrow type instead.
 */
export type CareText = (key: CareKey, values?: Record<string, unknown>) => string;

export function useCareText(): CareText {
  const { t } = useTranslation();
  return t as unknown as CareText;
}
