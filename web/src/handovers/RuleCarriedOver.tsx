import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { sendJson } from "../access/session-api";
import { ErrorSummary } from "../components/FormErrors";
import { formatDate, formatDateTime } from "../format";
import type { RuleView } from "./rule-text";

/**
 * Where a rule came from when the structure changed (a council's rule from
 * the cluster that held most of its citizens), whether it awaits the body's
 * confirmation, and, for the body's own coordinators, the button that
 * confirms it as it is.
 */
export function RuleCarriedOver({
  bodyId,
  view,
  canEdit,
}: {
  bodyId: string;
  view: RuleView;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const confirm = useMutation({
    mutationFn: () =>
      sendJson<RuleView>(
        "POST",
        `/api/bodies/${encodeURIComponent(bodyId)}/handover-rules/${view.sector}/confirm`,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["handover-rules", bodyId] }),
  });
  const from = view.carriedOverFrom;
  if (!from) return null;
  const origin = from.endedOn
    ? t("handoverRules.carried.fromOn", { name: from.name, date: formatDate(from.endedOn) })
    : t("handoverRules.carried.from", { name: from.name });
  if (!view.needsConfirmation)
    return (
      <p className="rule-carried form-hint">
        {origin}
        {view.confirmedAt &&
          ` · ${t("handoverRules.carried.confirmed", { date: formatDateTime(view.confirmedAt) })}`}
      </p>
    );
  return (
    <div className="alert alert-warning rule-carried" role="note">
      <div className="alert-body">
        <p className="alert-heading">{t("handoverRules.carried.awaiting")}</p>
        <p className="alert-text">{origin}.</p>
        <p className="alert-text">{t("handoverRules.carried.awaitingText", { name: from.name })}</p>
        {canEdit && (
          <>
            <p className="alert-text">{t("handoverRules.carried.confirmHint")}</p>
            <div aria-live="polite">
              {confirm.isError && (
                <ErrorSummary
                  heading={t("handoverRules.carried.refused")}
                  error={confirm.error}
                  targetOf={() => null}
                />
              )}
            </div>
            <button
              type="button"
              className="button button-primary"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate()}
            >
              {t(`handoverRules.carried.confirm.${view.sector}`)}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
