import type { Translatable } from "./errors.ts";

/*
 * Kept apart from the error handler so that pure model code (a file import's
 * row checks) can say its Zod issues the same way without the HTTP stack.
 */

const bySize: Record<string, { small: string; big: string }> = {
  string: { small: "validation.tooShort", big: "validation.tooLong" },
  array: { small: "validation.tooFew", big: "validation.tooMany" },
  set: { small: "validation.tooFew", big: "validation.tooMany" },
  number: { small: "validation.tooLow", big: "validation.tooHigh" },
  bigint: { small: "validation.tooLow", big: "validation.tooHigh" },
  date: { small: "validation.tooEarly", big: "validation.tooLate" },
};

/**
 * A Zod issue as a translatable text, by its code and limits. A custom check
 * names its own key; for the rest the translation says the kind of problem
 * (the schema's own English wording stays in the reason), and the form names
 * the field.
 */
export function zodIssueText(
  code: string,
  params: Record<string, unknown>,
  message = "",
): Translatable {
  const limit = (v: unknown) => (typeof v === "bigint" ? Number(v) : (v as number));
  const sizes = bySize[String(params.origin)];
  switch (code) {
    case "too_small":
      if (!sizes) return { key: "validation.invalid" };
      if (params.origin === "string" && limit(params.minimum) === 1)
        return { key: "validation.required" };
      return { key: sizes.small, values: { limit: limit(params.minimum) } };
    case "too_big":
      if (!sizes) return { key: "validation.invalid" };
      return { key: sizes.big, values: { limit: limit(params.maximum) } };
    case "invalid_type":
      // Zod names a missing field only in its message ("…, received undefined").
      return {
        key: message.endsWith("received undefined")
          ? "validation.required"
          : "validation.invalidType",
      };
    case "invalid_format":
      return { key: "validation.invalidFormat" };
    case "invalid_value":
      return { key: "validation.invalidValue" };
    case "unrecognized_keys":
      return { key: "validation.unknownField" };
    default: {
      // A schema's own check names its key: addIssue({ code: "custom", params: { key } }).
      const own = (params.params as { key?: unknown } | undefined)?.key;
      return { key: typeof own === "string" ? own : "validation.invalid" };
    }
  }
}
