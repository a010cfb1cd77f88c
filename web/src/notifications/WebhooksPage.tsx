import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorOrForbidden } from "../access/RequireLogin";
import { activeMembership, useMe } from "../access/session-api";
import { AdminNav } from "../admin/AdminNav";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { AddWebhookForm } from "./AddWebhookForm";
import { SecretNotice } from "./SecretNotice";
import { SignatureHelp } from "./SignatureHelp";
import { WebhookCard } from "./WebhookCard";
import { useWebhookAction, useWebhooks } from "./webhook-api";

type Shown = { url: string; secret: string };

/** The acting organisation's webhooks: add, switch, test, new secret, delete, their logs. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const organisation = activeMembership(useMe().data)?.organisation;
  return (
    <>
      <title>{`${t("webhooks.title")} – ${t("app.name")}`}</title>
      <AdminNav />
      <h1>{t("webhooks.title")}</h1>
      {organisation ? (
        <Webhooks organisationId={organisation.id} organisationName={organisation.name} />
      ) : (
        <p>{t("webhooks.noOrganisation")}</p>
      )}
    </>
  );
}

function Webhooks({
  organisationId,
  organisationName,
}: {
  organisationId: string;
  organisationName: string;
}) {
  const { t } = useTranslation();
  const webhooks = useWebhooks(organisationId);
  const action = useWebhookAction(organisationId);
  const [shown, setShown] = useState<Shown | null>(null);

  if (webhooks.isPending) return <Loading />;
  if (webhooks.isError)
    return <ErrorOrForbidden error={webhooks.error} onRetry={() => void webhooks.refetch()} />;
  const done = action.isSuccess ? action.variables.kind : null;
  return (
    <>
      <p className="font-lead">{t("webhooks.intro", { organisation: organisationName })}</p>
      {shown && <SecretNotice {...shown} onDismiss={() => setShown(null)} />}
      <div aria-live="polite">
        {action.isError && <ProblemAlert error={action.error} />}
        {(done === "ping" || done === "delete" || done === "toggle") && (
          <div className="alert alert-success">
            <div className="alert-body">
              <p className="alert-text">
                {done === "ping"
                  ? t("webhooks.pinged")
                  : done === "delete"
                    ? t("webhooks.deleted")
                    : t("webhooks.saved")}
              </p>
            </div>
          </div>
        )}
      </div>
      <h2>{t("webhooks.listHeading")}</h2>
      {webhooks.data.length === 0 ? (
        <p>{t("webhooks.none")}</p>
      ) : (
        <ul className="nobullet-list no-max-width webhook-list">
          {webhooks.data.map((w) => (
            <WebhookCard
              key={w.id}
              webhook={w}
              busy={action.isPending}
              onAction={(a) =>
                action.mutate(a, {
                  onSuccess: ({ secret }) => {
                    if (secret) setShown({ url: a.webhook.url, secret });
                  },
                })
              }
            />
          ))}
        </ul>
      )}
      <div className="row mt-7">
        <div className="col-12 col-lg-6">
          <AddWebhookForm
            organisationId={organisationId}
            onCreated={({ webhook, secret }) => setShown({ url: webhook.url, secret })}
          />
        </div>
        <div className="col-12 col-lg-6">
          <SignatureHelp />
        </div>
      </div>
    </>
  );
}
