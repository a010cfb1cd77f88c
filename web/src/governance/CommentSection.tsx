import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, FieldError, fieldProblems, reasonFor } from "../components/FormErrors";
import { formatDateTime } from "../format";
import { type AgreementView, commentOn, useAgreementChange } from "./api";
import { useAgreementText } from "./text";

/** The consultation's responses, each with the version it was written on, and the form for members. */
export function CommentSection({ agreement: a }: { agreement: AgreementView }) {
  const t = useAgreementText();
  const { t: tAny } = useTranslation();
  const [text, setText] = useState("");
  const send = useAgreementChange((body: string) => commentOn(a.id, a.version, body));
  if (a.comments.length === 0 && !a.may.comment && a.status !== "consultation") return null;
  const problems = fieldProblems(send.error, tAny);
  const textError = reasonFor(problems, (f) => f === "text");
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t("agreements.comments.heading")}</h2>
      {a.comments.length === 0 ? (
        <p>{t("agreements.comments.none")}</p>
      ) : (
        <ul className="nobullet-list agreement-comments">
          {a.comments.map((c) => (
            <li key={c.id}>
              <blockquote>{c.text}</blockquote>
              <p className="form-hint">
                {c.byName}, {c.byOrganisation} · {formatDateTime(c.at)} ·{" "}
                {t("agreements.comments.onVersion", { version: c.version })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {a.may.comment && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate(text, { onSuccess: () => setText("") });
          }}
        >
          {send.error && !textError && (
            <ErrorSummary
              heading={t("agreements.comments.refused")}
              error={send.error}
              targetOf={() => null}
            />
          )}
          <div className={`form-group${textError ? " form-error" : ""}`}>
            <label className="form-label" htmlFor="comment-text">
              {t("agreements.comments.label")}
            </label>
            <span className="form-hint" id="comment-text-hint">
              {t("agreements.comments.hint", { version: a.version })}
            </span>
            <FieldError id="comment-text-error" message={textError} />
            <textarea
              id="comment-text"
              className="form-input"
              rows={4}
              value={text}
              aria-describedby={`comment-text-hint${textError ? " comment-text-error" : ""}`}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-secondary" disabled={send.isPending}>
            {t("agreements.comments.submit")}
          </button>
        </form>
      )}
    </section>
  );
}
