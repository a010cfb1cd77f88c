import { useTranslation } from "react-i18next";
import type { OperationsStrings } from "../i18n/bundles";

/** Every leaf of a string tree as a dotted key: "units.title". */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A plural's forms ("count_one", "count_other") are asked for by their common key. */
type WithoutPlural<K extends string> = K extends `${infer Base}_${"one" | "other"}` ? Base : K;

/** The keys of the administration's strings (web/src/i18n/operations.*.json). */
export type OperationsKey = WithoutPlural<Leaves<OperationsStrings>>;

/**
 * i18next's t for those keys: kept out of the named strings (with them the
 * key type grew too deep for the compiler: TS2589) and checked against this
 * narrow type instead. At run time they are in the default namespace.
 */
export type OperationsText = (key: OperationsKey, values?: Record<string, unknown>) => string;

export function useOperationsText(): OperationsText {
  const { t } = useTranslation();
  return t as unknown as OperationsText;
}
