import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { fieldReason, problemDetail, problemTitle } from "../api/problem-text";

type Props = {
  error: Error;
  onRetry?: () => void;
};

/** An API error shown as a dkfds error alert: the problem's title, detail and request id. */
export function ProblemAlert({ error, onRetry }: Props) {
  const { t } = useTranslation();
  const problem = error instanceof ApiError ? error.problem : null;
  const detail = problem ? problemDetail(t, problem) : undefined;
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <h2 className="alert-heading">{t("status.errorHeading")}</h2>
        <p className="alert-text">
          {problem ? (
            <>
              <strong>{problemTitle(t, problem)}</strong>
              {detail ? `: ${detail}` : ""}
            </>
          ) : (
            t("status.errorNetwork")
          )}
        </p>
        {problem?.errors && problem.errors.length > 0 && (
          <ul className="alert-text problem-errors">
            {problem.errors.map((e) => (
              <li key={`${e.in}-${e.field}-${e.reason}`}>
                <code>{e.field}</code>: {fieldReason(t, e)}
              </li>
            ))}
          </ul>
        )}
        {problem?.requestId && (
          <p className="alert-text request-id">
            {t("status.requestId", { id: problem.requestId })}
          </p>
        )}
        {onRetry && (
          <button type="button" className="button button-secondary mt-4" onClick={onRetry}>
            {t("status.retry")}
          </button>
        )}
      </div>
    </div>
  );
}
