import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorOrForbidden } from "../access/RequireLogin";
import { activeMembership, type Membership, useMe } from "../access/session-api";
import { getJson } from "../api/client";
import { useClusters } from "../api/queries";
import type { ClusterSummary } from "../api/types";
import { Loading } from "../components/Loading";
import { RuleEditor } from "./RuleEditor";
import { RuleTable } from "./RuleTable";
import { explainRule, type RuleView } from "./rule-text";

/** The roles the server lets change a cluster's rules, when acting for its secretariat. */
const EDITING_ROLES = ["coordinator", "cluster_lead"];

/** The cluster a member works in: a secretariat's own, or the one of the acting hospital. */
function clusterOfMember(m: Membership | undefined, clusters: ClusterSummary[]): string | null {
  if (!m) return null;
  if (m.organisation.clusterId) return m.organisation.clusterId;
  const hospital = m.organisation.hospitalId;
  return clusters.find((c) => c.acuteHospitals.some((h) => h.id === hospital))?.id ?? null;
}

/**
 * A cluster's handover rules for both receiving sectors, in plain words and in
 * detail: the deadline in service time, when it runs, and who is reminded
 * when. The cluster's own coordinators edit them here; everyone else reads.
 */
export function HandoverRulesPage() {
  const { t } = useTranslation();
  const acting = activeMembership(useMe().data);
  const clusters = useClusters();
  const [params, setParams] = useSearchParams();
  const sorted = [...(clusters.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, "da"));
  const clusterId = params.get("klynge") ?? clusterOfMember(acting, sorted);
  const rules = useQuery({
    queryKey: ["handover-rules", clusterId],
    queryFn: ({ signal }) =>
      getJson<RuleView[]>(
        `/api/clusters/${encodeURIComponent(clusterId ?? "")}/handover-rules`,
        signal,
      ),
    enabled: clusterId !== null,
  });
  const canEdit =
    acting?.organisation.kind === "cluster_secretariat" &&
    acting.organisation.clusterId === clusterId &&
    EDITING_ROLES.includes(acting.role);

  return (
    <>
      <title>{`${t("handoverRules.title")} – ${t("app.name")}`}</title>
      <h1>{t("handoverRules.title")}</h1>
      <p className="font-lead">{t("handoverRules.intro")}</p>
      <div className="form-group">
        <label className="form-label" htmlFor="rules-cluster">
          {t("handoverRules.cluster")}
        </label>
        <select
          id="rules-cluster"
          className="form-select"
          value={clusterId ?? ""}
          onChange={(e) => setParams(e.target.value ? { klynge: e.target.value } : {})}
        >
          {clusterId === null && <option value="">{t("handoverRules.chooseCluster")}</option>}
          {sorted.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {clusterId !== null && (
        <p className="rules-who">
          {canEdit ? t("handoverRules.canEdit") : t("handoverRules.readOnly")}
        </p>
      )}
      {clusterId === null ? null : rules.isPending ? (
        <Loading />
      ) : rules.isError ? (
        <ErrorOrForbidden error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        rules.data.map((view) => (
          <RuleSection key={view.sector} view={view} clusterId={clusterId} canEdit={canEdit} />
        ))
      )}
    </>
  );
}

function RuleSection({
  view,
  clusterId,
  canEdit,
}: {
  view: RuleView;
  clusterId: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const headingId = `rule-${view.sector}-heading`;
  return (
    <section className="rule-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(`handoverRules.sectors.${view.sector}`)}{" "}
        <span className={`badge badge-small ${view.isDefault ? "badge-info" : "badge-success"}`}>
          {view.isDefault ? t("handoverRules.isDefault") : t("handoverRules.own")}
        </span>
      </h2>
      <div className="rule-explanation">
        {explainRule(t, view.sector, view.rule).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
        {view.isDefault && <p className="form-hint">{t("handoverRules.defaultHint")}</p>}
      </div>
      {canEdit ? <RuleEditor clusterId={clusterId} view={view} /> : <RuleTable view={view} />}
    </section>
  );
}
