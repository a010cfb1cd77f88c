/**
 * The one catalogue of errors the API can return. Each has a stable code, an
 * HTTP status and a title; the detail is filled in per occurrence. Details must
 * never contain CPR numbers, names or other personal data.
 */
export const errorCatalogue = {
  TOV_ERR_VALIDATION: { status: 400, title: "The request is not valid" },
  TOV_ERR_BAD_JSON: { status: 400, title: "The request body is not valid JSON" },
  TOV_ERR_BAD_REQUEST: { status: 400, title: "The request could not be read" },
  TOV_ERR_BAD_URL: { status: 400, title: "The URL is not valid" },
  TOV_ERR_UNAUTHENTICATED: { status: 401, title: "Authentication required" },
  TOV_ERR_LOGIN_FAILED: { status: 401, title: "Login failed" },
  TOV_ERR_FORBIDDEN: { status: 403, title: "Forbidden" },
  TOV_ERR_CSRF: { status: 403, title: "Missing or invalid CSRF token" },
  TOV_ERR_NO_RELATION: { status: 403, title: "No relation to this citizen" },
  TOV_ERR_CONFLICT: { status: 409, title: "Conflict" },
  TOV_ERR_PRECONDITION_REQUIRED: { status: 428, title: "Precondition required" },
  TOV_ERR_LOGIN_LOCKED: { status: 429, title: "Too many failed logins; try again later" },
  TOV_ERR_OIDC: { status: 400, title: "OpenID Connect login failed" },
  TOV_ERR_ROUTE_NOT_FOUND: { status: 404, title: "No such endpoint" },
  TOV_ERR_NOT_FOUND: { status: 404, title: "Not found" },
  TOV_ERR_METHOD_NOT_ALLOWED: { status: 405, title: "Method not allowed" },
  TOV_ERR_REQUEST_TIMEOUT: { status: 408, title: "The request did not arrive in time" },
  TOV_ERR_PAYLOAD_TOO_LARGE: { status: 413, title: "The request body is too large" },
  TOV_ERR_URI_TOO_LONG: { status: 414, title: "A part of the URL is too long" },
  TOV_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: "Unsupported media type" },
  TOV_ERR_HEADERS_TOO_LARGE: { status: 431, title: "The request's header fields are too large" },
  TOV_ERR_STRUCTURE_INVALID: { status: 422, title: "The structure file is not valid" },
  TOV_ERR_STRUCTURE_OUTDATED: {
    status: 409,
    title: "A later structure version is already loaded",
  },
  TOV_ERR_RATE_LIMITED: { status: 429, title: "Too many requests" },
  TOV_ERR_INTERNAL: { status: 500, title: "Internal server error" },
  TOV_ERR_UNAVAILABLE: { status: 503, title: "Service unavailable" },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/**
 * The same text as a key and its values, so that a client can say it in its
 * user's language: the API's own texts are English, the web's Danish first.
 * The web looks the key up under `problems.` (web/src/i18n) and falls back to
 * the English text for a key it does not know.
 */
export type Translatable = { key: string; values?: Record<string, string | number> };

/** Why something is refused: English for API clients, and the same as a key for the web. */
export type Reason = { reason: string; i18n: Translatable };

/** One reason a request was refused, tied to the field or parameter it concerns. */
export type FieldError = {
  /** Where the field is: "body", "query", "params", "headers" or "file". */
  in: string;
  /** Dotted path of the field, e.g. "date" or "bodies.3.municipalityCodes". */
  field: string;
  reason: string;
  i18n?: Translatable;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[];
  /** The detail, translatable (see Translatable); absent where only the English detail exists. */
  readonly i18n: Translatable | undefined;

  constructor(code: ErrorCode, detail?: string, errors: FieldError[] = [], i18n?: Translatable) {
    super(detail ?? errorCatalogue[code].title);
    this.name = "AppError";
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.errors = errors;
    this.i18n = i18n;
  }
}

/** What can be missing, each with its English name; the web's key is `notFound.<subject>`. */
export const NOT_FOUND_SUBJECTS = {
  citizen: "Citizen",
  consent: "Active consent",
  user: "User",
  organisation: "The organisation",
  membership: "The membership",
  token: "Active token",
  message: "Message",
  webhook: "The webhook",
  delivery: "The delivery",
  stay: "The stay",
  body: "The body",
  municipality: "The municipality",
  oidc: "OpenID Connect login",
  demoUsers: "Demo users",
  indicator: "The indicator",
} as const;
export type NotFoundSubject = keyof typeof NOT_FOUND_SUBJECTS;

/** A 404 for `subject`; `detail` may name the missing one for API clients (never personal data). */
/** A 400 whose field errors say what is wrong; the web heads them "Ret felterne nedenfor". */
export function invalidFields(detail: string, errors: FieldError[]): AppError {
  return new AppError("TOV_ERR_VALIDATION", detail, errors, { key: "validation.fields" });
}

export function notFound(subject: NotFoundSubject, detail?: string): AppError {
  return new AppError(
    "TOV_ERR_NOT_FOUND",
    detail ?? `${NOT_FOUND_SUBJECTS[subject]} was not found`,
    [],
    { key: `notFound.${subject}` },
  );
}
