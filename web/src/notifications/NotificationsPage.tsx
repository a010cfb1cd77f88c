import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorOrForbidden } from "../access/RequireLogin";
import { activeMembership, useMe } from "../access/session-api";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { formatDateTime } from "../format";
import { useMarkRead, useNotifications } from "./api";
import { DeliveryChoice } from "./DeliveryChoice";
import { DigestCard } from "./DigestCard";
import { NotificationItem } from "./NotificationItem";

/**
 * The acting organisation's notifications, as this person takes them: one
 * card per handover, or one digest a morning.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const acting = activeMembership(useMe().data);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(acting?.membershipId, unreadOnly);
  const markRead = useMarkRead(acting?.membershipId);

  if (list.isPending) return <Loading />;
  if (list.isError)
    return <ErrorOrForbidden error={list.error} onRetry={() => void list.refetch()} />;
  const { unreadCount, digests, nextDigestAt } = list.data;
  const items = [...list.data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const digested = list.data.delivery === "daily-digest";
  return (
    <>
      <title>{`${t("notifications.title")} – ${t("app.name")}`}</title>
      <h1>{t("notifications.title")}</h1>
      <p className="font-lead">{t("notifications.intro")}</p>
      <DeliveryChoice />
      <div className="notifications-toolbar">
        <p className="notifications-count" aria-live="polite">
          <strong>
            {digested
              ? t("notifications.digest.unread", { count: unreadCount })
              : t("notifications.unreadCount", { count: unreadCount })}
          </strong>
        </p>
        <div className="form-group-checkbox">
          <input
            id="notifications-unread-only"
            type="checkbox"
            className="form-checkbox"
            checked={unreadOnly}
            onChange={(e) => setUnreadOnly(e.target.checked)}
          />
          <label htmlFor="notifications-unread-only">{t("notifications.onlyUnread")}</label>
        </div>
        {unreadCount > 0 && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => markRead.mutate({ all: true })}
            disabled={markRead.isPending}
          >
            {t("notifications.markAllRead")}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {markRead.isError && <ProblemAlert error={markRead.error} />}
        {markRead.isSuccess && "all" in markRead.variables && (
          <div className="alert alert-success">
            <div className="alert-body">
              <p className="alert-text">{t("notifications.allRead")}</p>
            </div>
          </div>
        )}
      </div>
      {digested ? (
        <>
          {nextDigestAt && (
            <p className="form-hint">
              {t(
                digests.length === 0 ? "notifications.digest.empty" : "notifications.digest.next",
                {
                  at: formatDateTime(nextDigestAt),
                },
              )}
            </p>
          )}
          {digests.length > 0 && (
            <ul
              className="nobullet-list notification-digests"
              aria-label={t("notifications.title")}
            >
              {digests.map((d) => (
                <DigestCard
                  key={d.id}
                  digest={d}
                  busy={markRead.isPending}
                  onMarkRead={() => markRead.mutate({ period: { from: d.from, to: d.to } })}
                />
              ))}
            </ul>
          )}
        </>
      ) : items.length === 0 ? (
        <p className="notifications-empty">
          {unreadOnly ? t("notifications.emptyUnread") : t("notifications.empty")}
        </p>
      ) : (
        <ul className="nobullet-list notification-list" aria-label={t("notifications.title")}>
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              busy={markRead.isPending}
              onMarkRead={() => markRead.mutate({ ids: [n.id] })}
            />
          ))}
        </ul>
      )}
      <p className="form-hint">{t("notifications.refreshed")}</p>
    </>
  );
}
