import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { fieldReason, problemDetail } from "../api/problem-text";
import { inputOf, reasonsByInput } from "./field-problems";
import { ProblemAlert } from "./ProblemAlert";

/**
 * A refused form, shown the dkfds way: a summary at the top that links to
 * each field, and the reason again next to the field. The server names the
 * field (problem+json `errors[].field`, e.g. `ladder.1.afterMinutes`); the
 * form says which input that is and what it is called.
 */

export type FieldProblem = { field: string; reason: string };

/** The field problems of a refused request, in the user's language; empty for any other error. */
export function fieldProblems(error: Error | null, t: TFunction): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).map((e) => ({ field: e.field, reason: fieldReason(t, e) }));
}

/** The reason(s) for the fields `belongs` claims, joined, or undefined. */
export function reasonFor(
  problems: FieldProblem[],
  belongs: (field: string) => boolean,
): string | undefined {
  const reasons = problems.filter((p) => belongs(p.field)).map((p) => p.reason);
  return reasons.length > 0 ? reasons.join("; ") : undefined;
}

/** A field's error message; its id goes in the input's aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <span className="form-error-message" id={id}>
      <span className="sr-only">{t("formErrors.prefix")} </span>
      {message}
    </span>
  );
}

type Target = { inputId: string; label: string } | null;

/** The summary at the top: each problem with a link to its field where the form knows it. */
export function ErrorSummary({
  heading,
  error,
  targetOf,
}: {
  heading: string;
  error: Error;
  targetOf: (field: string) => Target;
}) {
  const { t } = useTranslation();
  const problems = fieldProblems(error, t);
  const detail = error instanceof ApiError ? problemDetail(t, error.problem) : undefined;
  return (
    <div className="alert alert-error error-summary" role="alert">
      <div className="alert-body">
        <h2 className="alert-heading h4">{heading}</h2>
        {problems.length === 0 ? (
          <p className="alert-text">{detail ?? t("status.errorNetwork")}</p>
        ) : (
          <ul className="alert-text nobullet-list">
            {problems.map((p) => {
              const target = targetOf(p.field);
              return (
                <li key={`${p.field}-${p.reason}`}>
                  {target ? (
                    <a
                      href={`#${target.inputId}`}
                      className="function-link"
                      // Into the field itself, not just scrolled to it, as dkfds's own summary does.
                      onClick={(e) => {
                        const input = document.getElementById(target.inputId);
                        if (!input) return;
                        e.preventDefault();
                        input.focus();
                      }}
                    >
                      {target.label}
                    </a>
                  ) : (
                    <code>{p.field}</code>
                  )}
                  : {p.reason}
                </li>
              );
            })}
          </ul>
        )}
        {error instanceof ApiError && error.problem.requestId && (
          <p className="alert-text request-id">
            {t("status.requestId", { id: error.problem.requestId })}
          </p>
        )}
      </div>
    </div>
  );
}

/** A form's inputs by the request field each one sends, with its element id and label. */
export type FormInputs = Record<string, { inputId: string; label: string }>;

/**
 * The one way a form shows a refusal at its fields: `errorOf(name)` is the
 * server's reason for the input sending `name` (a problem on "ladder.1.target"
 * belongs to "ladder.1", see field-problems.ts), for the input's error message,
 * aria-invalid and aria-describedby; `targetOf` links the summary's lines to
 * the inputs.
 */
export function useFormProblems(error: Error | null, inputs: FormInputs) {
  const { t } = useTranslation();
  const names = Object.keys(inputs);
  const { byInput } = reasonsByInput(fieldProblems(error, t), names);
  return {
    errorOf: (name: string): string | undefined => byInput.get(name),
    targetOf: (field: string): Target => {
      const name = inputOf(field, names);
      return name ? (inputs[name] ?? null) : null;
    },
  };
}

/**
 * What a refused form says at the top: when the server named fields, the
 * summary linking to each (the reasons themselves sit at the fields); for
 * any other refusal the problem itself.
 */
export function FormProblem({
  error,
  inputs,
  heading,
}: {
  error: Error | null;
  inputs: FormInputs;
  heading?: string;
}) {
  const { t } = useTranslation();
  const { targetOf } = useFormProblems(error, inputs);
  if (!error) return null;
  if (fieldProblems(error, t).length === 0) return <ProblemAlert error={error} />;
  return (
    <ErrorSummary
      heading={heading ?? (t("problems.validation.fields" as never) as string)}
      error={error}
      targetOf={targetOf}
    />
  );
}

/** The attributes that tie an input to its hint and its error message. */
export function describedBy(id: string, opts: { hint?: boolean; error?: string | undefined }) {
  const ids = [opts.hint ? `${id}-hint` : null, opts.error ? `${id}-error` : null].filter(Boolean);
  return {
    "aria-invalid": opts.error ? true : undefined,
    "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
  } as const;
}
