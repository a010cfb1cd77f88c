import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { InitiativeStrings } from "../i18n/bundles";

/** Every leaf of a string tree as a dotted key: "initiatives.title". */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type InitiativeKey = Leaves<InitiativeStrings>;

/** i18next's t for the initiatives' keys, checked against this type (see text.ts for why apart). */
export type InitiativeText = (key: InitiativeKey, values?: Record<string, unknown>) => string;

export const initiativeText = (t: TFunction): InitiativeText => t as unknown as InitiativeText;

export function useInitiativeText(): InitiativeText {
  const { t } = useTranslation();
  return initiativeText(t);
}
