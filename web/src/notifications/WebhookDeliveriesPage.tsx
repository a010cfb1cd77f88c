import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorOrForbidden } from "../access/RequireLogin";
import { activeMembership, useMe } from "../access/session-api";
import { AdminNav } from "../admin/AdminNav";
import { ScrollableTable } from "../app/ScrollableTable";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { DeliveryRow } from "./DeliveryRow";
import { DELIVERY_STATUSES, type DeliveryStatus } from "./types";
import { useDeliveries, useRetryDelivery, useWebhooks } from "./webhook-api";

/** One webhook's delivery log: every attempt, filtered by status; failed ones can be retried. */
export function WebhookDeliveriesPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const organisation = activeMembership(useMe().data)?.organisation;
  return (
    <>
      <title>{`${t("webhooks.log.title")} – ${t("app.name")}`}</title>
      <AdminNav />
      <p>
        <Link to="/admin/webhooks">{t("webhooks.log.back")}</Link>
      </p>
      <h1>{t("webhooks.log.title")}</h1>
      {organisation ? (
        <DeliveryLog organisationId={organisation.id} webhookId={id} />
      ) : (
        <p>{t("webhooks.noOrganisation")}</p>
      )}
    </>
  );
}

function DeliveryLog({ organisationId, webhookId }: { organisationId: string; webhookId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DeliveryStatus | "">("");
  const webhooks = useWebhooks(organisationId);
  const deliveries = useDeliveries(organisationId, webhookId, status);
  const retry = useRetryDelivery(organisationId, webhookId);
  const webhook = webhooks.data?.find((w) => w.id === webhookId);

  if (deliveries.isPending || webhooks.isPending) return <Loading />;
  if (webhooks.isError) return <ErrorOrForbidden error={webhooks.error} />;
  if (!webhook) return <p>{t("webhooks.log.unknown")}</p>;
  if (deliveries.isError)
    return <ErrorOrForbidden error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  return (
    <>
      <p className="font-lead webhook-url">{t("webhooks.log.for", { url: webhook.url })}</p>
      <div className="form-group">
        <label className="form-label" htmlFor="delivery-status">
          {t("webhooks.log.filter")}
        </label>
        <select
          id="delivery-status"
          className="form-select"
          value={status}
          onChange={(e) => setStatus(e.target.value as DeliveryStatus | "")}
        >
          <option value="">{t("webhooks.log.all")}</option>
          {DELIVERY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`webhooks.statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div aria-live="polite">
        {retry.isError && <ProblemAlert error={retry.error} />}
        {retry.isSuccess && (
          <div className="alert alert-success">
            <div className="alert-body">
              <p className="alert-text">{t("webhooks.log.retried")}</p>
            </div>
          </div>
        )}
      </div>
      {deliveries.data.length === 0 ? (
        <p>{t("webhooks.log.none")}</p>
      ) : (
        <ScrollableTable label={t("webhooks.log.for", { url: webhook.url })}>
          <table className="table table--zebra deliveries-table">
            <caption className="sr-only">{t("webhooks.log.for", { url: webhook.url })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("webhooks.log.createdAt")}</th>
                <th scope="col">{t("webhooks.log.kind")}</th>
                <th scope="col">{t("webhooks.log.status")}</th>
                <th scope="col">{t("webhooks.log.nextAttempt")}</th>
                <th scope="col">{t("webhooks.log.attempts")}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.map((d) => (
                <DeliveryRow
                  key={d.id}
                  delivery={d}
                  busy={retry.isPending}
                  onRetry={() => retry.mutate(d.id)}
                />
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <p className="form-hint">{t("webhooks.log.noAnswerHint")}</p>
      <p className="form-hint">{t("webhooks.log.refreshed")}</p>
    </>
  );
}
