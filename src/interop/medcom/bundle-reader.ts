/**
 * Walking untrusted FHIR JSON while collecting every problem with the path of
 * the element it concerns, so that a negative acknowledgement can name all of
 * them at once instead of the first.
 */

/**
 * FHIR issue types a message's problems carry. Each has Danish and English
 * words in the message admin (`messages.issues.*`; test/i18n/audit-words.test.ts).
 * `forbidden`: the token that brought the message may not send for its sender
 * (sender-authority.ts).
 */
export const ISSUE_TYPES = [
  "structure",
  "required",
  "value",
  "code-invalid",
  "invariant",
  "invalid",
  "not-found",
  "forbidden",
  "duplicate",
] as const;
export type IssueType = (typeof ISSUE_TYPES)[number];

export type MessageIssue = {
  severity: "error" | "warning";
  code: IssueType;
  /** FHIRPath of the element, e.g. `Bundle.entry[2].resource.class`. */
  expression: string;
  /** What rule was broken. Never quotes patient data. */
  rule: string;
  /** A code from the Acknowledgement issue-details value set, when one fits. */
  details?: { system: string; code: string };
};

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const DATE_TIME_WITH_ZONE =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * The longest text Tovholder reads from a message (ids, codes, references, identifiers,
 * names). Longer ones are refused: they are no real message's, and an identifier is
 * indexed in the database, where an entry has a size limit.
 */
export const MAX_MESSAGE_TEXT = 200;

/** How far after the receiver's clock a time in a message may lie (clocks drift; events do not). */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export class IssueCollector {
  readonly issues: MessageIssue[] = [];
  /** The latest plausible instant (ms): the receiver's clock plus FUTURE_TOLERANCE_MS. */
  private readonly latest: number;

  /** `now`: the receiver's clock; times more than a day after it are refused. */
  constructor(now?: Date) {
    this.latest = now ? now.getTime() + FUTURE_TOLERANCE_MS : Number.POSITIVE_INFINITY;
  }

  error(code: IssueType, expression: string, rule: string, details?: MessageIssue["details"]) {
    this.issues.push({
      severity: "error",
      code,
      expression,
      rule,
      ...(details ? { details } : {}),
    });
  }

  warning(code: IssueType, expression: string, rule: string) {
    this.issues.push({ severity: "warning", code, expression, rule });
  }

  get failed(): boolean {
    return this.issues.some((i) => i.severity === "error");
  }

  /** A required string; records `required` when missing or empty, `value` when not a string. */
  string(obj: Json | undefined, key: string, path: string): string | undefined {
    const v = obj?.[key];
    if (v === undefined || v === null || v === "") {
      this.error("required", `${path}.${key}`, "is required");
      return undefined;
    }
    if (typeof v !== "string") {
      this.error("value", `${path}.${key}`, "must be a string");
      return undefined;
    }
    return this.short(v, `${path}.${key}`) ?? undefined;
  }

  /** The text, or null (with an issue) when it is longer than MAX_MESSAGE_TEXT. */
  private short(v: string, expression: string): string | null {
    if (v.length <= MAX_MESSAGE_TEXT) return v;
    this.error("value", expression, `must be at most ${MAX_MESSAGE_TEXT} characters`);
    return null;
  }

  optionalString(obj: Json | undefined, key: string, path: string): string | null {
    const v = obj?.[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== "string") {
      this.error("value", `${path}.${key}`, "must be a string");
      return null;
    }
    return this.short(v, `${path}.${key}`);
  }

  /** A FHIR dateTime/instant that must carry a time and a timezone, as MedCom requires. */
  dateTime(obj: Json | undefined, key: string, path: string, required = true): string | null {
    const v = required ? this.string(obj, key, path) : this.optionalString(obj, key, path);
    if (v == null) return null;
    if (!DATE_TIME_WITH_ZONE.test(v) || Number.isNaN(Date.parse(v))) {
      this.error(
        "value",
        `${path}.${key}`,
        "must be a dateTime with seconds and a timezone (e.g. 2026-03-02T09:10:00+01:00)",
        {
          system: "http://terminology.hl7.org/CodeSystem/operation-outcome",
          code: "MSG_DATE_FORMAT",
        },
      );
      return null;
    }
    if (Date.parse(v) > this.latest) {
      this.error(
        "value",
        `${path}.${key}`,
        "must not be more than 24 hours after the receiver's clock: an event cannot lie in the future",
      );
      return null;
    }
    return v;
  }

  object(obj: Json | undefined, key: string, path: string): Json | undefined {
    const v = obj?.[key];
    if (v === undefined || v === null) {
      this.error("required", `${path}.${key}`, "is required");
      return undefined;
    }
    if (!isObject(v)) {
      this.error("structure", `${path}.${key}`, "must be an object");
      return undefined;
    }
    return v;
  }

  array(obj: Json | undefined, key: string, path: string, min = 1): unknown[] {
    const v = obj?.[key];
    if (v === undefined || v === null) {
      if (min > 0) this.error("required", `${path}.${key}`, `is required (at least ${min})`);
      return [];
    }
    if (!Array.isArray(v)) {
      this.error("structure", `${path}.${key}`, "must be an array");
      return [];
    }
    if (v.length < min)
      this.error("required", `${path}.${key}`, `needs at least ${min} element(s)`);
    return v;
  }
}

export function periodIsOrdered(start: string | null, end: string | null): boolean {
  return start === null || end === null || Date.parse(start) <= Date.parse(end);
}
