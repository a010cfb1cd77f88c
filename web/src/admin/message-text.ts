import type { TFunction } from "i18next";
import { ISSUE_KEYS } from "../i18n/code-words";
import { wordsText } from "../i18n/words";
import type { ReceivedMessage } from "./types";

/** What went wrong, in words, once per kind of problem (the details are in the fold). */
export function problemSentences(t: TFunction, problems: ReceivedMessage["problems"]): string[] {
  const w = wordsText(t);
  const said = problems.map((p) => {
    const key =
      p.code && Object.hasOwn(ISSUE_KEYS, p.code)
        ? ISSUE_KEYS[p.code as keyof typeof ISSUE_KEYS]
        : "words.messages.issues.other";
    const text = w(key);
    return p.severity === "warning" ? w("words.messages.warning", { text }) : text;
  });
  return [...new Set(said)];
}
