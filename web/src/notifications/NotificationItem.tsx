import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../format";
import { notificationText } from "./notification-text";
import { type Notification, RULES_TO_CONFIRM } from "./types";

type Props = { notification: Notification; busy: boolean; onMarkRead: () => void };

/** One notification: unread ones carry a badge and a bar, not colour alone. */
export function NotificationItem({ notification: n, busy, onMarkRead }: Props) {
  const { t } = useTranslation();
  const unread = n.readAt === null;
  const sentence = notificationText(t, n, formatDateTime);
  return (
    <li className={`notification-item${unread ? " notification-unread" : ""}`}>
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
      <div className="notification-actions">
        {n.kind === RULES_TO_CONFIRM ? (
          <Link to={`/klynge/overdragelsesregler?klynge=${encodeURIComponent(n.body.id)}`}>
            {t("handoverRules.notice.toRules")}
            <span className="sr-only">: {sentence}</span>
          </Link>
        ) : (
          <Link to="/arbejdsliste">
            {t("notifications.toWorklist")}
            <span className="sr-only">: {sentence}</span>
          </Link>
        )}
        {unread && (
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
