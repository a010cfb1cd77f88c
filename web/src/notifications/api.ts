import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { sendJson } from "../access/session-api";
import { getJson } from "../api/client";
import type { DeliveryMode, NotificationList, NotificationPreferences } from "./types";

/** Unread counts and lists are polled this often; the live stream refreshes them sooner. */
export const NOTIFICATIONS_POLL_MS = 30_000;
const LIST_LIMIT = 200;

export const notificationsKey = ["notifications"] as const;

/** The acting organisation's notifications, newest first, with this user's read markers. */
export function useNotifications(membershipId: string | undefined, unreadOnly: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, "list", membershipId, unreadOnly],
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ limit: String(LIST_LIMIT) });
      if (unreadOnly) query.set("unread", "true");
      return getJson<NotificationList>(`/api/notifications?${query}`, signal);
    },
    refetchInterval: NOTIFICATIONS_POLL_MS,
    staleTime: 0,
  });
}

const countKey = (membershipId: string | null | undefined) =>
  [...notificationsKey, "count", membershipId ?? null] as const;

/**
 * How many cards (or digests, for someone who takes the digest) are unread;
 * only asked for when a membership is active (null otherwise). The count
 * reads no citizen's name, so polling it adds nothing to anyone's access log.
 */
export function useUnreadCount(membershipId: string | null) {
  return useQuery({
    queryKey: countKey(membershipId),
    queryFn: async ({ signal }) => {
      const answer = await getJson<{ unreadCount: number }>(
        "/api/notifications/unread-count",
        signal,
      );
      return answer.unreadCount;
    },
    enabled: membershipId !== null,
    refetchInterval: NOTIFICATIONS_POLL_MS,
    staleTime: 0,
  });
}

/** Cards by id (each with its history), a digest by its period, or all. */
export type MarkRead = { ids: string[] } | { all: true } | { period: { from: string; to: string } };

/**
 * Marks the given notifications, or all of them, as read for this user. The
 * answer carries the new unread count, so the header shows it at once rather
 * than after a second round trip; the lists are then fetched again.
 */
export function useMarkRead(membershipId: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (which: MarkRead) =>
      sendJson<{ unreadCount: number }>("POST", "/api/notifications/read", which),
    onSuccess: ({ unreadCount }) => client.setQueryData(countKey(membershipId), unreadCount),
    onSettled: () => void client.invalidateQueries({ queryKey: notificationsKey }),
  });
}

const preferencesKey = [...notificationsKey, "preferences"] as const;

/** This person's choice: single notifications or the daily digest. */
export function usePreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: ({ signal }) =>
      getJson<NotificationPreferences>("/api/notifications/preferences", signal),
  });
}

/** Saves the choice; the lists and the count follow it at once. */
export function useSetDelivery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (delivery: DeliveryMode) =>
      sendJson<NotificationPreferences>("PUT", "/api/notifications/preferences", { delivery }),
    onSuccess: (prefs) => client.setQueryData(preferencesKey, prefs),
    onSettled: () => void client.invalidateQueries({ queryKey: notificationsKey }),
  });
}
