import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { StructureStrings } from "../i18n/bundles";

/** Every leaf of a string tree as a dotted key: "home.title". */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A plural's forms ("count_one", "count_other") are asked for by their common key. */
type WithoutPlural<K extends string> = K extends `${infer Base}_${"one" | "other"}` ? Base : K;

/** The keys of the structure's strings (web/src/i18n/structure.*.json). */
export type StructureKey = WithoutPlural<Leaves<StructureStrings>>;

/** i18next's t, for the structure's keys, which the compiler checks against this narrow type. */
export type StructureText = (key: StructureKey, values?: Record<string, unknown>) => string;

/** The structure's strings are in the default namespace at run time; only their type is apart. */
export const structureText = (t: TFunction): StructureText => t as unknown as StructureText;

/** `t` for the structure's strings; it follows the language as useTranslation does. */
export function useStructureText(): { t: StructureText } {
  const { t } = useTranslation();
  return { t: structureText(t) };
}
