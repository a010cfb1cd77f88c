/**
 * Which of a form's inputs a server's field problem belongs to. The server
 * names the field as a dotted path in the request (problem+json
 * `errors[].field`: "note", "ladder.1.afterMinutes", "hours.weekday.start");
 * a form names its inputs by the request's fields. A problem belongs to the
 * input of the same name, or of the nearest name it lies under
 * ("ladder.1.afterMinutes" to "ladder.1", else to "ladder"). Pure, so the
 * mapping is tested apart from any form (field-problems.test.ts).
 */
export function inputOf(problemField: string, inputs: readonly string[]): string | null {
  const parts = problemField.split(/[.[\]]+/).filter(Boolean);
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join(".");
    if (inputs.includes(candidate)) return candidate;
  }
  return null;
}

export type Reasoned = { field: string; reason: string };

/** The reasons for each input, joined; and the problems no input claims, for the summary. */
export function reasonsByInput(
  problems: readonly Reasoned[],
  inputs: readonly string[],
): { byInput: Map<string, string>; unclaimed: Reasoned[] } {
  const byInput = new Map<string, string>();
  const unclaimed: Reasoned[] = [];
  for (const p of problems) {
    const input = inputOf(p.field, inputs);
    if (!input) {
      unclaimed.push(p);
      continue;
    }
    const before = byInput.get(input);
    byInput.set(input, before ? `${before}; ${p.reason}` : p.reason);
  }
  return { byInput, unclaimed };
}
