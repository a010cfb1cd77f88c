import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../format";
import { DeliveryStatusBadge } from "./DeliveryStatusBadge";
import { WEBHOOK_KINDS, type Webhook, type WebhookKind } from "./types";
import type { WebhookAction } from "./webhook-api";

type Props = { webhook: Webhook; busy: boolean; onAction: (action: WebhookAction) => void };

function eventLabel(t: ReturnType<typeof useTranslation>["t"], event: string): string {
  return (WEBHOOK_KINDS as readonly string[]).includes(event)
    ? t(`notifications.kinds.${event as WebhookKind}`)
    : event;
}

/** One webhook: where it sends, what, how it is going, and what can be done to it. */
export function WebhookCard({ webhook: w, busy, onAction }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const headingId = `webhook-${w.id}`;
  return (
    <li className={`webhook-card${w.active ? "" : " webhook-inactive"}`}>
      <h3 id={headingId} className="webhook-url">
        {w.url}
      </h3>
      <span className={`badge badge-small webhook-${w.active ? "active" : "off"}`}>
        {w.active ? t("webhooks.active") : t("webhooks.inactive")}
      </span>
      <dl className="webhook-facts">
        {w.description && (
          <>
            <dt>{t("webhooks.description")}</dt>
            <dd>{w.description}</dd>
          </>
        )}
        <dt>{t("webhooks.events")}</dt>
        <dd>
          {w.events.length === 0
            ? t("webhooks.allEvents")
            : w.events.map((e) => eventLabel(t, e)).join(", ")}
        </dd>
        <dt>{t("webhooks.created")}</dt>
        <dd>{formatDateTime(w.createdAt)}</dd>
        <dt>{t("webhooks.lastDelivery")}</dt>
        <dd>
          {w.lastDelivery ? (
            <>
              <DeliveryStatusBadge status={w.lastDelivery.status} />{" "}
              {formatDateTime(w.lastDelivery.at)}
            </>
          ) : (
            t("webhooks.neverDelivered")
          )}
        </dd>
        <dt>{t("webhooks.failing")}</dt>
        <dd className={w.failingCount > 0 ? "webhook-failing" : undefined}>
          {w.failingCount > 0
            ? t("webhooks.failingCount", { count: w.failingCount })
            : t("webhooks.noFailures")}
        </dd>
      </dl>
      <div className="webhook-actions">
        <Link
          to={`/admin/webhooks/${w.id}`}
          aria-describedby={headingId}
          className="button button-secondary button-small"
        >
          {t("webhooks.deliveries")}
        </Link>
        <button
          type="button"
          aria-describedby={headingId}
          className="button button-secondary button-small"
          disabled={busy || !w.active}
          onClick={() => onAction({ kind: "ping", webhook: w })}
        >
          {t("webhooks.ping")}
        </button>
        <button
          type="button"
          aria-describedby={headingId}
          className="button button-secondary button-small"
          disabled={busy}
          onClick={() => onAction({ kind: "toggle", webhook: w })}
        >
          {w.active ? t("webhooks.disable") : t("webhooks.enable")}
        </button>
        <button
          type="button"
          aria-describedby={headingId}
          className="button button-secondary button-small"
          disabled={busy}
          onClick={() => onAction({ kind: "rotate", webhook: w })}
        >
          {t("webhooks.rotate")}
        </button>
        {!confirming && (
          <button
            type="button"
            aria-describedby={headingId}
            className="button button-tertiary button-small"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            {t("webhooks.delete")}
          </button>
        )}
      </div>
      {confirming && (
        <div className="webhook-confirm" role="alert">
          <p>{t("webhooks.confirmDelete", { url: w.url })}</p>
          <button
            type="button"
            className="button button-primary button-small"
            disabled={busy}
            onClick={() => {
              setConfirming(false);
              onAction({ kind: "delete", webhook: w });
            }}
          >
            {t("webhooks.confirmDeleteYes")}
          </button>{" "}
          <button
            type="button"
            className="button button-tertiary button-small"
            onClick={() => setConfirming(false)}
          >
            {t("webhooks.cancel")}
          </button>
        </div>
      )}
    </li>
  );
}
