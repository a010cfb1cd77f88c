import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

type Props = { url: string; secret: string; onDismiss: () => void };

/** A new signing secret, shown this once: read-only, copyable, and said plainly. */
export function SecretNotice({ url, secret, onDismiss }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  // Moved to, so that nobody misses it (it will not come back).
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin): the text stays selected for Ctrl+C.
      setCopied(false);
    }
  };
  return (
    <section className="alert alert-warning secret-notice" aria-labelledby="secret-heading">
      <div className="alert-body">
        <h2 id="secret-heading" className="alert-heading h4" tabIndex={-1} ref={heading}>
          {t("webhooks.secret.heading", { url })}
        </h2>
        <p className="alert-text">
          <strong>{t("webhooks.secret.warning")}</strong>
        </p>
        <label className="form-label" htmlFor="webhook-secret">
          {t("webhooks.secret.label")}
        </label>
        <div className="secret-field">
          <input
            id="webhook-secret"
            ref={input}
            className="form-input secret-value"
            value={secret}
            readOnly
            spellCheck={false}
            autoComplete="off"
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="button button-secondary" onClick={() => void copy()}>
            {t("webhooks.secret.copy")}
          </button>
          <span aria-live="polite" className="secret-copied">
            {copied ? t("webhooks.secret.copied") : ""}
          </span>
        </div>
        <button type="button" className="button button-primary mt-4" onClick={onDismiss}>
          {t("webhooks.secret.dismiss")}
        </button>
      </div>
    </section>
  );
}
