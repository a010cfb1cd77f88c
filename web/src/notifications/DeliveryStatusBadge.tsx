import { useTranslation } from "react-i18next";
import { DELIVERY_STATUSES, type DeliveryStatus } from "./types";

/** A delivery's status as a badge: always a word, the colour only supports it. */
export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  const known = (DELIVERY_STATUSES as readonly string[]).includes(status);
  return (
    <span className={`badge badge-small delivery-${known ? status : "pending"}`}>
      {known ? t(`webhooks.statuses.${status}`) : status}
    </span>
  );
}
