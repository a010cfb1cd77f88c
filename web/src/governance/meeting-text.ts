import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { MeetingStrings } from "../i18n/bundles";

/** Every leaf of a string tree as a dotted key: "meetings.title". */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MeetingKey = Leaves<MeetingStrings>;

/** i18next's t for the meetings' keys, checked against this type (see text.ts for why apart). */
export type MeetingText = (key: MeetingKey, values?: Record<string, unknown>) => string;

export const meetingText = (t: TFunction): MeetingText => t as unknown as MeetingText;

export function useMeetingText(): MeetingText {
  const { t } = useTranslation();
  return meetingText(t);
}
