import { MAX_JSON_DEPTH } from "./input-limits.ts";

/**
 * Checks on untrusted JSON that must run before anything recursive touches it
 * (the parser's prototype checks, Zod, a MedCom reader): how deep it nests, and
 * whether a text in it holds U+0000, which PostgreSQL's text and jsonb cannot.
 * Both are iterative, so a hostile body cannot exhaust the stack.
 */

/** True when `text`, read as JSON, nests deeper than `limit` (strings are skipped). */
export function nestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--;
  }
  return false;
}

/** Where a value holds a text with U+0000: the path of keys and indexes from its root. */
export type NulAt = (string | number)[];

const NUL = "\u0000";

/** The first string (value or key) under `value` that holds U+0000, or null. Iterative. */
export function findNul(value: unknown): NulAt | null {
  const stack: { value: unknown; path: NulAt }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const top = stack.pop() as { value: unknown; path: NulAt };
    const v = top.value;
    if (typeof v === "string") {
      if (v.includes(NUL)) return top.path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...top.path, i] });
    } else if (typeof v === "object" && v !== null) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        // A key with U+0000 is named with the byte shown as \0, never sent raw.
        if (key.includes(NUL)) return [...top.path, key.replaceAll(NUL, "\\0")];
        stack.push({ value: child, path: [...top.path, key] });
      }
    }
  }
  return null;
}

/** A text with each U+0000 replaced by U+FFFD, for a value that must be stored or echoed. */
export const withoutNul = (text: string): string => text.replaceAll(NUL, "\uFFFD");
