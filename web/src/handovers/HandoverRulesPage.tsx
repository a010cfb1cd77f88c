import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorOrForbidden } from "../access/RequireLogin";
import { activeMembership, type Membership, useMe } from "../access/session-api";
import { getJson } from "../api/client";
import { useBodies } from "../api/queries";
import type { BodySummary } from "../api/types";
import { Loading } from "../components/Loading";
import { RuleAgreement } from "./RuleAgreement";
import { RuleCarriedOver } from "./RuleCarriedOver";
import { RuleEditor } from "./RuleEditor";
import { RuleTable } from "./RuleTable";
import { type BodyKindKey, bodyKindKey, explainRule, type RuleView } from "./rule-text";

/** The server says each body's kind (a cluster or a health council). */
type Body = BodySummary & { kind?: string };

/** The roles the server lets change a body's rules, when acting for its secretariat. */
const EDITING_ROLES = ["coordinator", "body_lead"];

/** The body a member works in: a secretariat's own, or the one of the acting hospital. */
function bodyOfMember(m: Membership | undefined, bodies: Body[]): string | null {
  if (!m) return null;
  if (m.organisation.bodyId) return m.organisation.bodyId;
  const hospital = m.organisation.hospitalId;
  return bodies.find((c) => c.acuteHospitals.some((h) => h.id === hospital))?.id ?? null;
}

/**
 * A body's handover rules for both receiving sectors, in plain words and in
 * detail: the deadline in service time, when it runs, and who is reminded
 * when. The body's own coordinators edit them here; everyone else reads.
 */
export function HandoverRulesPage() {
  const { t } = useTranslation();
  const acting = activeMembership(useMe().data);
  const bodies = useBodies();
  const [params, setParams] = useSearchParams();
  const sorted: Body[] = [...(bodies.data ?? [])].sort((a, b) =>
    a.name.localeCompare(b.name, "da"),
  );
  const bodyId = params.get("klynge") ?? bodyOfMember(acting, sorted);
  // The words name the body by its kind: "klyngens regler", "sundhedsrådets regler".
  const kind = bodyKindKey(sorted.find((b) => b.id === bodyId)?.kind);
  const rules = useQuery({
    queryKey: ["handover-rules", bodyId],
    queryFn: ({ signal }) =>
      getJson<RuleView[]>(`/api/bodies/${encodeURIComponent(bodyId ?? "")}/handover-rules`, signal),
    enabled: bodyId !== null,
  });
  const canEdit =
    acting?.organisation.kind === "body_secretariat" &&
    acting.organisation.bodyId === bodyId &&
    EDITING_ROLES.includes(acting.role);

  return (
    <>
      <title>{`${t("handoverRules.title")} – ${t("app.name")}`}</title>
      <h1>{t("handoverRules.title")}</h1>
      <p className="font-lead">{t("handoverRules.intro")}</p>
      <div className="form-group">
        <label className="form-label" htmlFor="rules-body">
          {t("handoverRules.body")}
        </label>
        <select
          id="rules-body"
          className="form-select"
          value={bodyId ?? ""}
          onChange={(e) => setParams(e.target.value ? { klynge: e.target.value } : {})}
        >
          {bodyId === null && <option value="">{t("handoverRules.chooseBody")}</option>}
          {/* A body of another date (an ended cluster, from a link) is shown by its id. */}
          {bodyId !== null && !sorted.some((b) => b.id === bodyId) && (
            <option value={bodyId}>{bodyId}</option>
          )}
          {sorted.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {bodyId !== null && (
        <p className="rules-who">
          {canEdit
            ? t(`handoverRules.byKind.${kind}.canEdit`)
            : t(`handoverRules.byKind.${kind}.readOnly`)}
        </p>
      )}
      {bodyId === null ? null : rules.isPending ? (
        <Loading />
      ) : rules.isError ? (
        <ErrorOrForbidden error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        rules.data.map((view) => (
          <RuleSection
            key={view.sector}
            view={view}
            bodyId={bodyId}
            kind={kind}
            canEdit={canEdit}
          />
        ))
      )}
    </>
  );
}

function RuleSection({
  view,
  bodyId,
  kind,
  canEdit,
}: {
  view: RuleView;
  bodyId: string;
  kind: BodyKindKey;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const headingId = `rule-${view.sector}-heading`;
  return (
    <section className="rule-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(`handoverRules.sectors.${view.sector}`)}{" "}
        <span className={`badge badge-small ${view.isDefault ? "badge-info" : "badge-success"}`}>
          {view.isDefault ? t("handoverRules.isDefault") : t(`handoverRules.byKind.${kind}.own`)}
        </span>{" "}
        {view.needsConfirmation && (
          <span className="badge badge-small badge-warning">
            {t("handoverRules.carried.awaiting")}
          </span>
        )}
      </h2>
      <RuleCarriedOver bodyId={bodyId} view={view} canEdit={canEdit} />
      <RuleAgreement bodyId={bodyId} kind={kind} view={view} />
      <div className="rule-explanation">
        {explainRule(t, view.sector, view.rule, kind).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
        {view.isDefault && (
          <p className="form-hint">{t(`handoverRules.byKind.${kind}.defaultHint`)}</p>
        )}
      </div>
      {canEdit ? (
        <RuleEditor bodyId={bodyId} kind={kind} view={view} />
      ) : (
        <RuleTable view={view} kind={kind} />
      )}
    </section>
  );
}
