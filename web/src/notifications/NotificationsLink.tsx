import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";
import type { Membership } from "../access/session-api";
import { subscribeHandoverEvents } from "../handovers/handover-events";
import { notificationsKey, useUnreadCount } from "./api";

/** Roles that get the live handover stream (as the worklist does). */
const LIVE_ROLES = ["clinician", "coordinator", "body_lead"];

/**
 * The header's way to the notifications, with the unread count as a badge.
 * Polled, and refreshed at once when the acting organisation's handovers
 * change. Where the API refuses (a role without notifications), it is not shown.
 */
export function NotificationsLink({ acting }: { acting: Membership }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const client = useQueryClient();
  const unread = useUnreadCount(acting.membershipId);
  const live = LIVE_ROLES.includes(acting.role);
  useEffect(() => {
    if (!live) return;
    return subscribeHandoverEvents(acting.membershipId, {
      changed: () => void client.invalidateQueries({ queryKey: notificationsKey }),
    });
  }, [client, acting.membershipId, live]);

  if (unread.isError) return null;
  const count = unread.data ?? 0;
  return (
    <li className={pathname.startsWith("/notifikationer") ? "active" : undefined}>
      <NavLink to="/notifikationer" className="nav-link">
        <span>
          {t("notifications.nav")}
          {count > 0 && (
            <>
              {/* The badge is for the eye; a screen reader hears "Notifikationer (3 ulæste)". */}
              <span className="notification-count" aria-hidden="true">
                {count}
              </span>
              <span className="sr-only">({t("notifications.navUnread", { count })})</span>
            </>
          )}
        </span>
      </NavLink>
    </li>
  );
}
