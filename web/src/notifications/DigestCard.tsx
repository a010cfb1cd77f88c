import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../format";
import { NotificationItem } from "./NotificationItem";
import type { Digest } from "./types";

/**
 * One morning's digest: a card of its own, holding the day's cards (each
 * handover once). It is read as a whole; its cards link to their handovers.
 */
export function DigestCard({
  digest,
  busy,
  onMarkRead,
}: {
  digest: Digest;
  busy: boolean;
  onMarkRead: () => void;
}) {
  const { t } = useTranslation();
  const heading = t("notifications.digest.title", { date: formatDate(danishDay(digest.to)) });
  return (
    <li className={`notification-digest${digest.unread ? " notification-unread" : ""}`}>
      <h2 className="h4 notification-digest-title">
        {digest.unread && (
          <span className="badge badge-small notification-unread-badge">
            {t("notifications.unread")}
          </span>
        )}
        {heading}
      </h2>
      <p className="form-hint">
        {t("notifications.digest.period", {
          from: formatDateTime(digest.from),
          to: formatDateTime(digest.to),
        })}{" "}
        · {t("notifications.digest.count", { count: digest.cardCount })}
      </p>
      <ul className="nobullet-list notification-list" aria-label={heading}>
        {digest.cards.map((card) => (
          <NotificationItem key={card.id} notification={card} busy={busy} />
        ))}
      </ul>
      {digest.cardCount > digest.cards.length && (
        <p className="form-hint">
          {t("notifications.digest.shown", {
            shown: digest.cards.length,
            count: digest.cardCount,
          })}
        </p>
      )}
      {digest.unread && (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={onMarkRead}
          disabled={busy}
        >
          {t("notifications.digest.markRead")}
          <span className="sr-only">: {heading}</span>
        </button>
      )}
    </li>
  );
}

/** The Danish calendar day of an instant ("2026-11-19"), for the digest's title. */
function danishDay(iso: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" }).format(new Date(iso));
}
