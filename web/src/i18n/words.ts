import type { TFunction } from "i18next";
import type { WordStrings } from "./bundles";

/** Every leaf of a string tree as a dotted key: "words.audit.actions.read". */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** The keys of the words for the server's codes (web/src/i18n/words.*.json). */
export type WordKey = Leaves<WordStrings>;

/** i18next's t for those keys, which the compiler checks against this narrow type. */
export type WordsText = (key: WordKey, values?: Record<string, unknown>) => string;

/** The words are in the default namespace at run time; only their type is apart (bundles.ts). */
export const wordsText = (t: TFunction): WordsText => t as unknown as WordsText;
