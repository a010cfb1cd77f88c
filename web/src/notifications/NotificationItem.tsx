import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../format";
import { notificationText } from "./notification-text";
import { type Card, isFollowUpNotification, RULES_TO_CONFIRM } from "./types";

type Props = { notification: Card; busy: boolean; onMarkRead?: () => void };

/** Where a card leads, in words: the handover, the follow-up item or the body's rules. */
function linkTextOf(t: ReturnType<typeof useTranslation>["t"], n: Card): string {
  if (n.kind === RULES_TO_CONFIRM) return t("handoverRules.notice.toRules");
  return isFollowUpNotification(n) ? t("notifications.toFollowUp") : t("notifications.toHandover");
}

/** Who the card's parties are: from which hospital to which receiver, or where it was discharged. */
function partiesOf(t: ReturnType<typeof useTranslation>["t"], n: Card): string | null {
  const hospital = n.dischargingName ?? n.hospitalName;
  if (isFollowUpNotification(n))
    return hospital ? t("notifications.followUp.from", { hospital }) : null;
  if (!n.hospitalName && !n.receiverName) return null;
  return t("notifications.parties", { hospital: hospital ?? "", receiver: n.receiverName ?? "" });
}

/**
 * One card: what the latest event about a handover (or a follow-up item
 * without a GP) says, whose it is (the citizen's name only where the
 * organisation has a relation), its parties, who resolved an item, the
 * earlier events folded under it, and the way to it. Unread cards carry a
 * badge and a bar, not colour alone.
 */
export function NotificationItem({ notification: n, busy, onMarkRead }: Props) {
  const { t } = useTranslation();
  const unread = n.readAt === null;
  const sentence = notificationText(t, n, formatDateTime);
  const about = n.kind === RULES_TO_CONFIRM ? null : (n.citizenName ?? t("worklist.noRelation"));
  const linkText = linkTextOf(t, n);
  const parties = partiesOf(t, n);
  const resolved = n.followUp?.status === "resolved" ? n.followUp : null;
  return (
    <li className={`notification-item${unread ? " notification-unread" : ""}`}>
      {about && (
        <p className="notification-citizen">
          <strong>{about}</strong>
          {parties && <span className="d-block form-hint">{parties}</span>}
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
      {resolved?.resolvedAt && (
        <p className="notification-resolved-by">
          {t("notifications.followUp.resolvedBy", {
            when: formatDateTime(resolved.resolvedAt),
            who: resolved.resolvedByName ?? "–",
            organisation: resolved.resolvedByOrganisationName ?? "–",
          })}
        </p>
      )}
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
      <summary>
        {isFollowUpNotification(card)
          ? t("notifications.followUp.events", { count: card.count })
          : t("notifications.events", { count: card.count })}
      </summary>
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
