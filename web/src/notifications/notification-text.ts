import type { TFunction } from "i18next";
import { DECLINE_REASONS, type DeclineReason } from "../handovers/types";
import { type Notification, RULES_TO_CONFIRM } from "./types";

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
 * A notification as one sentence, e.g. "Ny overdragelse til kommunen – frist
 * 23. nov. 2026 14.00" or "Eskalering trin 2: klyngens koordinator – …". It
 * carries no citizen, so the sentence names none.
 */
export function notificationText(t: TFunction, n: Notification, formatTime: Format): string {
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
  const receiver = t(`notifications.receivers.${n.sector}`);
  const deadline = formatTime(n.deadlineAt);
  switch (n.kind) {
    case "handover.created":
      return t("notifications.text.created", { receiver, deadline });
    case "handover.escalated":
      return n.step !== null && n.target !== null
        ? t("notifications.text.escalatedStep", {
            step: n.step,
            target: t(`notifications.targets.${n.target}`),
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
    case "handover.closed":
      return n.reason
        ? t("notifications.text.closedReason", { receiver, reason: closeReasonText(t, n.reason) })
        : t("notifications.text.closed", { receiver });
  }
}
