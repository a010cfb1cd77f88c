import type { TFunction } from "i18next";
import { EVENT_KEYS, MESSAGE_TYPE_KEYS } from "../i18n/code-words";
import { wordsText } from "../i18n/words";

export function eventLabel(t: TFunction, kind: string): string {
  return Object.hasOwn(EVENT_KEYS, kind)
    ? t(EVENT_KEYS[kind as keyof typeof EVENT_KEYS])
    : wordsText(t)("words.messageTypes.unknown");
}

const MESSAGE_TYPE = /^(RE_|AN_)?([A-Z]{4})$/;

/**
 * A MedCom message type in words, with the code after it for those who know
 * it: "Indlæggelse (STIN)", "Rettelse af udskrivelse (RE_SLHJ)". Null for
 * what is no known type.
 */
export function messageTypeLabel(t: TFunction, type: string | null): string | null {
  const [, variant, base] = (type ? MESSAGE_TYPE.exec(type) : null) ?? [];
  if (!base || !Object.hasOwn(MESSAGE_TYPE_KEYS, base)) return null;
  const w = wordsText(t);
  const what = w(MESSAGE_TYPE_KEYS[base as keyof typeof MESSAGE_TYPE_KEYS]);
  const said =
    variant === "RE_"
      ? w("words.messageTypes.revision", { what: what.toLocaleLowerCase() })
      : variant === "AN_"
        ? w("words.messageTypes.cancellation", { what: what.toLocaleLowerCase() })
        : what;
  return `${said} (${type})`;
}
