import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { AgreementStrings } from "../i18n/bundles";

/** Every leaf of a string tree as a dotted key: "agreements.title". */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A plural's forms ("count_one", "count_other") are asked for by their common key. */
type WithoutPlural<K extends string> = K extends `${infer Base}_${"one" | "other"}` ? Base : K;

export type AgreementKey = WithoutPlural<Leaves<AgreementStrings>>;

/**
 * i18next's t for the agreements' keys, kept out of the named strings (the
 * key type would grow too deep: TS2589) and checked against this type instead.
 */
export type AgreementText = (key: AgreementKey, values?: Record<string, unknown>) => string;

export const agreementText = (t: TFunction): AgreementText => t as unknown as AgreementText;

export function useAgreementText(): AgreementText {
  const { t } = useTranslation();
  return agreementText(t);
}
