import type { TFunction } from "i18next";
import type { Problem, Translatable } from "./types";

/**
 * A problem from the API in the user's language. The server writes English
 * and sends each text also as a key with values (`i18n`); the web says it from
 * its own translations under `problems.`, and falls back to the server's
 * English text for a key it does not have.
 */

/** The catalogue's title for the problem's code, or the server's title. */
export function problemTitle(t: TFunction, problem: Problem): string {
  return problem.code
    ? t(`problems.codes.${problem.code}`, { defaultValue: problem.title })
    : problem.title;
}

/** The problem's detail, translated where the web knows its key. */
export function problemDetail(t: TFunction, problem: Problem): string | undefined {
  return translated(t, problem.i18n) ?? problem.detail;
}

/** One field error's reason, translated where the web knows its key. */
export function fieldReason(t: TFunction, error: { reason: string; i18n?: Translatable }): string {
  return translated(t, error.i18n) ?? error.reason;
}

function translated(t: TFunction, text: Translatable | undefined): string | undefined {
  if (!text) return undefined;
  const key = `problems.${text.key}`;
  const values = { ...text.values };
  // A handover's status is a value the worklist already has words for.
  if (typeof values.status === "string")
    values.status = t(`worklist.statuses.${values.status}`, { defaultValue: values.status });
  const said = t(key, { ...values, defaultValue: "" });
  return said === "" ? undefined : said;
}
