import type { TFunction } from "i18next";
import { bodyKindKey, ladderStepName } from "../handovers/rule-text";
import { DECLINE_REASONS, type DeclineReason } from "../handovers/types";
import {
  type FollowUpFacts,
  isFollowUpNotification,
  type Notification,
  RULES_TO_CONFIRM,
} from "./types";

/**
 * What a card knows besides its notification: the receiver's name and the
 * body's kind, or a follow-up item's state.
 */
type Parties = {
  receiverName?: string | null;
  bodyKind?: string | null;
  followUp?: FollowUpFacts | null;
};

type Format = (iso: string) => string;

/** "Borgeren er flyttet" → "borgeren er flyttet", to follow a colon inside a sentence. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

/** A decline reason's words when it is one of the worklist's, the server's text otherwise. */
function reasonText(t: TFunction, reason: string): string {
  return (DECLINE_REASONS as readonly string[]).includes(reason)
    ? lowerFirst(t(`worklist.reasons.${reason as DeclineReason}`))
    : reason;
}

const CLOSE_REASONS = ["death", "stay-cancelled", "discharge-cancelled"] as const;

/** Why a handover closed, in words when it is one of the server's codes. */
function closeReasonText(t: TFunction, reason: string): string {
  return (CLOSE_REASONS as readonly string[]).includes(reason)
    ? t(`notifications.closeReasons.${reason as (typeof CLOSE_REASONS)[number]}`)
    : reason;
}

/**
 * A follow-up item's notification as one sentence: "Ingen praktiserende læge
 * — hvem følger op? …" until it is resolved, then who follows up (or that
 * nobody needs to), or why it closed.
 */
function followUpText(
  t: TFunction,
  kind: string,
  item: FollowUpFacts | null | undefined,
  formatTime: Format,
): string {
  if (kind === "follow-up.opened")
    return item
      ? t("notifications.followUp.opened", { when: formatTime(item.dischargedAt) })
      : t("notifications.followUp.openedShort");
  if (kind === "follow-up.closed")
    return item?.closedReason
      ? t("notifications.followUp.closedReason", {
          reason: closeReasonText(t, item.closedReason),
        })
      : t("notifications.followUp.closed");
  const name = item?.followUpName ?? "";
  switch (item?.resolution) {
    case "outpatient-clinic":
      return t("notifications.followUp.resolvedClinic", { name });
    case "practice":
      return t("notifications.followUp.resolvedPractice", { name });
    case "not-needed":
      return t("notifications.followUp.resolvedNotNeeded");
    default:
      return t("notifications.followUp.resolved");
  }
}

/**
 * A notification as one sentence, e.g. "Ny overdragelse til Næstved Kommune –
 * frist 23. nov. 2026 14.00" or "Eskalering – Trin 2: klyngens koordinator.
 * …". The step is named as the rules page names it (`ladderStepName`). The
 * citizen is named beside the sentence, not in it (the card's heading).
 */
export function notificationText(
  t: TFunction,
  n: Notification & Parties,
  formatTime: Format,
): string {
  if (isFollowUpNotification(n)) return followUpText(t, n.kind, n.followUp, formatTime);
  if (n.kind === RULES_TO_CONFIRM)
    return t("handoverRules.notice.text", {
      body: n.body.name,
      rules: n.rules
        .map((r) =>
          t("handoverRules.notice.rule", {
            sector: t(`handoverRules.notice.sectors.${r.sector}`),
            from: r.carriedOverFrom.name,
          }),
        )
        .join("; "),
    });
  const receiver = n.receiverName ?? t(`notifications.receivers.${n.sector}`);
  const deadline = formatTime(n.deadlineAt);
  switch (n.kind) {
    case "handover.created":
      return t("notifications.text.created", { receiver, deadline });
    case "handover.escalated":
      return n.step !== null && n.target !== null
        ? t("notifications.text.escalatedStep", {
            step: ladderStepName(
              t,
              n.sector,
              n.step,
              n.target,
              bodyKindKey(n.bodyKind ?? undefined),
            ),
            receiver,
          })
        : t("notifications.text.escalated", { receiver, deadline });
    case "handover.declined":
      return n.reason
        ? t("notifications.text.declinedReason", { receiver, reason: reasonText(t, n.reason) })
        : t("notifications.text.declined", { receiver });
    case "handover.confirmed":
      return t("notifications.text.confirmed", { receiver });
    case "handover.undone":
      // The reason is the status taken back.
      return n.reason === "declined"
        ? t("notifications.text.undoneDeclined", { receiver, deadline })
        : t("notifications.text.undoneConfirmed", { receiver, deadline });
    case "handover.unresolved":
      return t("notifications.text.unresolved", { receiver });
    case "handover.closed":
      return n.reason
        ? t("notifications.text.closedReason", { receiver, reason: closeReasonText(t, n.reason) })
        : t("notifications.text.closed", { receiver });
  }
}
