import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../format";
import { notificationText } from "./notification-text";
import { type Card, RULES_TO_CONFIRM } from "./types";

type Props = { notification: Card; busy: boolean; onMarkRead?: () => void };

/**
 * One card: what the latest event about a handover says, whose handover it
 * is (the citizen's name only where the organisation has a relation), from
 * which hospital to which receiver, the earlier events folded under it, and
 * the way to the handover. Unread cards carry a badge and a bar, not colour
 * alone.
 */
export function NotificationItem({ notification: n, busy, onMarkRead }: Props) {
  const { t } = useTranslation();
  const unread = n.readAt === null;
  const sentence = notificationText(t, n, formatDateTime);
  const about = n.kind === RULES_TO_CONFIRM ? null : (n.citizenName ?? t("worklist.noRelation"));
  const linkText =
    n.kind === RULES_TO_CONFIRM ? t("handoverRules.notice.toRules") : t("notifications.toHandover");
  return (
    <li className={`notification-item${unread ? " notification-unread" : ""}`}>
      {about && (
        <p className="notification-citizen">
          <strong>{about}</strong>
          {(n.hospitalName || n.receiverName) && (
            <span className="d-block form-hint">
              {t("notifications.parties", {
                hospital: n.dischargingName ?? n.hospitalName ?? "",
                receiver: n.receiverName ?? "",
              })}
            </span>
          )}
        </p>
      )}
      <p className="notification-sentence">
        {unread && (
          <span className="badge badge-small notification-unread-badge">
            {t("notifications.unread")}
          </span>
        )}
        {sentence}
      </p>
      <p className="notification-meta form-hint">
        {n.kind === RULES_TO_CONFIRM
          ? t("handoverRules.notice.kind")
          : t(`notifications.kinds.${n.kind}`)}{" "}
        · {t("notifications.received")}{" "}
        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
        {n.readAt && <> · {t("notifications.read", { at: formatDateTime(n.readAt) })}</>}
      </p>
      {n.count > 1 && <CardHistory card={n} />}
      <div className="notification-actions">
        {n.link && (
          <Link to={n.link}>
            {linkText}
            <span className="sr-only">
              : {about ? `${about}, ` : ""}
              {sentence}
            </span>
          </Link>
        )}
        {unread && onMarkRead && (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={onMarkRead}
            disabled={busy}
          >
            {t("notifications.markRead")}
            <span className="sr-only">: {sentence}</span>
          </button>
        )}
      </div>
    </li>
  );
}

/** The earlier events folded into the card, behind a fold: the latest is already said above. */
function CardHistory({ card }: { card: Card }) {
  const { t } = useTranslation();
  return (
    <details className="notification-history">
      <summary>{t("notifications.events", { count: card.count })}</summary>
      <ol className="nobullet-list">
        {card.history.map((e) => (
          <li key={e.id}>
            <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>:{" "}
            {notificationText(t, { ...card, ...e, kind: e.kind } as Card, formatDateTime)}
          </li>
        ))}
      </ol>
      {card.count > card.history.length && (
        <p className="form-hint">
          {t("notifications.historyMore", { shown: card.history.length, count: card.count })}
        </p>
      )}
    </details>
  );
}
