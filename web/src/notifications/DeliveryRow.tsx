import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumber } from "../format";
import { DeliveryStatusBadge } from "./DeliveryStatusBadge";
import { type Delivery, WEBHOOK_KINDS, type WebhookKind } from "./types";

type Props = { delivery: Delivery; busy: boolean; onRetry: () => void };

/**
 * One delivery: its event, status, attempts (each with time, duration, the
 * receiver's answer: received, another HTTP status, or none) and a retry.
 */
export function DeliveryRow({ delivery: d, busy, onRetry }: Props) {
  const { t } = useTranslation();
  const kind = (WEBHOOK_KINDS as readonly string[]).includes(d.kind)
    ? t(`notifications.kinds.${d.kind as WebhookKind}`)
    : d.kind === "ping"
      ? t("webhooks.log.ping")
      : d.kind;
  return (
    <tr>
      <td>{formatDateTime(d.createdAt)}</td>
      <td>
        {kind}
        <span className="d-block form-hint">
          <code>{d.kind}</code>
        </span>
      </td>
      <td>
        <DeliveryStatusBadge status={d.status} />
        {d.deliveredAt && (
          <span className="d-block form-hint">
            {t("webhooks.log.deliveredAt", { at: formatDateTime(d.deliveredAt) })}
          </span>
        )}
        {d.status === "failed" && (
          <div className="delivery-retry">
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={onRetry}
              disabled={busy}
            >
              {t("webhooks.log.retry")}
              <span className="sr-only"> {formatDateTime(d.createdAt)}</span>
            </button>
          </div>
        )}
      </td>
      <td>{d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : "–"}</td>
      <td>
        {d.attemptLog.length === 0 ? (
          t("webhooks.log.noAttempts")
        ) : (
          <details className="attempt-log">
            <summary>{t("webhooks.log.showAttempts", { count: d.attempts })}</summary>
            <ol>
              {d.attemptLog.map((a) => (
                <li key={a.at}>
                  <dl className="attempt-facts">
                    <dt>{t("webhooks.log.attemptAt")}</dt>
                    <dd>{formatDateTime(a.at)}</dd>
                    <dt>{t("webhooks.log.duration")}</dt>
                    <dd>{t("webhooks.log.durationMs", { ms: formatNumber(a.durationMs) })}</dd>
                    <dt>{t("webhooks.log.answer")}</dt>
                    <dd className={a.result === "delivered" ? undefined : "attempt-error"}>
                      {t(`webhooks.log.answers.${a.result}`, { status: a.statusCode ?? "" })}
                    </dd>
                    <dt>{t("webhooks.log.outcome")}</dt>
                    <dd>{t(`webhooks.outcomes.${a.outcome}`, { defaultValue: a.outcome })}</dd>
                  </dl>
                </li>
              ))}
            </ol>
          </details>
        )}
      </td>
    </tr>
  );
}
